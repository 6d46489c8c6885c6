import type http from 'node:http';
import type { Socket } from 'node:net';
import { parseRetryAfter } from '../../core/engine/retry-after.ts';
import { ProviderError } from './provider-error.ts';
import { Redactor, redactKnown } from './redact.ts';
import { SseParser } from './sse-parser.ts';
import { HttpTimeouts } from './http-timeouts.ts';

export interface HttpResponse {
  status: number;
  /** The JSON body; null when the server answered with an event stream (its events went to onEvent). */
  json: unknown;
  streamed: boolean;
  latencyMs: number;
}

/** One server-sent event: its `event:` name (null when absent) and its `data:` lines joined. */
export interface SseEvent {
  event: string | null;
  data: string;
}

export interface HttpClientOptions {
  maxSockets: number;
  timeouts: HttpTimeouts;
  /** Bodies (JSON or the whole event stream) larger than this are an error; they are never held whole. */
  maxBodyBytes: number;
  secrets: (string | null)[];
}

// The modules come from process.getBuiltinModule: an ESM `import` of node:http builds its facade by
// reading every export, which loads fetch's implementation (~17 ms of start-up); https loads only
// for https URLs.
const httpModule = (): typeof import('node:http') => process.getBuiltinModule('node:http');
const httpsModule = (): typeof import('node:https') => process.getBuiltinModule('node:https');

const mib = (n: number) => `${Math.round((n / 2 ** 20) * 10) / 10} MiB`;

/**
 * JSON or server-sent events over HTTP(S) with keep-alive connections (at most `maxSockets` open).
 * Timeouts are per phase: connecting, the first byte of the body (time to first token), and the gap
 * between chunks; a total timeout applies only when one is set, so a generation that keeps streaming
 * is never cut. Bodies are read up to a size limit. Every failure becomes a ProviderError whose message
 * names no secret.
 */
export class HttpClient {
  private readonly agent: http.Agent;
  private readonly lib: typeof import('node:http') | typeof import('node:https');
  private readonly base: URL;
  private readonly redactor: Redactor;
  private readonly urls = new Map<string, URL>();
  readonly timeouts: HttpTimeouts;
  readonly maxBodyBytes: number;

