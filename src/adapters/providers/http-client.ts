import type http from 'node:http';
import { parseRetryAfter } from '../../core/engine/retry-after.ts';
import { ProviderError } from './provider-error.ts';
import { Redactor, redactKnown } from './redact.ts';

export interface HttpResponse {
  status: number;
  json: unknown;
  latencyMs: number;
}

// The modules come from process.getBuiltinModule: an ESM `import` of node:http builds its facade by
// reading every export, which loads fetch's implementation (~17 ms of start-up); https loads only
// for https URLs.
const httpModule = (): typeof import('node:http') => process.getBuiltinModule('node:http');
const httpsModule = (): typeof import('node:https') => process.getBuiltinModule('node:https');

/**
 * JSON over HTTP(S) with keep-alive connections (at most `maxSockets` open), a per-request timeout and
 * an AbortSignal. Every failure becomes a ProviderError whose message names no secret.
 */
export class HttpClient {
  private readonly agent: http.Agent;
  private readonly lib: typeof import('node:http') | typeof import('node:https');
  private readonly base: URL;
  private readonly redactor: Redactor;
  private readonly urls = new Map<string, URL>();
  readonly timeoutMs: number;

  constructor(
    baseUrl: string,
    options: { maxSockets: number; timeoutMs: number; secrets: (string | null)[] },
  ) {
    this.base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, scheduling: 'lifo' as const };
    this.lib = this.base.protocol === 'https:' ? httpsModule() : httpModule();
    this.agent = new this.lib.Agent(agentOptions);
    this.redactor = new Redactor(options.secrets);
    this.timeoutMs = options.timeoutMs;
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

  post(
    path: string,
    body: unknown,
    headers: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<HttpResponse> {
    const url = this.urlOf(path);
    const payload = Buffer.from(JSON.stringify(body));
    const started = performance.now();
    const clean = (m: string) => redactKnown(this.redactor.text(m));
    return new Promise<HttpResponse>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new ProviderError('aborted', 'request aborted'));
        return;
      }
      let settled = false;
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
          accept: 'application/json',
          ...headers,
        },
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        fail(new ProviderError('network', clean(`${url.host}: ${err.code ?? err.message}`)));
      });
      const timer = setTimeout(() => {
        fail(new ProviderError('timeout', `no complete response within ${this.timeoutMs} ms`));
        req.destroy();
      }, this.timeoutMs);
      const onAbort = () => {
        fail(new ProviderError('aborted', 'request aborted'));
        req.destroy();
      };
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('aborted', () => fail(new ProviderError('network', `${url.host}: response cut short`)));
        res.on('error', (err: NodeJS.ErrnoException) =>
          fail(new ProviderError('network', clean(`${url.host}: ${err.code ?? err.message}`))),
        );
        res.on('close', () => {
          if (!res.complete) fail(new ProviderError('network', `${url.host}: response cut short`));
        });
        res.on('end', () => {
          if (settled) return;
          if (!res.complete) {
            fail(new ProviderError('network', `${url.host}: response cut short`));
            return;
          }
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          const latencyMs = performance.now() - started;
          if (status === 429) {
            const retryAfterMs = parseRetryAfter(
              res.headers['retry-after'] as string | undefined,
              Date.now(),
            );
            fail(new ProviderError('rate-limited', `HTTP 429 from ${url.host}`, { status, retryAfterMs }));
            return;
          }
          if (status < 200 || status >= 300) {
            const kind =
              status >= 500 || status === 408
                ? 'server'
                : status === 401 || status === 403
                  ? 'auth'
                  : 'client';
            const detail = clean(text.slice(0, 300)).replace(/\s+/g, ' ');
            fail(
              new ProviderError(kind, `HTTP ${status} from ${url.host}${detail ? `: ${detail}` : ''}`, {
                status,
              }),
            );
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
          resolve({ status, json, latencyMs });
        });
      });
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
