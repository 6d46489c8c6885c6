import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Provider } from '../../../src/adapters/providers/provider.ts';
import { ProviderError } from '../../../src/adapters/providers/provider-error.ts';
import { normalizeFinishReason } from '../../../src/core/engine/finish-reason.ts';
import { GenerationConfig } from '../../../src/core/schema/run-spec.ts';
import { type Action, type FakeServer, type ReceivedRequest, startFakeServer } from './fake-model-server.ts';

const SECRET = 'sk-test-SECRET-0123456789';
const request = (over: Partial<Parameters<Provider['generate']>[0]> = {}) => ({
  messages: [
    { role: 'system' as const, content: 'Answer briefly.' },
    { role: 'user' as const, content: 'What is 17 + 25?' },
  ],
  generation: GenerationConfig.parse({ temperature: 0.5, maxTokens: 16, extraBody: { top_k: 20 } }),
  n: 1,
  seed: 7,
  ...over,
});

async function rejectsWith(p: Promise<unknown>, kind: string, retryable: boolean): Promise<ProviderError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof ProviderError, `expected a ProviderError, got ${String(err)}`);
    assert.equal(err.kind, kind, err.message);
    assert.equal(err.retryable, retryable);
    assert.ok(!err.message.includes(SECRET), 'the API key leaked into an error message');
    return err;
  }
  assert.fail(`expected a ${kind} error`);
}

/**
 * Registers hooks that start a scripted server and a provider on it for the enclosing describe, hands
 * both to `set`, and returns the function that sets the script (null: every request succeeds).
 */
function scripted(
  make: (url: string) => Provider,
  set: (server: FakeServer, provider: Provider) => void,
): (fn: ((r: ReceivedRequest) => Action) | null) => void {
  let next: ((r: ReceivedRequest) => Action) | null = null;
  let server: FakeServer | undefined;
  let provider: Provider | undefined;
  before(async () => {
    server = await startFakeServer({ script: (r) => next?.(r) ?? { kind: 'ok' } });
    provider = make(server.url);
    set(server, provider);
  });
  after(async () => {
    await provider?.close();
    await server?.close();
  });
  return (fn) => {
    next = fn;
  };
}

/**
 * What every provider must do. `open` builds the provider; HTTP providers get the scripted server's URL,
 * an environment holding the key under TEST_KEY, and a 1 s total request timeout (generous: the machine may be loaded).
 */
