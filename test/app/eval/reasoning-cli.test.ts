import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { resolveRunSettings } from '../../../src/app/eval/run-settings.ts';
import { runCliAsync } from '../../helpers/run-cli.ts';
import { sharedPath, skipWithoutShared } from '../../helpers/shared-dir.ts';
import { startFakeServer } from '../../adapters/providers/fake-model-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-recipe-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = runCliAsync;

/** `eval` of one model on the arithmetic task into a store. */
const evalArgs = (store: string, url: string, ...more: string[]) => [
  '--store',
  store,
  'eval',
  '-m',
  `openai:m@${url}`,
  '-b',
  'arithmetic',
  ...more,
];

const runsOf = async (store: string) =>
  JSON.parse((await cli(['--store', store, 'runs', '--json'])).stdout) as Record<string, never>[];

test('the r1 recipe resolves to k=64 on AIME and 16 elsewhere at temperature 0.6, top-p 0.95, 32,768 tokens; flags override it', () => {
  const aime = resolveRunSettings({ recipe: 'r1' }, 'aime-2024');
  assert.equal(aime.samples, 64);
  assert.deepEqual(
    [aime.generation.temperature, aime.generation.topP, aime.generation.maxTokens],
    [0.6, 0.95, 32_768],
  );
  assert.deepEqual(aime.recipe, {
    name: 'r1',
    version: '1',
    temperature: 0.6,
    topP: 0.95,
    maxTokens: 32_768,
    samples: 64,
    aggregate: 'pass@1 averaged over the k samples of each item',
  });
  assert.equal(resolveRunSettings({ recipe: 'r1' }, 'math-500').samples, 16);
  const over = resolveRunSettings({ recipe: 'r1', samples: 4, generation: { maxTokens: 1024 } }, 'aime-2024');
  assert.deepEqual([over.samples, over.generation.maxTokens, over.generation.temperature], [4, 1024, 0.6]);
  const greedy = resolveRunSettings({ recipe: 'greedy' }, 'gsm8k');
  assert.deepEqual([greedy.samples, greedy.generation.temperature], [1, 0]);
  assert.throws(() => resolveRunSettings({ recipe: 'nope' }, 'gsm8k'), /no recipe "nope".*r1, greedy/);
});

