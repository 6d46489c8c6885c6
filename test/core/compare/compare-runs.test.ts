import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareRuns } from '../../../src/core/compare/compare-runs.ts';
import { itemTags } from '../../../src/core/compare/item-tags.ts';
import { pairedItemTest } from '../../../src/core/compare/paired-item-test.ts';
import { deltaPairs, deltaResult } from '../../../src/core/compare/run-delta.ts';
import { isTruncated, sampleMatcher } from '../../../src/core/samples/sample-filter.ts';
import { verdictReason } from '../../../src/core/samples/verdict-reason.ts';
import { clopperPearson } from '../../../src/core/stats/clopper-pearson.ts';
import { exactMcNemarP } from '../../../src/core/stats/exact-mcnemar.ts';
import { runSpec, sample } from '../../helpers/fixtures.ts';

describe('exactMcNemarP', () => {
  it('is twice the binomial tail of the smaller discordant count at one half', () => {
    const close = (x: number, y: number) => assert.ok(Math.abs(x - y) < 1e-12, `${x} vs ${y}`);
    close(exactMcNemarP(1, 9), (2 * (1 + 10)) / 1024);
    close(exactMcNemarP(9, 1), (2 * (1 + 10)) / 1024);
    close(exactMcNemarP(0, 6), 2 / 64);
    close(exactMcNemarP(3, 12), (2 * (1 + 15 + 105 + 455)) / 2 ** 15);
  });
  it('is 1 for an even split or no discordant pairs, and stays finite for thousands of pairs', () => {
    assert.equal(exactMcNemarP(5, 5), 1);
    assert.equal(exactMcNemarP(0, 0), 1);
    const p = exactMcNemarP(1000, 1150);
    assert.ok(p > 0 && p < 0.01, String(p));
    assert.ok(exactMcNemarP(1100, 1100) === 1);
  });
  it('refuses counts that are not whole non-negative numbers', () => {
    assert.throws(() => exactMcNemarP(-1, 2), RangeError);
    assert.throws(() => exactMcNemarP(1.5, 2), RangeError);
  });
});

describe('clopperPearson', () => {
  it('matches the exact binomial interval at known values', () => {
    const close = (x: number, y: number) => assert.ok(Math.abs(x - y) < 1e-4, `${x} vs ${y}`);
    const none = clopperPearson(0, 10);
    assert.equal(none.low, 0);
    close(none.high, 1 - 0.025 ** (1 / 10));
    const half = clopperPearson(5, 10);
    close(half.low, 0.187086);
    close(half.high, 0.812914);
    assert.equal(clopperPearson(10, 10).high, 1);
  });
});

describe('pairedItemTest', () => {
  it('gives a single-sample interval that excludes zero exactly when the exact McNemar test rejects at 5%', () => {
    for (let up = 0; up <= 30; up++)
      for (let down = 0; down <= 30; down += 3) {
        const n = 100;
        const a = Array.from({ length: n }, (_, i) => (i < up ? 0 : i < up + down ? 1 : i % 2));
        const b = Array.from({ length: n }, (_, i) => (i < up ? 1 : i < up + down ? 0 : i % 2));
        const t = pairedItemTest(a, b, 1);
        const excludes = t.low > 0 || t.high < 0;
        assert.equal(excludes, t.p < 0.05, `${up} up, ${down} down: [${t.low}, ${t.high}], p ${t.p}`);
      }
  });

  const a = Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0 : 1));
  const b = a.map((x, i) => (i % 9 === 0 ? 1 : i % 10 === 1 ? 0 : x));
  it('uses exact McNemar for single binary samples, with a paired interval narrower than the unpaired one', () => {
    const t = pairedItemTest(a, b, 1);
    assert.equal(t.method, 'exact-mcnemar');
    assert.equal(t.improved, 12);
    assert.equal(t.regressed, 7);
    assert.equal(t.unchanged, 81);
    assert.ok(Math.abs(t.difference - 5) < 1e-9);
    assert.equal(t.p, exactMcNemarP(12, 7));
    assert.ok(t.high - t.low < t.unpaired.high - t.unpaired.low);
  });
  it('uses a seeded paired bootstrap over items with several samples per item, reproducibly', () => {
    const fa = a.map((x, i) => (i % 4 === 0 ? 0.5 : x));
    const t = pairedItemTest(fa, b, 4, 7);
    assert.equal(t.method, 'paired-bootstrap');
    assert.ok(t.low < t.difference && t.difference < t.high);
    assert.deepEqual(pairedItemTest(fa, b, 4, 7), t);
  });
  it('needs two shared items of the same length', () => {
    assert.throws(() => pairedItemTest([1], [1], 1), RangeError);
    assert.throws(() => pairedItemTest([1, 0], [1], 1), RangeError);
  });
});

