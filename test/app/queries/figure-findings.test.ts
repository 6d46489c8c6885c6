import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startFakeServer } from '../../adapters/providers/fake-model-server.ts';
import { cliAsync } from '../../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-findings-'));
const store = join(dir, 'store.db');
const cli = (...args: string[]) => cliAsync(['--store', store, ...args]);
after(() => rmSync(dir, { recursive: true, force: true }));

/** The right answer to an arithmetic item, read from its text. */
function solve(text: string): number {
  const n = (re: RegExp) => (re.exec(text) ?? []).slice(1).map(Number);
  const [a, b, c] = n(/has (\d+) \w+, gets (\d+) more and gives (\d+) away/);
  if (a !== undefined) return a + b! - c!;
  const [boxes, each, left] = n(/fills (\d+) boxes with (\d+) \w+ each and has (\d+) left over/);
  if (boxes !== undefined) return boxes * each! + left!;
  const [total, groups] = n(/shares (\d+) \w+ equally among (\d+) friends/);
  return total! / groups!;
}

before(async () => {
  assert.equal((await cli('catalog', 'load')).code, 0);
  // Two measured models: "strong" answers every item, "weak" every third.
  let n = 0;
  const server = await startFakeServer({
    defaultText: (r) => {
      const messages = r.body.messages as { content: string }[];
      const right = solve(messages.map((m) => m.content).join('\n'));
      return `The answer is ${r.body.model === 'strong' || n++ % 3 === 0 ? right : right + 1}.`;
    },
  });
  try {
    for (const m of ['strong', 'weak']) {
      const r = await cli('eval', '-m', `openai:${m}@${server.url}`, '-b', 'arithmetic', '--limit', '60');
      assert.equal(r.code, 0, r.stderr);
    }
  } finally {
    await server.close();
  }
  const figure = join(dir, 'figure.jsonl');
  writeFileSync(
    figure,
    `${JSON.stringify({
      kind: 'figure',
      id: 'measured-arithmetic',
      chart: 'grouped-bars',
      title: 'Measured runs',
      benchmarks: ['arithmetic'],
      models: ['strong', 'weak'],
      options: { pairs: [['weak', 'strong']] },
    })}\n`,
  );
  assert.equal((await cli('import', figure)).code, 0);
});

test('describe --figure and analyze --figure --json state the same findings for every catalog figure and a figure of measured runs', async () => {
  const described = JSON.parse((await cli('describe', '--format', 'json')).stdout) as {
    figure: string;
    sections: { heading: string; bullets: string[] }[];
  }[];
  assert.deepEqual(
    described.map((d) => d.figure),
    [
      'fig1-livecodebench-v5',
      'fig2-delta-across-datasets',
      'fig3-swebench-verified',
      'fig4-reasoning-benchmarks',
      'fig5-math-accuracy-vs-size',
      'measured-arithmetic',
    ],
  );
  let paired = 0;
  for (const d of described) {
    const analyzed = JSON.parse((await cli('analyze', '--figure', d.figure, '--json')).stdout) as {
      text: string;
    }[];
    const observations = d.sections.find((s) => s.heading === 'Key Observations')!.bullets;
    assert.deepEqual(
      observations,
      analyzed.map((f) => f.text),
      d.figure,
    );
    if (d.figure === 'measured-arithmetic')
      paired = analyzed.filter((f) => /^On the same 60 items/.test(f.text)).length;
  }
  assert.ok(paired > 0, 'the measured figure has a paired finding, which needs per-item scores');
});