test('eval --recipe r1 -b aime-2024 sends 64 samples per item at temperature 0.6, top-p 0.95 and records it in the run', {
  skip: skipWithoutShared('datasets/aime2024'),
}, async () => {
  const server = await startFakeServer();
  try {
    const store = join(dir, 'r1.db');
    const r = await cli([
      '--store',
      store,
      'eval',
      '-m',
      `openai:r1-distill@${server.url}`,
      '-b',
      'aime-2024',
      '--recipe',
      'r1',
      '--limit',
      '1',
      '--data-dir',
      sharedPath('datasets')!,
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(server.total(), 64);
    assert.ok(server.log.every((q) => q.body.temperature === 0.6 && q.body.top_p === 0.95));
    assert.ok(server.log.every((q) => q.body.max_tokens === 32_768 && q.body.stream === true));
    const [run] = await runsOf(store);
    const spec = run as unknown as {
      samples: number;
      recipe: { name: string; samples: number };
      effectiveGeneration: Record<string, unknown>;
    };
    assert.equal(spec.samples, 64);
    assert.deepEqual([spec.recipe.name, spec.recipe.samples], ['r1', 64]);
    assert.equal(spec.effectiveGeneration.max_tokens, 32_768);
  } finally {
    await server.close();
  }
});

test('eval warns when more than 1% of samples were truncated, naming --max-tokens', async () => {
  const server = await startFakeServer({
    script: () => ({ kind: 'stream', text: 'A long derivation', finish: 'length' }),
  });
  try {
    const store = join(dir, 'trunc.db');
    const r = await cli(evalArgs(store, server.url, '--limit', '4', '--max-tokens', '64'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /truncated %/);
    assert.match(r.stdout, /100\.0/);
    assert.match(
      r.stderr,
      /warning: .*100\.0% of samples \(4\) hit the generation budget of 64 tokens.*--max-tokens/,
    );
    const [run] = await runsOf(store);
    const id = (run as unknown as { id: string }).id;
    const count = await cli(['--store', store, 'samples', id, '--finish-reason', 'length', '--count']);
    assert.equal(count.stdout.trim(), '4');
    const stopped = await cli(['--store', store, 'samples', id, '--finish-reason', 'stop', '--count']);
    assert.equal(stopped.stdout.trim(), '0');
    const lines = (await cli(['--store', store, 'samples', id, '--json'])).stdout.trim().split('\n');
    assert.equal(lines.length, 4);
    assert.ok(lines.every((l) => (JSON.parse(l) as { finishReason: string }).finishReason === 'length'));
  } finally {
    await server.close();
  }
});

test('a suite gives each model its own endpoint, key variable, generation settings and request limits', async () => {
  const a = await startFakeServer();
  const b = await startFakeServer();
  try {
    const store = join(dir, 'suite.db');
    const suite = join(dir, 'suite.yaml');
    writeFileSync(
      suite,
      [
        'models:',
        `  - openai:alpha@${a.url}`,
        '  - model: openai:beta@http://127.0.0.1:9/v1',
        `    baseUrl: ${b.url}`,
        '    apiKeyEnv: BETA_KEY',
        '    maxTokens: 128',
        '    temperature: 0.6',
        '    extraBody: { chat_template_kwargs: { enable_thinking: true } }',
        '    concurrency: 2',
        '    rpm: 600',
        'benchmarks: [arithmetic]',
        'limit: 3',
        'recipe: greedy',
      ].join('\n'),
    );
    const r = await cli(['--store', store, 'eval', suite]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(a.total(), 3);
    assert.equal(b.total(), 3);
    assert.ok(b.log.every((q) => q.body.max_tokens === 128 && q.body.temperature === 0.6));
    assert.deepEqual(b.log[0]!.body.chat_template_kwargs, { enable_thinking: true });
    assert.ok(a.log.every((q) => q.body.temperature === 0 && q.body.max_tokens === undefined));
    const specs = (await runsOf(store)) as unknown as {
      model: string;
      concurrency: number;
      endpoint: string;
      requestLimits: { rpm: number | null };
      provider: { args: { apiKeyEnv: string } };
    }[];
    const beta = specs.find((s) => s.model === 'beta')!;
    assert.equal(beta.endpoint, b.url);
    assert.equal(beta.concurrency, 2);
    assert.equal(beta.requestLimits.rpm, 600);
    assert.equal(beta.provider.args.apiKeyEnv, 'BETA_KEY');
  } finally {
    await a.close();
    await b.close();
  }
});

test('runs shows tokens split into prompt, reasoning and answer, and a cost estimate from a price table', async () => {
  const server = await startFakeServer({ script: () => ({ kind: 'stream', reasoning: 'think' }) });
  try {
    const store = join(dir, 'tokens.db');
    const prices = join(dir, 'prices.yaml');
    writeFileSync(prices, 'm:\n  input: 1000\n  output: 2000\n');
    const r = await cli(evalArgs(store, server.url, '--limit', '4'));
    assert.equal(r.status, 0, r.stderr);
    const [run] = JSON.parse(
      (await cli(['--store', store, 'runs', '--json', '--prices', prices])).stdout,
    ) as {
      usage: { tokens: Record<string, number>; costUsd: number; truncationRate: number };
    }[];
    // Each streamed answer reports 11 prompt tokens and 5 generated, 3 of them reasoning.
    assert.deepEqual(run!.usage.tokens, { prompt: 44, reasoning: 12, answer: 8 });
    assert.equal(run!.usage.truncationRate, 0);
    assert.equal(run!.usage.costUsd, (44 * 1000 + 20 * 2000) / 1e6);
    const table = await cli(['--store', store, 'runs', '--prices', prices]);
    assert.match(table.stdout, /reasoning tok.*cost \$/);
    const bad = join(dir, 'bad-prices.yaml');
    writeFileSync(bad, 'm:\n  input: cheap\n');
    const refused = await cli(['--store', store, 'runs', '--prices', bad]);
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /bad-prices\.yaml:2/);
  } finally {
    await server.close();
  }
});