describe('compareRuns', () => {
  const mk = (
    runId: string,
    scores: Record<string, number | null>,
    tags: Record<string, Record<string, string>> = {},
  ) =>
    Object.entries(scores).map(([itemId, score]) =>
      sample({
        runId,
        itemId,
        score,
        verdict: score === null ? 'error' : score === 1 ? 'correct' : 'incorrect',
        tags: tags[itemId] ?? {},
      }),
    );
  const tags = { '1': { level: '1' }, '2': { level: '1' }, '3': { level: '2' }, '10': { level: '2' } };
  it('compares only items scored in both runs, lists flipped items in item order, and groups by tag', () => {
    const c = compareRuns(
      mk('a', { '1': 1, '2': 0, '3': 1, '10': 0, '4': 1, '5': null }, tags),
      mk('b', { '1': 1, '2': 1, '3': 0, '10': 1, '5': 1, '6': 1 }, tags),
    );
    assert.equal(c.shared, 4);
    assert.equal(c.onlyA, 1, 'item 4; item 5 is an error in a');
    assert.equal(c.onlyB, 2);
    assert.deepEqual(
      c.flipped.map((f) => [f.itemId, f.a, f.b]),
      [
        ['2', 0, 1],
        ['3', 1, 0],
        ['10', 0, 1],
      ],
    );
    assert.deepEqual(
      c.groups.map((g) => [g.tag, g.value, g.items, g.test?.difference]),
      [
        ['level', '1', 2, 50],
        ['level', '2', 2, 0],
      ],
    );
    assert.equal(c.test?.improved, 2);
  });
  it('averages several samples of an item and reports how many there are', () => {
    const a = [
      ...mk('a', { x: 1, y: 0 }),
      sample({ runId: 'a', itemId: 'x', sampleIndex: 1, score: 0, verdict: 'incorrect' }),
    ];
    const c = compareRuns(a, mk('b', { x: 1, y: 0 }));
    assert.equal(c.samplesPerItem, 2);
    assert.deepEqual(c.flipped, [{ itemId: 'x', a: 0.5, b: 1, tags: {} }]);
    assert.equal(c.test?.method, 'paired-bootstrap');
  });
});

describe('Δ from paired runs', () => {
  const run = (
    id: string,
    condition: string | null,
    baseline: string | null,
    finishedAt: string | null,
    status = 'finished',
  ) => ({
    spec: runSpec({ id, condition, baseline }),
    status: status as 'finished',
    finishedAt,
  });
  it('pairs the latest finished run of a condition with the latest finished run of its baseline', () => {
    const pairs = deltaPairs([
      run('base-old', 'plain', null, '2026-01-01T00:00:00.000Z'),
      run('base-new', 'plain', null, '2026-01-02T00:00:00.000Z'),
      run('base-running', 'plain', null, null, 'running'),
      run('cot', 'cot', 'plain', '2026-01-01T12:00:00.000Z'),
      run('orphan', 'other', 'missing', '2026-01-01T12:00:00.000Z'),
    ]);
    assert.deepEqual(
      pairs.map((p) => [p.run.id, p.baseline.id]),
      [['cot', 'base-new']],
    );
  });
  it('is a pp result of condition minus baseline with the paired interval, sourced to the condition run', () => {
    const t = pairedItemTest([0, 0, 1, 1], [1, 1, 1, 0], 1);
    const r = deltaResult(runSpec({ id: 'c', condition: 'cot' }), runSpec({ id: 'b' }), t, 'accuracy');
    assert.equal(r.condition, 'cot');
    assert.equal(r.baseline, 'default');
    assert.equal(r.unit, 'pp');
    assert.equal(r.value, 25);
    assert.equal(r.ciLow, t.low);
    assert.equal(r.runId, 'c');
    assert.match(r.note!, /paired with run b on 4 items \(exact-mcnemar/);
  });
});

describe('samples: tags, filters and verdict reasons', () => {
  it('keeps subject, level and difficulty of an item as strings, and nothing else', () => {
    assert.deepEqual(
      itemTags({ metadata: { subject: 'Algebra', level: 3, solution: 'x', difficulty: '' } }),
      {
        subject: 'Algebra',
        level: '3',
      },
    );
  });
  it('filters by item, verdict, errors and truncation at the token limit', () => {
    const spec = runSpec({ generation: { maxTokens: 100 } });
    const cut = sample({ completionTokens: 100 });
    const fine = sample({ itemId: 'q2', completionTokens: 99, verdict: 'incorrect', score: 0 });
    const failed = sample({ itemId: 'q3', verdict: 'error', score: null, error: 'HTTP 500' });
    assert.ok(isTruncated(cut, spec));
    assert.ok(!isTruncated(fine, spec));
    assert.ok(!isTruncated(cut, runSpec()), 'no limit, nothing truncated');
    assert.ok(
      isTruncated({ ...fine, finishReason: 'length' }, runSpec()),
      'a recorded finish reason decides',
    );
    const all = [cut, fine, failed];
    assert.deepEqual(all.filter(sampleMatcher({ truncated: true }, spec)), [cut]);
    assert.deepEqual(all.filter(sampleMatcher({ error: true }, spec)), [failed]);
    assert.deepEqual(all.filter(sampleMatcher({ verdict: 'incorrect' }, spec)), [fine]);
    assert.deepEqual(all.filter(sampleMatcher({ item: 'q3' }, spec)), [failed]);
  });
  it('says why a sample got its verdict', () => {
    assert.equal(verdictReason(sample({ target: '4' })), 'extracted "4" matches the gold answer "4"');
    assert.match(verdictReason(sample({ verdict: 'error', score: null, error: 'HTTP 500' })), /HTTP 500/);
    assert.match(verdictReason(sample({ verdict: 'no-answer', score: 0 })), /no answer/);
  });
});
