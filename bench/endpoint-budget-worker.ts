// One worker process of bench/endpoint-budget.bench.ts: sends requests to an OpenAI-compatible
// endpoint through the request scheduler, sharing the endpoint's budget through PostgreSQL, until
// argv[5] (epoch ms). argv: store URL, base URL, local concurrency, window ms, deadline.
// Prints one JSON line: { sent, queries }.
import { OpenAiProvider } from '../src/adapters/providers/openai-provider.ts';
import { openPostgresEndpointBudget } from '../src/adapters/queue/postgres-endpoint-budget.ts';
import { RequestScheduler } from '../src/app/eval/request-scheduler.ts';
import { usedTokens } from '../src/app/eval/scheduler-settings.ts';
import { GenerationConfig } from '../src/core/schema/index.ts';

const [url, baseUrl, concurrency, windowMs, deadline] = process.argv.slice(2);
const budget = await openPostgresEndpointBudget(url!, { windowMs: Number(windowMs) });
const lanes = Number(concurrency);
const provider = new OpenAiProvider('chat', {
  model: 'fake',
  baseUrl: baseUrl!,
  apiKeyEnv: null,
  concurrency: lanes,
});
const scheduler = new RequestScheduler({
  concurrency: lanes,
  shared: { budget, endpoint: provider.endpoint, estimatedTokens: 64 },
});
const generation = GenerationConfig.parse({ maxTokens: 32 });
const stop = AbortSignal.timeout(Math.max(0, Number(deadline) - Date.now()));
let sent = 0;
const lane = async (l: number) => {
  for (let i = 0; !stop.aborted; i++) {
    try {
      await scheduler.run(
        () =>
          provider.generate({
            messages: [{ role: 'user', content: `What is ${l} + ${i}?` }],
            generation,
            n: 1,
            seed: i,
            signal: stop,
          }),
        stop,
        usedTokens,
      );
      sent++;
    } catch (err) {
      if (!stop.aborted) throw err;
    }
  }
};
await Promise.all(Array.from({ length: lanes }, (_, l) => lane(l)));
const queries = budget.queries;
await budget.close();
await provider.close();
process.stdout.write(`${JSON.stringify({ sent, queries })}\n`);
