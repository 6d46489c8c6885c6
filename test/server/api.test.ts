import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Store } from '../../src/adapters/store/store.ts';
import { createApp } from '../../src/server/create-app.ts';
import { dashboardStore, XSS } from './dashboard-fixture.ts';

// biome-ignore lint/suspicious/noExplicitAny: each test checks the JSON answers field by field.
type Json = any;

describe('dashboard HTTP API', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  let uiDir: string;
  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, body: (await res.json()) as Json, res };
  };
  before(async () => {
    const fx = await dashboardStore();
    store = fx.store;
    uiDir = join(fx.dir, 'ui');
    mkdirSync(join(uiDir, 'assets'), { recursive: true });
    writeFileSync(
      join(uiDir, 'index.html'),
      '<!doctype html><script type="module" src="/assets/a.js"></script>',
    );
    writeFileSync(join(uiDir, 'assets', 'a.js'), 'export {};');
    app = createApp({ store, uiDir, writeToken: 'sesame' });
  });
  after(() => store?.close());

  test('models and benchmarks list every stored card', async () => {
    const models = await get('/api/models');
    assert.equal(models.status, 200);
    assert.ok(models.body.some((m: { id: string }) => m.id === 'tiny-a'));
    const benchmarks = await get('/api/benchmarks');
    assert.ok(benchmarks.body.some((b: { id: string }) => b.id === 'arith'));
  });

  test('results take the filters of `yardstick results`: family, source, sort', async () => {
    const { body } = await get('/api/results?family=tiny&source=run&sort=score');
    assert.deepEqual(
      body.map((r: { model: string; value: number }) => [r.model, r.value]),
      [
        ['tiny-b', 75],
        ['tiny-a', 50],
      ],
    );
    assert.equal(body[0].modelCard.family, 'Tiny');
    const bad = await get('/api/results?minParams=-3');
    assert.equal(bad.status, 400);
    assert.match(bad.body.error, /minParams/);
  });

  test('the leaderboard puts measured and published scores of a model side by side', async () => {
    const { body } = await get('/api/results/leaderboard?benchmark=arith');
    assert.deepEqual(body.benchmarks, [{ id: 'arith', name: 'Arith' }]);
    const b = body.rows.find((r: { model: string }) => r.model === 'tiny-b');
    assert.equal(b.cells[0].measured.value, 75);
    assert.equal(b.cells[0].measured.ref, 'run-b');
    assert.equal(b.cells[0].published.value, 70);
  });

  test('a figure comes with its Vega-Lite spec, findings and description; an unknown one is 404', async () => {
    const list = await get('/api/figures');
    assert.ok(list.body.length > 0);
    const id = list.body[0].id;
    const { body } = await get(`/api/figures/${id}`);
    assert.equal(body.preset.id, id);
    assert.match(body.spec.$schema, /vega-lite/);
    assert.ok(Array.isArray(body.findings));
    assert.equal(body.description.figure, id);
    assert.ok(body.points.length > 0);
    assert.equal((await get('/api/figures/no-such-figure')).status, 404);
  });

  test('runs list their status and counts; a run shows mean score and an error summary', async () => {
    const { body } = await get('/api/runs');
    const a = body.find((r: { spec: { id: string } }) => r.spec.id === 'run-a');
    assert.equal(a.status, 'finished');
    assert.deepEqual(a.counts, {
      runId: 'run-a',
      samples: 40,
      correct: 20,
      incorrect: 19,
      noAnswer: 0,
      error: 1,
      scored: 39,
      scoreSum: 20,
    });
    const one = await get('/api/runs/run-a');
    assert.equal(one.body.meanScore, 20 / 39);
    assert.deepEqual(one.body.errors, [{ message: 'HTTP 500 from provider', count: 1 }]);
    assert.equal((await get('/api/runs/nope')).status, 404);
  });

  test('samples come in keyset pages whose cursor leads to the next page, narrowed by verdict, text and truncation', async () => {
    const first = await get('/api/runs/run-a/samples?limit=15');
    assert.equal(first.body.samples.length, 15);
    assert.equal(first.body.next, '0~item-14');
    const second = await get(`/api/runs/run-a/samples?limit=30&after=${encodeURIComponent(first.body.next)}`);
    assert.equal(second.body.samples[0].itemId, 'item-15');
    assert.equal(second.body.samples.length, 25);
    assert.equal(second.body.next, null);
    const errs = await get('/api/runs/run-a/samples?verdict=error');
    assert.deepEqual(
      errs.body.samples.map((s: { itemId: string }) => s.itemId),
      ['item-39'],
    );
    const found = await get('/api/runs/run-a/samples?q=%3Cscript');
    assert.deepEqual(
      found.body.samples.map((s: { itemId: string }) => s.itemId),
      ['item-03'],
    );
    const cut = await get('/api/runs/run-a/samples?truncated=1');
    assert.deepEqual(
      cut.body.samples.map((s: { itemId: string }) => s.itemId),
      ['item-05'],
    );
    assert.equal((await get('/api/runs/run-a/samples?verdict=maybe')).status, 400);
    assert.equal((await get('/api/runs/run-a/samples?after=garbage')).status, 400);
  });

  test('one sample comes whole, its response as a JSON string, with its run spec', async () => {
    const { body, res } = await get('/api/runs/run-a/sample?item=item-03&index=0');
    assert.match(res.headers.get('content-type')!, /application\/json/);
    assert.ok(body.sample.response.startsWith(XSS));
    assert.equal(body.sample.reasoning, 'First add, then check.');
    assert.equal(body.run.id, 'run-a');
    assert.equal((await get('/api/runs/run-a/sample?item=item-03&index=5')).status, 404);
  });

  test('compare answers the counts and the paired test of two runs, without their items', async () => {
    const { body } = await get('/api/compare?a=run-a&b=run-b');
    assert.equal(body.items, undefined);
    assert.deepEqual(body.counts, { improved: 19, regressed: 10, unchanged: 10, 'only-a': 0, 'only-b': 0 });
    assert.equal(body.test.items, 39);
    assert.equal(body.test.method, 'exact-mcnemar');
    assert.equal((await get('/api/compare?a=run-a&b=nope')).status, 404);
    assert.equal((await get('/api/compare?a=run-a')).status, 400);
  });

  test('compare pages the items of two runs by keyset in id order, all of them or those of one change', async () => {
    type Item = { itemId: string; change: string; a: number; b: number };
    const all = async (query: string) => {
      const items: Item[] = [];
      for (let after: string | null = null, first = true; first || after !== null; first = false) {
        const page = await get(
          `/api/compare/items?a=run-a&b=run-b&limit=4${query}${after === null ? '' : `&after=${encodeURIComponent(after)}`}`,
        );
        assert.ok(page.body.items.length <= 4);
        if (page.body.next !== null) assert.equal(page.body.next, page.body.items.at(-1).itemId);
        items.push(...page.body.items);
        after = page.body.next;
      }
      return items;
    };
    const every = await all('');
    assert.equal(every.length, 39);
    assert.deepEqual(
      every.map((x) => x.itemId),
      [...new Set(every.map((x) => x.itemId))].sort(),
    );
    const unchanged = await all('&change=unchanged');
    assert.equal(unchanged.length, 10);
    assert.ok(unchanged.every((x) => x.change === 'unchanged' && x.a === x.b));
    assert.equal((await all('&change=regressed')).length, 10);
    assert.equal((await all('&change=improved,regressed')).length, 29);
    assert.equal((await get('/api/compare/items?a=run-a&b=run-b&limit=0')).status, 400);
    assert.equal((await get('/api/compare/items?a=run-a&b=run-b&change=worse')).status, 400);
    assert.equal((await get('/api/compare/items?a=nope&b=run-b')).status, 404);
  });

  test('writes need the write token: none is 401, a wrong one 401, the right one stores the figure', async () => {
    const figure = { chart: 'grouped-bars', title: 'Arith', benchmarks: ['arith'] };
    const put = (auth?: string) =>
      app.request('/api/figures/arith-saved', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify(figure),
      });
    assert.equal((await put()).status, 401);
    assert.equal((await put('Bearer wrong')).status, 401);
    assert.equal((await put('Bearer sesame')).status, 201);
    assert.ok((await get('/api/figures')).body.some((f: { id: string }) => f.id === 'arith-saved'));
    const readOnly = createApp({ store, uiDir });
    const res = await readOnly.request('/api/figures/x', { method: 'PUT', body: '{}' });
    assert.equal(res.status, 403);
  });

  test('a figure body with a repeated key or deep nesting is a 400 naming the problem, and nothing is stored', async () => {
    const put = (id: string, body: string) =>
      app.request(`/api/figures/${id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: 'Bearer sesame' },
        body,
      });
    const deep = `{"chart":"grouped-bars","title":"T","benchmarks":["arith"],"options":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    for (const [id, body, problem] of [
      ['deep-fig', deep, 'body: nested deeper than 100 levels'],
      [
        'dup-fig',
        '{"chart":"grouped-bars","title":"a","title":"b","benchmarks":["arith"]}',
        'body: duplicate key "title"',
      ],
      ['list-fig', '[1]', 'body: expected a JSON object'],
    ]) {
      const res = await put(id!, body!);
      assert.equal(res.status, 400);
      assert.deepEqual(await res.json(), { error: problem });
    }
    const ids = (await get('/api/figures')).body.map((f: { id: string }) => f.id);
    assert.deepEqual(
      ids.filter((i: string) => /-fig$/.test(i)),
      [],
    );
  });

  test('every response carries a strict CSP without inline script; the UI is served, its assets cached', async () => {
    const page = await app.request('/');
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy')!;
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    const asset = await app.request('/assets/a.js');
    assert.match(asset.headers.get('content-type')!, /javascript/);
    assert.match(asset.headers.get('cache-control')!, /immutable/);
    assert.equal((await app.request('/assets/../../store.db')).status, 404);
    assert.ok((await get('/api/nope')).res.headers.get('content-security-policy'));
  });

  test('no response carries the store location or a stack trace', async () => {
    const res = await app.request('/api/runs/run-a/samples?limit=0');
    const text = await res.text();
    assert.equal(res.status, 400);
    assert.doesNotMatch(text, /store\.db|at .*\.ts:\d+/);
  });
});
