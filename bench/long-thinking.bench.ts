// A reasoning model that thinks for minutes before answering, through the real `yardstick eval`:
// a local streaming server sends reasoning chunks every 100 ms for THINK seconds, then the answer.
// Checks that the sample finishes with one request, its reasoning stored apart and its answer scored;
// then a stream that stalls longer than the idle timeout mid-answer, which must be retried.
//
//   node bench/long-thinking.bench.ts            3 minutes of thinking (the issue's acceptance figure)
//   node bench/long-thinking.bench.ts 20         20 seconds
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type Action, startFakeServer } from '../test/adapters/providers/fake-model-server.ts';
import { runCliAsync } from '../test/helpers/run-cli.ts';

const THINK_S = Number(process.argv[2] ?? 180);
const work = mkdtempSync(join(tmpdir(), 'ys-think-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

async function scenario(name: string, script: (attempt: number) => Action): Promise<void> {
  const server = await startFakeServer({ script: (r) => script(r.attempt) });
  const store = join(work, `${name}.db`);
  const started = performance.now();
  // Idle timeout 5 s: far below the thinking time, far above the 100 ms between chunks.
  const r = await runCliAsync(
    ['--store', store, 'eval', '-m', `openai:thinker@${server.url}`, '-b', 'arithmetic'].concat([
      '--limit',
      '1',
      '--idle-timeout',
      '5000',
    ]),
  );
  const seconds = (performance.now() - started) / 1000;
  await server.close();
  const db = new DatabaseSync(store);
  const s = db
    .prepare('select verdict, extracted, response, length(reasoning) as r, finish_reason, error from samples')
    .get() as Record<string, unknown>;
  db.close();
  process.stdout.write(
    `${name}: exit ${r.status}, ${seconds.toFixed(1)} s, requests sent ${server.total()}, verdict ${s.verdict}, ` +
      `extracted ${s.extracted}, finish ${s.finish_reason}, reasoning ${s.r} chars, answer ${JSON.stringify(s.response)}` +
      `${s.error ? `, error ${s.error}` : ''}\n`,
  );
}

await scenario(`thinks ${THINK_S} s`, () => ({
  kind: 'stream',
  reasoning: 'Let me work through this.',
  thinkMs: THINK_S * 1000,
  chunkMs: 100,
}));
await scenario('stalls past the 5 s idle timeout once', (attempt) =>
  attempt === 1 ? { kind: 'stream', text: 'The answer is 99999', stallAfter: 3 } : { kind: 'stream' },
);
