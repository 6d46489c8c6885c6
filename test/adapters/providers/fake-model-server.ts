import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type StreamShape, streamAnswer } from './fake-stream.ts';

/** What the server does with one request. */
export type Action =
  | { kind: 'ok'; text?: string; reasoning?: string; delayMs?: number }
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'malformed' }
  | { kind: 'reset' }
  | { kind: 'truncate' }
  /** An event stream with the given shape and timings (faults mid-stream included). */
  | ({ kind: 'stream'; text?: string } & StreamShape)
  /** A well-formed body without a completion: content null, content [], no choices, or "". */
  | { kind: 'empty'; variant: 'null' | 'array' | 'no-choices' | 'empty-string' }
  /** A JSON body of this many bytes, written in pieces (never held in memory whole). */
  | { kind: 'huge-json'; bytes: number };

export interface ReceivedRequest {
  path: string;
  body: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
  /** sha256 of the request body without the seed-independent fields kept: identifies a request's content. */
  contentKey: string;
  /** How many times a request with this content arrived, this one included. */
  attempt: number;
}

export interface FakeServerOptions {
  /** Decides each request; by default every request succeeds with `defaultText`. */
  script?: (req: ReceivedRequest) => Action;
  /** Added before every response. */
  latencyMs?: number;
  /** The answer text when the script gives none: by default "The answer is N." with N derived from the prompt. */
  defaultText?: (req: ReceivedRequest) => string;
}

export interface FakeServer {
  url: string;
  /** Every request received, in arrival order (empty when `keepLog` is false). */
  log: ReceivedRequest[];
  /** Requests per content key. */
  counts: Map<string, number>;
  total: () => number;
  close: () => Promise<void>;
}

function lastUserText(body: Record<string, unknown>): string {
  const messages = body.messages as { role: string; content: string }[] | undefined;
  if (messages) return messages.filter((m) => m.role === 'user').pop()?.content ?? '';
  return String(body.prompt ?? '');
}

/** A deterministic answer: the first number in the prompt when the seed is even, else 42. */
export function defaultAnswer(req: ReceivedRequest): string {
  const n = /\d+/.exec(lastUserText(req.body))?.[0] ?? '0';
  const seed = typeof req.body.seed === 'number' ? req.body.seed : 0;
  return `Let me think. The answer is ${seed % 2 === 0 ? n : 42}.`;
}

/**
 * A local model server speaking OpenAI chat completions, OpenAI completions and the Anthropic Messages
 * API, with scripted answers and injected faults (429 + Retry-After, 5xx, slow responses, malformed
 * JSON, connection resets, truncated bodies).
 */
