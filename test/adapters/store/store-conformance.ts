import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Store } from '../../../src/adapters/store/store.ts';
import type { SampleRecord } from '../../../src/core/schema/index.ts';
import { benchmark, model, result, runSpec, sample } from '../../helpers/fixtures.ts';

/**
 * The behaviour every Store implementation must have. Each implementation's test file calls this
 * with a function that opens a fresh, empty store.
 */
export function storeConformance(
  name: string,
  open: () => Promise<Store>,
  options: { skip?: string | false } = {},
) {
  describe(`Store conformance: ${name}`, { skip: options.skip ?? false }, () => {
    let store: Store;
    before(async () => {
      store = await open();
    });
    after(async () => {
      await store?.close();
    });

    test('model cards round-trip with every field, and upsert replaces by id', async () => {
      const card = model({
        id: 'moe-30b',
        name: 'MoE-30B',
        totalParamsB: 30.5,
        activeParamsB: 3.3,
        openWeights: true,
        openData: true,
        categories: ['moe', 'code'],
        releaseDate: '2025-04-29',
        baseModel: 'base-30b',
        trainingMethod: 'RL',
        reasoning: true,
        links: [{ label: 'card', url: 'https://example.org/moe' }],
        notes: 'n',
      });
      await store.importBatch({ models: [card] });
      assert.deepEqual(await store.models(), [card]);
      await store.importBatch({ models: [{ ...card, name: 'MoE-30B v2' }] });
      const again = await store.models();
      assert.equal(again.length, 1);
      assert.equal(again[0]!.name, 'MoE-30B v2');
    });

    test('results keep condition, baseline, uncertainty and publication source; re-import is idempotent', async () => {
      await store.importBatch({ models: [model()], benchmarks: [benchmark()] });
      const score = result({
        value: 61.25,
        n: 500,
        k: 4,
        stderr: 2.1,
        ciLow: 57.1,
        ciHigh: 65.4,
        ciLevel: 0.95,
        approximate: true,
        annotation: '†',
      });
      const delta = result({ condition: 'cot', baseline: 'default', value: -3.5 });
      const measured = result({ source: 'run', runId: 'run-9', paper: null, value: 60 });
      await store.importBatch({ results: [score, delta, measured] });
      await store.importBatch({ results: [score, delta, measured] });
      const rows = await store.results({ benchmarks: ['bench'] });
      assert.equal(rows.length, 3);
      assert.deepEqual(
        rows.find((r) => r.baseline === 'default'),
        delta,
      );
      assert.deepEqual(
        rows.find((r) => r.source === 'run'),
        measured,
      );
      assert.deepEqual(
        rows.find((r) => r.annotation === '†'),
        score,
      );
    });

    test('results filter by model and benchmark', async () => {
      await store.importBatch({
        models: [model({ id: 'other' })],
        benchmarks: [benchmark({ id: 'bench-2' })],
        results: [result({ model: 'other', benchmark: 'bench-2', value: 10 })],
      });
      assert.equal((await store.results({ models: ['other'] })).length, 1);
      assert.equal((await store.results({ benchmarks: ['bench-2'], models: ['m-7b'] })).length, 0);
    });

    test('a batch that fails part-way writes nothing', async () => {
      const before = (await store.models()).length;
      const bad = result({ model: 'does-not-exist', benchmark: 'also-missing' });
      await assert.rejects(store.importBatch({ models: [model({ id: 'new-one' })], results: [bad] }));
      assert.equal((await store.models()).length, before);
    });

    test('figure presets round-trip', async () => {
      const fig = {
        id: 'f1',
        chart: 'heatmap' as const,
        title: 'T',
        caption: null,
        benchmarks: ['bench'],
        models: null,
        paper: null,
        groups: { 'm-7b': 'G' },
        options: { a: 1 },
      };
      await store.importBatch({ figures: [fig] });
      assert.deepEqual(await store.figures(), [fig]);
    });

    test('runs keep their spec and status', async () => {
      const spec = runSpec();
      await store.createRun(spec);
      assert.deepEqual((await store.run('run-1'))?.spec, spec);
      assert.equal((await store.run('run-1'))?.status, 'queued');
      await store.updateRun('run-1', { status: 'finished', finishedAt: '2026-01-02T00:00:00.000Z' });
      const done = await store.run('run-1');
      assert.equal(done?.status, 'finished');
      assert.ok(done?.finishedAt);
      assert.equal((await store.runs()).length, 1);
      assert.equal(await store.run('nope'), null);
    });

    test('updateRun applies only when the guard matches: status and owner compare-and-set', async () => {
      await store.createRun(runSpec({ id: 'run-cas' }));
      const counts = { done: 3, total: 10, errors: 1, cached: 2 };
      assert.equal(
        await store.updateRun('run-cas', { status: 'running', owner: 'a' }, { status: ['queued'] }),
        true,
      );
      assert.equal(
        await store.updateRun('run-cas', { status: 'running', owner: 'b' }, { status: ['queued'] }),
        false,
      );
      assert.equal(
        await store.updateRun('run-cas', { counts, heartbeatAt: '2026-01-01T00:00:05.000Z' }, { owner: 'b' }),
        false,
      );
      assert.equal(
        await store.updateRun('run-cas', { counts, heartbeatAt: '2026-01-01T00:00:05.000Z' }, { owner: 'a' }),
        true,
      );
      const run = await store.run('run-cas');
      assert.deepEqual(run?.progress, { owner: 'a', heartbeatAt: '2026-01-01T00:00:05.000Z', ...counts });
      await store.updateRun('run-cas', { status: 'failed', reason: 'connection refused' });
      assert.equal((await store.run('run-cas'))?.reason, 'connection refused');
      assert.equal(await store.updateRun('no-such-run', { status: 'failed' }), false);
    });

    test('runCounts count samples and errors per run and sum the scored ones; samplePage pages by key', async () => {
      await store.createRun(runSpec({ id: 'run-page', benchmark: 'paging' }));
      const rows = [];
      for (let i = 0; i < 7; i++)
        rows.push(
          sample({
            runId: 'run-page',
            itemId: `i${i}`,
            verdict: i === 3 ? 'error' : i % 2 ? 'correct' : 'incorrect',
            score: i === 3 ? null : i % 2,
            error: i === 3 ? 'HTTP 500' : null,
            response: i === 3 ? null : 'r',
          }),
        );
      await store.putSamples(rows);
      const [tally] = await store.runCounts(['run-page']);
      assert.deepEqual(
        { samples: tally?.samples, errors: tally?.error, meanScore: tally!.scoreSum / tally!.scored },
        { samples: 7, errors: 1, meanScore: 2 / 6 },
      );
      assert.deepEqual(await store.runCounts([]), []);
      const seen: string[] = [];
      let after: { itemId: string; sampleIndex: number } | null = null;
      let pages = 0;
      do {
        const page = await store.samplePage('run-page', { after, limit: 3 });
        seen.push(...page.samples.map((x) => x.itemId));
        after = page.next;
        pages++;
      } while (after);
      assert.deepEqual(seen, ['i0', 'i1', 'i2', 'i3', 'i4', 'i5', 'i6']);
      assert.equal(pages, 3);
      const errors = await store.samplePage('run-page', { limit: 10, verdict: 'error' });
      assert.deepEqual(
        errors.samples.map((x) => x.itemId),
        ['i3'],
      );
      assert.equal(errors.next, null);
    });

    test('samples stream back in item order, replace on the same key, and aggregate without errors', async () => {
      const samples = [];
      for (let i = 0; i < 2500; i++) {
        samples.push(
          sample({
            itemId: `q${String(i).padStart(4, '0')}`,
            score: i % 2,
            verdict: i % 2 ? 'correct' : 'incorrect',
          }),
        );
      }
      samples.push(
        sample({ itemId: 'q9999', verdict: 'error', score: null, response: null, error: 'HTTP 500' }),
      );
      await store.putSamples(samples);
      await store.putSamples([sample({ itemId: 'q0000', score: 1, verdict: 'correct' })]);
      let n = 0;
      let last = '';
      for await (const s of store.samples('run-1')) {
        assert.ok(s.itemId >= last);
        last = s.itemId;
        n++;
      }
      assert.equal(n, 2501);
      const [agg] = await store.aggregateSamples({ benchmark: 'bench' });
      assert.equal(agg?.samples, 2501);
      assert.equal(agg?.errors, 1);
      assert.equal(agg?.scored, 2500);
      assert.equal(agg?.runs, 1);
      assert.equal(agg?.meanScore, 1251 / 2500);
    });

    test('recordSamples writes samples and cached responses together; a cached response is never overwritten', async () => {
      await store.createRun(runSpec({ id: 'run-cache' }));
      const response = (text: string) => ({
        key: `k-${text}`,
        provider: 'openai-chat',
        endpoint: 'http://127.0.0.1:1/v1',
        model: 'm',
        response: { completions: [{ text, reasoning: null }], promptTokens: 3, nested: { a: [1, 2] } },
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      await store.recordSamples(
        [
          sample({ runId: 'run-cache', itemId: 'a' }),
          sample({ runId: 'run-cache', itemId: 'b', sampleIndex: 1 }),
        ],
        [response('one'), response('two')],
      );
      await store.recordSamples([], [{ ...response('one'), response: { completions: [] } }]);
      const hits = await store.cachedResponses(['k-one', 'k-two', 'k-missing', 'k-one']);
      assert.equal(hits.size, 2);
      assert.deepEqual(hits.get('k-one'), response('one'));
      assert.equal(hits.has('k-missing'), false);
      assert.equal((await store.cachedResponses([])).size, 0);
    });

    test('recordSamples with keepRecorded keeps a stored sample and replaces only an error sample', async () => {
      await store.createRun(runSpec({ id: 'run-keep' }));
      await store.recordSamples(
        [
          sample({ runId: 'run-keep', itemId: 'a', verdict: 'correct', score: 1 }),
          sample({ runId: 'run-keep', itemId: 'b', verdict: 'error', score: null, error: 'HTTP 500' }),
        ],
        [],
      );
      await store.recordSamples(
        [
          sample({ runId: 'run-keep', itemId: 'a', verdict: 'incorrect', score: 0 }),
          sample({ runId: 'run-keep', itemId: 'b', verdict: 'correct', score: 1 }),
          sample({ runId: 'run-keep', itemId: 'c', verdict: 'incorrect', score: 0 }),
        ],
        [],
        { keepRecorded: true },
      );
      const states = await store.sampleStatesOf('run-keep', ['a', 'b', 'c', 'zz']);
      assert.deepEqual(
        states.map((s) => [s.itemId, s.sampleIndex, s.verdict]),
        [
          ['a', 0, 'correct'],
          ['b', 0, 'correct'],
          ['c', 0, 'incorrect'],
        ],
      );
      assert.deepEqual(await store.sampleStatesOf('run-keep', []), []);
    });

    test('a recordSamples batch that fails part-way writes neither samples nor responses', async () => {
      const bad = { ...sample({ runId: 'run-cache', itemId: 'c' }), messages: undefined } as never;
      await assert.rejects(
        store.recordSamples(
          [bad],
          [
            {
              key: 'k-rolled-back',
              provider: 'p',
              endpoint: null,
              model: 'm',
              response: {},
              createdAt: '2026-01-01T00:00:00.000Z',
            },
          ],
        ),
      );
      assert.equal((await store.cachedResponses(['k-rolled-back'])).size, 0);
      assert.equal((await store.sampleStates('run-cache')).length, 2);
    });

    test('atomically commits samples and results together, and writes nothing when it throws part-way', async () => {
      await store.importBatch({ models: [model()], benchmarks: [benchmark()] });
      await store.createRun(runSpec({ id: 'run-atomic' }));
      await assert.rejects(
        store.atomically(async (tx) => {
          await tx.putSamples([sample({ runId: 'run-atomic', itemId: 'a1' })]);
          await tx.importBatch({ results: [result({ value: 11, paper: 'atomic' })] });
          throw new Error('killed part-way');
        }),
        /killed part-way/,
      );
      assert.equal((await store.sampleStates('run-atomic')).length, 0);
      assert.equal((await store.results()).filter((r) => r.paper === 'atomic').length, 0);
      const seen = await store.atomically(async (tx) => {
        await tx.putSamples([sample({ runId: 'run-atomic', itemId: 'a1' })]);
        await tx.importBatch({ results: [result({ value: 12, paper: 'atomic' })] });
        return (await tx.sampleStates('run-atomic')).length;
      });
      assert.equal(seen, 1, 'writes inside are visible to reads inside');
      assert.equal((await store.sampleStates('run-atomic')).length, 1);
      assert.deepEqual(
        (await store.results()).filter((r) => r.paper === 'atomic').map((r) => r.value),
        [12],
      );
    });

    test('a sample keeps its scoring provenance through a write and a read, and null stays null', async () => {
      await store.createRun(runSpec({ id: 'run-scoring' }));
      const scoring = {
        rule: 'final-answer' as const,
        extracted: '$10,455$',
        normalized: { gold: '10455', answer: '10455' },
        method: 'numeric' as const,
      };
      await store.putSamples([
        sample({ runId: 'run-scoring', itemId: 'a', scoring }),
        sample({ runId: 'run-scoring', itemId: 'b' }),
        sample({ runId: 'run-scoring', itemId: 'c', verdict: 'error', score: null, error: 'scorer-timeout' }),
      ]);
      const rows = new Map<string, SampleRecord>();
      for await (const s of store.samples('run-scoring')) rows.set(s.itemId, s);
      assert.deepEqual(rows.get('a')?.scoring, scoring);
      assert.equal(rows.get('b')?.scoring, null);
      assert.equal(rows.get('c')?.error, 'scorer-timeout');
      await store.putSamples([{ ...rows.get('b')!, scoring: { ...scoring, rule: 'boxed' } }]);
      for await (const s of store.samples('run-scoring')) rows.set(s.itemId, s);
      assert.equal(rows.get('b')?.scoring?.rule, 'boxed');
    });

    test('sampleStates lists item, index, verdict, score and extracted answer of a run in order, errors included', async () => {
      await store.createRun(runSpec({ id: 'run-states' }));
      const keys = 1200;
      const samples = [];
      for (let i = keys - 1; i >= 0; i--) {
        samples.push(
          sample({
            runId: 'run-states',
            itemId: `i${String(i % 400).padStart(3, '0')}`,
            sampleIndex: Math.floor(i / 400),
            verdict: i === 5 ? 'error' : 'correct',
            score: i === 5 ? null : 1,
          }),
        );
      }
      await store.recordSamples(samples, []);
      const states = await store.sampleStates('run-states');
      assert.equal(states.length, keys);
      assert.deepEqual(states[0], {
        itemId: 'i000',
        sampleIndex: 0,
        verdict: 'correct',
        score: 1,
        extracted: '4',
      });
      assert.deepEqual(states[1], {
        itemId: 'i000',
        sampleIndex: 1,
        verdict: 'correct',
        score: 1,
        extracted: '4',
      });
      assert.deepEqual(
        states.filter((s) => s.verdict === 'error'),
        [{ itemId: 'i005', sampleIndex: 0, verdict: 'error', score: null, extracted: '4' }],
      );
      assert.deepEqual(await store.sampleStates('no-such-run'), []);
    });

    test('sampleSummaries pages a run by keyset, narrowed by verdict and by text (case-insensitive, % literal)', async () => {
      await store.createRun(runSpec({ id: 'run-summaries' }));
      const samples = [];
      for (let i = 0; i < 25; i++)
        samples.push(
          sample({
            runId: 'run-summaries',
            itemId: `p${String(i).padStart(2, '0')}`,
            verdict: i % 5 === 0 ? 'error' : i % 2 ? 'correct' : 'incorrect',
            score: i % 5 === 0 ? null : i % 2,
            response: i === 7 ? `The ANSWER is 100% ${'x'.repeat(400)}` : `answer ${i}`,
            error: i % 5 === 0 ? 'timeout' : null,
          }),
        );
      await store.recordSamples(samples, []);
      const query = { after: null, limit: 10, verdicts: [], text: null };
      const first = await store.sampleSummaries('run-summaries', query);
      assert.deepEqual(
        first.map((s) => s.itemId),
        samples.slice(0, 10).map((s) => s.itemId),
      );
      const last = first[first.length - 1]!;
      const second = await store.sampleSummaries('run-summaries', { ...query, after: last });
      assert.equal(second[0]!.itemId, 'p10');
      const errors = await store.sampleSummaries('run-summaries', {
        ...query,
        limit: 100,
        verdicts: ['error'],
      });
      assert.deepEqual(
        errors.map((s) => [s.itemId, s.error, s.score]),
        [0, 5, 10, 15, 20].map((i) => [`p${String(i).padStart(2, '0')}`, 'timeout', null]),
      );
      const found = await store.sampleSummaries('run-summaries', { ...query, text: 'answer is 100%' });
      assert.deepEqual(
        found.map((s) => s.itemId),
        ['p07'],
      );
      assert.equal(found[0]!.preview!.length, 160);
      assert.deepEqual(await store.sampleSummaries('run-summaries', { ...query, text: '10_' }), []);
    });

    test('sample returns one sample whole, or null; runCounts counts stored samples by verdict', async () => {
      await store.createRun(runSpec({ id: 'run-one' }));
      const one = sample({ runId: 'run-one', itemId: 'q1', sampleIndex: 2, response: '<script>x</script>' });
      const bad = sample({ runId: 'run-one', itemId: 'q2', verdict: 'no-answer', score: 0 });
      await store.recordSamples([one, bad], []);
      assert.deepEqual(await store.sample('run-one', 'q1', 2), one);
      assert.equal(await store.sample('run-one', 'q1', 0), null);
      assert.deepEqual(await store.runCounts(['run-one', 'no-such-run']), [
        {
          runId: 'run-one',
          samples: 2,
          correct: 1,
          incorrect: 0,
          noAnswer: 1,
          error: 0,
          scored: 2,
          scoreSum: 1,
        },
      ]);
      assert.deepEqual(await store.runCounts([]), []);
    });

    test('itemScores gives each item of a run the mean score of its scored samples, errors left out', async () => {
      await store.createRun(runSpec({ id: 'run-items' }));
      await store.recordSamples(
        [
          sample({ runId: 'run-items', itemId: 'b', sampleIndex: 0, score: 1 }),
          sample({ runId: 'run-items', itemId: 'b', sampleIndex: 1, verdict: 'incorrect', score: 0 }),
          sample({ runId: 'run-items', itemId: 'a', sampleIndex: 0, score: 1 }),
          sample({ runId: 'run-items', itemId: 'a', sampleIndex: 1, verdict: 'error', score: null }),
          sample({ runId: 'run-items', itemId: 'c', sampleIndex: 0, verdict: 'error', score: null }),
        ],
        [],
      );
      assert.deepEqual(
        [...(await store.itemScores('run-items'))],
        [
          ['a', 1],
          ['b', 0.5],
        ],
      );
      assert.deepEqual(await store.itemScores('no-such-run'), new Map());
    });

    test('importBatch writes runs as they are, with their samples (gold answer and tags kept), and replaces them on re-import', async () => {
      const run = {
        spec: runSpec({ id: 'run-imported', condition: 'cot', baseline: 'plain' }),
        status: 'finished' as const,
        finishedAt: '2026-01-02T03:04:05.678Z',
        reason: null,
        progress: {
          owner: null,
          heartbeatAt: '2026-01-02T03:04:05.000Z',
          done: 2,
          total: 2,
          errors: 1,
          cached: 0,
        },
      };
      const samples = [
        sample({ runId: 'run-imported', itemId: 'a', target: '4', tags: { subject: 'Algebra', level: '2' } }),
        sample({ runId: 'run-imported', itemId: 'b', verdict: 'error', score: null, error: 'HTTP 500' }),
      ];
      const counts = await store.importBatch({ runs: [run], samples });
      assert.equal(counts.runs, 1);
      assert.equal(counts.samples, 2);
      assert.deepEqual(await store.run('run-imported'), run);
      const back = [];
      for await (const s of store.samples('run-imported')) back.push(s);
      assert.deepEqual(back, samples);
      await store.importBatch({
        runs: [{ ...run, status: 'interrupted' }],
        samples: [{ ...samples[0]!, score: 0 }],
      });
      assert.equal((await store.run('run-imported'))?.status, 'interrupted');
      const again = [];
      for await (const s of store.samples('run-imported')) again.push(s);
      assert.equal(again.length, 2);
      assert.equal(again[0]?.score, 0);
    });

    test('deleteResults removes results by natural key and ignores unknown keys', async () => {
      const keep = result({ model: 'm-7b', condition: 'keep', value: 1 });
      const drop = result({ model: 'm-7b', condition: 'drop', value: 2 });
      await store.importBatch({ results: [keep, drop] });
      const { resultKey } = await import('../../../src/core/schema/index.ts');
      await store.deleteResults([resultKey(drop), 'no|such|key']);
      const left = (await store.results()).filter((r) => r.condition === 'keep' || r.condition === 'drop');
      assert.deepEqual(left, [keep]);
    });

    test('samples keep finish reason and reasoning tokens; runUsage sums tokens and counts finish reasons', async () => {
      await store.createRun(runSpec({ id: 'run-usage' }));
      const base = { runId: 'run-usage', promptTokens: 10, completionTokens: 100 };
      await store.putSamples([
        sample({ ...base, itemId: 'a', finishReason: 'stop', reasoningTokens: 60 }),
        sample({ ...base, itemId: 'b', finishReason: 'length', reasoningTokens: 100, verdict: 'no-answer' }),
        sample({ ...base, itemId: 'c', finishReason: 'stop' }),
        sample({ runId: 'run-usage', itemId: 'd', verdict: 'error', score: null, finishReason: 'error' }),
        sample({ runId: 'run-usage', itemId: 'e' }),
      ]);
      const back = [];
      for await (const s of store.samples('run-usage')) back.push(s);
      assert.equal(back[1]!.finishReason, 'length');
      assert.equal(back[1]!.reasoningTokens, 100);
      assert.equal(
        back[4]!.finishReason,
        undefined,
        'a sample without a finish reason reads back without one',
      );
      assert.deepEqual(
        (
          await store.sampleSummaries('run-usage', {
            after: null,
            limit: 10,
            verdicts: [],
            text: null,
            truncated: true,
          })
        ).map((x) => x.itemId),
        ['b'],
      );
      assert.deepEqual(await store.runUsage('run-usage'), {
        samples: 5,
        finishReasons: { stop: 2, length: 1, error: 1, unknown: 1 },
        promptTokens: 30,
        completionTokens: 300,
        reasoningTokens: 160,
      });
    });
  });
}