  constructor(baseUrl: string, options: HttpClientOptions) {
    this.base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, scheduling: 'lifo' as const };
    this.lib = this.base.protocol === 'https:' ? httpsModule() : httpModule();
    this.agent = new this.lib.Agent(agentOptions);
    this.redactor = new Redactor(options.secrets);
    this.timeouts = HttpTimeouts.parse(options.timeouts);
    this.maxBodyBytes = options.maxBodyBytes;
  }

  /** The URL of an endpoint path, made once per path. */
  private urlOf(path: string): URL {
    let url = this.urls.get(path);
    if (!url) {
      url = new URL(path.replace(/^\//, ''), this.base);
      this.urls.set(path, url);
    }
    return url;
  }

  /**
   * POSTs a JSON body. A `text/event-stream` answer is parsed as it arrives and each event handed to
   * `onEvent` (which may throw a ProviderError to fail the request); any other 2xx answer must be JSON.
   */
  post(
    path: string,
    body: unknown,
    headers: Record<string, string>,
    signal?: AbortSignal,
    onEvent?: (e: SseEvent) => void,
  ): Promise<HttpResponse> {
    const url = this.urlOf(path);
    const payload = Buffer.from(JSON.stringify(body));
    const started = performance.now();
    const clean = (m: string) => redactKnown(this.redactor.text(m));
    const t = this.timeouts;
    const limit = this.maxBodyBytes;
    return new Promise<HttpResponse>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new ProviderError('aborted', 'request aborted'));
        return;
      }
      let settled = false;
      const timers = new Map<string, NodeJS.Timeout>();
      const arm = (name: string, ms: number | null, message: string) => {
        clearTimeout(timers.get(name));
        if (ms === null) return;
        timers.set(
          name,
          setTimeout(() => {
            fail(new ProviderError('timeout', message));
            req.destroy();
          }, ms),
        );
      };
      const disarm = (name: string) => {
        clearTimeout(timers.get(name));
        timers.delete(name);
      };
      const cleanup = () => {
        for (const timer of timers.values()) clearTimeout(timer);
        timers.clear();
        signal?.removeEventListener('abort', onAbort);
      };
      const fail = (e: ProviderError) => {
        if (settled) return;
        settled = true;
        cleanup();
        reject(e);
      };
      const req = this.lib.request(url, {
        method: 'POST',
        agent: this.agent,
        headers: {
          'content-type': 'application/json',
          'content-length': String(payload.length),
          accept: onEvent ? 'text/event-stream, application/json' : 'application/json',
          ...headers,
        },
      });
      const onAbort = () => {
        fail(new ProviderError('aborted', 'request aborted'));
        req.destroy();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      arm('connect', t.connectMs, `no connection to ${url.host} within ${t.connectMs} ms`);
      arm('first', t.firstTokenMs, `no response within ${t.firstTokenMs} ms (time to first token)`);
      arm('total', t.totalMs, `no complete response within ${t.totalMs} ms`);
      req.on('socket', (socket: Socket) => {
        if (socket.connecting) socket.once('connect', () => disarm('connect'));
        else disarm('connect');
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        fail(new ProviderError('network', clean(`${url.host}: ${err.code ?? err.message}`)));
      });
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        const type = String(res.headers['content-type'] ?? '');
        const sse =
          onEvent !== undefined && status >= 200 && status < 300 && type.includes('text/event-stream');
        const parser = sse ? new SseParser() : null;
        const chunks: Buffer[] = [];
        let bytes = 0;
        const cut = () => fail(new ProviderError('network', `${url.host}: response cut short`));
        res.on('data', (c: Buffer) => {
          if (settled) return;
          disarm('first');
          arm('idle', t.idleMs, `${url.host} sent nothing for ${t.idleMs} ms (idle timeout)`);
          bytes += c.length;
          if (bytes > limit) {
            fail(
              new ProviderError('too-large', `${url.host} sent a body larger than ${mib(limit)}`, {
                status,
              }),
            );
            res.destroy();
            req.destroy();
            return;
          }
          if (!parser) {
            chunks.push(c);
            return;
          }
          try {
            for (const e of parser.push(c)) onEvent!(e);
          } catch (err) {
            fail(
              err instanceof ProviderError
                ? err
                : new ProviderError('malformed', clean(`${url.host}: ${(err as Error).message}`)),
            );
            req.destroy();
          }
        });
        res.on('aborted', cut);
        res.on('error', (err: NodeJS.ErrnoException) =>
          fail(new ProviderError('network', clean(`${url.host}: ${err.code ?? err.message}`))),
        );
        res.on('close', () => {
          if (!res.complete) cut();
        });
        res.on('end', () => {
          if (settled) return;
          if (!res.complete) {
            cut();
            return;
          }
          const latencyMs = performance.now() - started;
          if (parser) {
            try {
              for (const e of parser.end()) onEvent!(e);
            } catch (err) {
              fail(
                err instanceof ProviderError
                  ? err
                  : new ProviderError('malformed', clean(`${url.host}: ${(err as Error).message}`)),
              );
              return;
            }
            settled = true;
            cleanup();
            resolve({ status, json: null, streamed: true, latencyMs });
            return;
          }
          const text = Buffer.concat(chunks).toString('utf8');
          const error = statusError(status, res.headers, text, url.host, clean);
          if (error) {
            fail(error);
            return;
          }
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            fail(
              new ProviderError(
                'malformed',
                `${url.host} sent a body that is not JSON (${text.length} bytes)`,
                { status },
              ),
            );
            return;
          }
          settled = true;
          cleanup();
          resolve({ status, json, streamed: false, latencyMs });
        });
      });
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The ProviderError for a non-2xx answer, or null for a 2xx one. */
function statusError(
  status: number,
  headers: http.IncomingHttpHeaders,
  text: string,
  host: string,
  clean: (m: string) => string,
): ProviderError | null {
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers['retry-after'] as string | undefined, Date.now());
    return new ProviderError('rate-limited', `HTTP 429 from ${host}`, { status, retryAfterMs });
  }
  if (status >= 200 && status < 300) return null;
  const kind =
    status === 503 && headers['retry-after'] !== undefined
      ? 'rate-limited'
      : status >= 500 || status === 408
        ? 'server'
        : status === 401 || status === 403
          ? 'auth'
          : 'client';
  const detail = clean(text.slice(0, 300)).replace(/\s+/g, ' ');
  const retryAfterMs =
    kind === 'rate-limited' ? parseRetryAfter(headers['retry-after'] as string, Date.now()) : null;
  return new ProviderError(kind, `HTTP ${status} from ${host}${detail ? `: ${detail}` : ''}`, {
    status,
    retryAfterMs,
  });
}