export async function startFakeServer(
  options: FakeServerOptions = {},
  port = 0,
  keepLog = true,
): Promise<FakeServer> {
  const log: ReceivedRequest[] = [];
  const counts = new Map<string, number>();
  let total = 0;
  const script = options.script ?? (() => ({ kind: 'ok' }) as Action);
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      const contentKey = createHash('sha256').update(raw).digest('hex');
      const attempt = (counts.get(contentKey) ?? 0) + 1;
      counts.set(contentKey, attempt);
      total++;
      const received: ReceivedRequest = {
        path: req.url ?? '',
        body,
        headers: req.headers,
        contentKey,
        attempt,
      };
      if (keepLog) log.push(received);
      const action = script(received);
      const respond = () => answer(received, action, res, options);
      const delay = (options.latencyMs ?? 0) + (action.kind === 'ok' ? (action.delayMs ?? 0) : 0);
      if (delay > 0) setTimeout(respond, delay);
      else respond();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/v1`,
    log,
    counts,
    total: () => total,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function answer(
  req: ReceivedRequest,
  action: Action,
  res: http.ServerResponse,
  options: FakeServerOptions,
): void {
  switch (action.kind) {
    case 'status': {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (action.retryAfter !== undefined) headers['retry-after'] = action.retryAfter;
      res
        .writeHead(action.status, headers)
        .end(action.body ?? JSON.stringify({ error: { message: 'scripted' } }));
      return;
    }
    case 'slow':
      setTimeout(() => {
        if (!res.destroyed) answer(req, { kind: 'ok' }, res, options);
      }, action.delayMs);
      return;
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"choices": [ {"message": ');
      return;
    case 'reset':
      res.socket?.destroy();
      return;
    case 'truncate': {
      const full = JSON.stringify(okBody(req, 'The answer is 7.', undefined));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(full.length + 50) });
      res.write(full.slice(0, Math.floor(full.length / 2)));
      setTimeout(() => res.socket?.destroy(), 5);
      return;
    }
    case 'stream':
      streamAnswer(req.path, res, action.text ?? (options.defaultText ?? defaultAnswer)(req), action);
      return;
    case 'empty': {
      const body = emptyBody(req.path, action.variant);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      return;
    }
    case 'huge-json': {
      res.writeHead(200, { 'content-type': 'application/json' });
      const piece = Buffer.alloc(1 << 20, 0x20);
      let left = action.bytes;
      res.write('{"choices": [');
      const more = () => {
        while (left > 0 && !res.destroyed) {
          left -= piece.length;
          if (!res.write(piece)) {
            res.once('drain', more);
            return;
          }
        }
        if (!res.destroyed) res.end(']}');
      };
      more();
      return;
    }
    case 'ok': {
      const text = action.text ?? (options.defaultText ?? defaultAnswer)(req);
      if (req.body.stream === true) {
        streamAnswer(req.path, res, text, { reasoning: action.reasoning });
        return;
      }
      const body = JSON.stringify(okBody(req, text, action.reasoning));
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      });
      res.end(body);
    }
  }
}

function emptyBody(path: string, variant: 'null' | 'array' | 'no-choices' | 'empty-string'): unknown {
  if (path.endsWith('/messages')) {
    if (variant === 'no-choices') return { id: 'msg_1', type: 'message', stop_reason: 'end_turn' };
    if (variant === 'empty-string') return { content: [{ type: 'text', text: '' }], stop_reason: 'end_turn' };
    return { content: variant === 'null' ? null : [], stop_reason: 'end_turn' };
  }
  if (variant === 'no-choices') return { id: 'x', object: 'chat.completion', usage: null };
  const content = variant === 'null' ? null : variant === 'array' ? [] : '';
  if (path.endsWith('/chat/completions'))
    return {
      choices:
        variant === 'array'
          ? []
          : [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    };
  return { choices: variant === 'array' ? [] : [{ index: 0, text: content, finish_reason: 'stop' }] };
}

function okBody(req: ReceivedRequest, text: string, reasoning: string | undefined): unknown {
  const n = typeof req.body.n === 'number' ? req.body.n : 1;
  const usage = { prompt_tokens: 11, completion_tokens: 5, total_tokens: 16 };
  if (req.path.endsWith('/messages')) {
    return {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      content: [...(reasoning ? [{ type: 'thinking', thinking: reasoning }] : []), { type: 'text', text }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 11, output_tokens: 5 },
    };
  }
  if (req.path.endsWith('/chat/completions')) {
    return {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      choices: Array.from({ length: n }, (_, i) => ({
        index: i,
        message: {
          role: 'assistant',
          content: n > 1 ? `${text} #${i}` : text,
          ...(reasoning ? { reasoning_content: reasoning } : {}),
        },
        finish_reason: 'stop',
      })),
      usage,
    };
  }
  return {
    id: 'cmpl-1',
    object: 'text_completion',
    choices: Array.from({ length: n }, (_, i) => ({
      index: i,
      text: n > 1 ? `${text} #${i}` : text,
      finish_reason: 'stop',
    })),
    usage,
  };
}

// Run as a process (for benches): node fake-model-server.ts [port] [latencyMs]
if (import.meta.main) {
  const port = Number(process.argv[2] ?? 0);
  const latencyMs = Number(process.argv[3] ?? 0);
  const s = await startFakeServer({ latencyMs }, port, false);
  process.stdout.write(`${s.url}\n`);
  process.on('SIGTERM', () => void s.close().then(() => process.exit(0)));
}