export function providerConformance(
  name: string,
  open: (ctx: {
    url: string;
    env: NodeJS.ProcessEnv;
    timeoutMs: number | undefined;
    extra?: Record<string, unknown>;
  }) => Provider,
  options: { http: boolean; reasoningField?: boolean; skip?: string | false } = { http: true },
) {
  describe(`Provider conformance: ${name}`, { skip: options.skip ?? false }, () => {
    let server: FakeServer;
    let provider: Provider;
    const script = scripted(
      (url) => open({ url, env: { TEST_KEY: SECRET }, timeoutMs: 1000 }),
      (s, p) => {
        server = s;
        provider = p;
      },
    );

    test('generate returns one completion with text, usage and latency', async () => {
      script(null);
      const g = await provider.generate(request());
      assert.equal(g.completions.length, 1);
      assert.equal(typeof g.completions[0]!.text, 'string');
      assert.ok(g.latencyMs >= 0);
      for (const t of [g.promptTokens, g.completionTokens])
        assert.ok(t === null || (Number.isInteger(t) && t >= 0));
      if (options.http) {
        assert.match(g.completions[0]!.text, /answer is/);
        assert.equal(g.promptTokens, 11);
        assert.equal(g.completionTokens, 5);
      }
    });

    test('n = 2 returns two completions', async () => {
      script(null);
      const g = await provider.generate(request({ n: 2 }));
      assert.equal(g.completions.length, 2);
    });

    test('an aborted signal rejects with an aborted error', async () => {
      script(null);
      await rejectsWith(provider.generate(request({ signal: AbortSignal.abort() })), 'aborted', false);
    });

    if (!options.http) return;

    test('the key from the named environment variable is sent, and the generation config reaches the body', async () => {
      script(null);
      const before = server.log.length;
      await provider.generate(request());
      const sent = server.log[before]!;
      assert.ok(JSON.stringify(sent.headers).includes(SECRET));
      assert.equal(sent.body.temperature, 0.5);
      assert.equal(sent.body.top_k, 20);
    });

    test('reasoning is kept apart from the answer: reasoning field and <think> block', async () => {
      if (options.reasoningField !== false) {
        script(() => ({ kind: 'ok', text: 'The answer is 42.', reasoning: 'add the tens' }));
        const a = await provider.generate(request());
        assert.equal(a.completions[0]!.text, 'The answer is 42.');
        assert.equal(a.completions[0]!.reasoning, 'add the tens');
      }
      script(() => ({ kind: 'ok', text: '<think>17+25=42</think>\nThe answer is 42.' }));
      const b = await provider.generate(request());
      assert.equal(b.completions[0]!.text, 'The answer is 42.');
      assert.equal(b.completions[0]!.reasoning, '17+25=42');
    });

    test('429 is rate-limited and carries Retry-After in milliseconds', async () => {
      script(() => ({ kind: 'status', status: 429, retryAfter: '2' }));
      const e = await rejectsWith(provider.generate(request()), 'rate-limited', true);
      assert.equal(e.retryAfterMs, 2000);
      assert.equal(e.status, 429);
    });

    test('500 is a retryable server error and 400 is not retryable; neither message shows the key', async () => {
      script(() => ({ kind: 'status', status: 500, body: `internal error for key ${SECRET}` }));
      await rejectsWith(provider.generate(request()), 'server', true);
      script(() => ({ kind: 'status', status: 400, body: `bad request, Bearer ${SECRET}` }));
      await rejectsWith(provider.generate(request()), 'client', false);
    });

    test('a response slower than the timeout is a retryable timeout', async () => {
      script(() => ({ kind: 'slow', delayMs: 4000 }));
      await rejectsWith(provider.generate(request()), 'timeout', true);
    });

    test('malformed JSON, a connection reset and a truncated body are retryable', async () => {
      script(() => ({ kind: 'malformed' }));
      await rejectsWith(provider.generate(request()), 'malformed', true);
      script(() => ({ kind: 'reset' }));
      await rejectsWith(provider.generate(request()), 'network', true);
      script(() => ({ kind: 'truncate' }));
      await rejectsWith(provider.generate(request()), 'network', true);
    });

    test('the connection is reused across requests (keep-alive)', async () => {
      script(null);
      const before = server.log.length;
      for (let i = 0; i < 3; i++) await provider.generate(request());
      const ports = new Set(server.log.slice(before).map((r) => r.headers.connection));
      assert.deepEqual([...ports], ['keep-alive']);
    });
  });

  if (!options.http) return;
  describe(`Provider streaming: ${name}`, { skip: options.skip ?? false }, () => {
    let server: FakeServer;
    let provider: Provider;
    // No total timeout: only the idle timeout (1 s: chunks come every 100 ms, with room for a loaded
    // machine) and a 1 MiB body limit.
    const script = scripted(
      (url) =>
        open({
          url,
          env: { TEST_KEY: SECRET },
          timeoutMs: undefined,
          extra: { idleTimeoutMs: 1000, maxBodyBytes: 2 ** 20 },
        }),
      (s, p) => {
        server = s;
        provider = p;
      },
    );

    test('a request asks for a stream, and the streamed answer comes back with usage and finish reason', async () => {
      script(null);
      const before = server.log.length;
      const g = await provider.generate(request());
      assert.equal(server.log[before]!.body.stream, true);
      assert.match(g.completions[0]!.text, /answer is/);
      assert.equal(g.promptTokens, 11);
      assert.equal(g.completionTokens, 5);
      assert.equal(normalizeFinishReason(g.finishReason), 'stop');
    });

    test('thinking that streams for longer than the idle timeout finishes in one request, reasoning apart', async () => {
      script(() => ({
        kind: 'stream',
        text: 'The answer is 42.',
        reasoning: 'step one',
        thinkMs: 2500,
        chunkMs: 100,
      }));
      const before = server.log.length;
      const g = await provider.generate(request());
      assert.equal(server.log.length - before, 1);
      assert.equal(g.completions[0]!.text, 'The answer is 42.');
      assert.match(g.completions[0]!.reasoning ?? '', /^step one( hmm)+$/);
    });

    test('inline <think> and a lone </think> in a stream are reasoning, not answer', async () => {
      script(() => ({ kind: 'stream', text: 'The answer is 42.', reasoning: 'add', inlineThink: true }));
      const a = await provider.generate(request());
      assert.equal(a.completions[0]!.text, 'The answer is 42.');
      assert.ok(a.completions[0]!.reasoning?.includes('add'));
      script(() => ({ kind: 'stream', text: 'the template opened it</think>\nThe answer is 42.' }));
      const b = await provider.generate(request());
      assert.equal(b.completions[0]!.text, 'The answer is 42.');
      assert.equal(b.completions[0]!.reasoning, 'the template opened it');
    });

    test('a stream cut by max tokens reports length; one that never closes its thinking has no answer', async () => {
      script(() => ({ kind: 'stream', text: 'The answer is', finish: 'length' }));
      const g = await provider.generate(request());
      assert.equal(normalizeFinishReason(g.finishReason), 'length');
      script(() => ({ kind: 'stream', text: '<think>still going', finish: 'length' }));
      const u = await provider.generate(request());
      assert.equal(u.completions[0]!.text, '');
      assert.equal(u.completions[0]!.unclosed, true);
    });

    test('a stream that stalls mid-answer is an idle timeout (retryable), not a partial answer', async () => {
      script(() => ({ kind: 'stream', stallAfter: 3 }));
      const e = await rejectsWith(provider.generate(request()), 'timeout', true);
      assert.match(e.message, /idle/);
    });

    test('a stream cut, ended early, or carrying an error or a broken event is a retryable error', async () => {
      script(() => ({ kind: 'stream', cutAfter: 3 }));
      await rejectsWith(provider.generate(request()), 'network', true);
      script(() => ({ kind: 'stream', noEnd: true }));
      await rejectsWith(provider.generate(request()), 'network', true);
      script(() => ({ kind: 'stream', errorEvent: true }));
      await rejectsWith(provider.generate(request()), 'server', true);
      script(() => ({ kind: 'stream', garbage: true }));
      await rejectsWith(provider.generate(request()), 'malformed', true);
    });

    test('an empty completion (null, [], no choices, "") is a retryable empty error, never an answer', async () => {
      for (const variant of ['null', 'array', 'no-choices', 'empty-string'] as const) {
        script(() => ({ kind: 'empty', variant }));
        await rejectsWith(provider.generate(request()), 'empty', true);
      }
    });

    test('a body over the size limit is an error, JSON or stream, read without holding it', async () => {
      script(() => ({ kind: 'huge-json', bytes: 8 * 2 ** 20 }));
      await rejectsWith(provider.generate(request()), 'too-large', true);
      script(() => ({ kind: 'stream', hugeBytes: 8 * 2 ** 20 }));
      await rejectsWith(provider.generate(request()), 'too-large', true);
    });

    test('the effective settings name the max tokens sent and the timeouts', () => {
      const s = provider.effectiveSettings(GenerationConfig.parse({ maxTokens: 64 }));
      assert.equal(s.max_tokens, 64);
      assert.equal(s.stream, true);
      assert.equal((s.timeouts as { idleMs: number }).idleMs, 1000);
    });
  });
}
