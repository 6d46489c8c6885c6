import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Provider } from '../../../src/adapters/providers/provider.ts';
import { ProviderError } from '../../../src/adapters/providers/provider-error.ts';
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
 * What every provider must do. `open` builds the provider; HTTP providers get the scripted server's URL,
 * an environment holding the key under TEST_KEY, and a request timeout: one long enough never to
 * expire on a loaded machine, and 300 ms for the test of timeouts alone.
 */
export function providerConformance(
  name: string,
  open: (ctx: { url: string; env: NodeJS.ProcessEnv; timeoutMs: number }) => Provider,
  options: { http: boolean; reasoningField?: boolean; skip?: string | false } = { http: true },
) {
  describe(`Provider conformance: ${name}`, { skip: options.skip ?? false }, () => {
    let server: FakeServer;
    let provider: Provider;
    let next: ((r: ReceivedRequest) => Action) | null = null;
    before(async () => {
      server = await startFakeServer({ script: (r) => next?.(r) ?? { kind: 'ok' } });
      provider = open({ url: server.url, env: { TEST_KEY: SECRET }, timeoutMs: 60_000 });
    });
    after(async () => {
      await provider?.close();
      await server?.close();
    });
    const script = (fn: ((r: ReceivedRequest) => Action) | null) => {
      next = fn;
    };

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
      // The client's 300 ms timer starts before the server's 1,500 ms one, in the same event loop, so
      // it fires first however loaded the machine is.
      const quick = open({ url: server.url, env: { TEST_KEY: SECRET }, timeoutMs: 300 });
      try {
        script(() => ({ kind: 'slow', delayMs: 1500 }));
        await rejectsWith(quick.generate(request()), 'timeout', true);
      } finally {
        await quick.close();
      }
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
}
