import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type DatasetFile, huggingFace, resolveUrl } from '../../../src/adapters/datasets/dataset-file.ts';
import { resolveDatasetFile } from '../../../src/adapters/datasets/resolve-dataset-file.ts';
import { UserError } from '../../../src/core/errors/user-error.ts';

const root = mkdtempSync(join(tmpdir(), 'ys-datasets-'));
const served = join(root, 'served');
const body = '{"question":"1+1?","answer":"#### 2"}\n';
const sha = createHash('sha256').update(body).digest('hex');
mkdirSync(join(served, 'toy'), { recursive: true });
writeFileSync(join(served, 'toy', 'test.jsonl'), body);
writeFileSync(join(served, 'toy', 'corrupt.jsonl'), `${body}x`);

let server: Server;
let base = '';
const hits: string[] = [];

before(async () => {
  // a mirror folder served over HTTP on 127.0.0.1, as an HF-like host would serve it
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const rel = decodeURIComponent(
      (req.url ?? '').replace(/^\/datasets\/[^/]+\/[^/]+\/resolve\/[^/]+\//, '/'),
    );
    try {
      const data = readFileSync(join(served, rel));
      res.writeHead(200).end(data);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
after(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

const file = (over: Partial<DatasetFile> = {}): DatasetFile => ({
  path: 'toy/test.jsonl',
  sha256: sha,
  bytes: body.length,
  urls: [`${base}/toy/test.jsonl`],
  ...over,
});
const ctx = (name: string, online = true) => ({ dataDir: null, cacheDir: join(root, name), online });

test('a file is downloaded, checked against its sha256 and stored in the cache; the next load reads the cache', async () => {
  const c = ctx('cache-a');
  const first = await resolveDatasetFile(file(), c);
  assert.equal(first.from, 'download');
  assert.equal(first.data.toString(), body);
  assert.equal(readFileSync(join(c.cacheDir, 'toy/test.jsonl'), 'utf8'), body);
  const n = hits.length;
  const second = await resolveDatasetFile(file(), { ...c, online: false });
  assert.equal(second.from, 'cache');
  assert.equal(hits.length, n);
});

test('a download whose checksum does not match is rejected and never cached', async () => {
  const c = ctx('cache-b');
  await assert.rejects(resolveDatasetFile(file({ urls: [`${base}/toy/corrupt.jsonl`] }), c), (err: Error) => {
    assert.ok(err instanceof UserError);
    assert.match(err.message, /checksum mismatch/);
    return true;
  });
  assert.throws(() => readFileSync(join(c.cacheDir, 'toy/test.jsonl')));
});

test('the next source is tried when one fails', async () => {
  const r = await resolveDatasetFile(
    file({ urls: [`${base}/missing.jsonl`, `${base}/toy/test.jsonl`] }),
    ctx('cache-c'),
  );
  assert.equal(r.from, 'download');
});

test('offline with no copy anywhere: a clear error naming where the file was looked for', async () => {
  const c = { dataDir: join(root, 'empty-mirror'), cacheDir: join(root, 'cache-d'), online: false };
  await assert.rejects(resolveDatasetFile(file(), c), (err: Error) => {
    assert.ok(err instanceof UserError);
    assert.match(err.message, /offline/);
    assert.match(err.message, /empty-mirror/);
    assert.match(err.message, /cache-d/);
    return true;
  });
});

test('the mirror folder is searched first, before cache and network', async () => {
  const mirror = join(root, 'mirror');
  mkdirSync(join(mirror, 'toy'), { recursive: true });
  writeFileSync(join(mirror, 'toy', 'test.jsonl'), body);
  const n = hits.length;
  const r = await resolveDatasetFile(file(), {
    dataDir: mirror,
    cacheDir: join(root, 'cache-e'),
    online: true,
  });
  assert.equal(r.from, 'mirror');
  assert.equal(hits.length, n);
});

test('an explicit local file or folder wins, and a missing one is a clear error', async () => {
  const r = await resolveDatasetFile(file(), ctx('cache-f', false), join(served, 'toy'));
  assert.equal(r.from, 'local');
  await assert.rejects(
    resolveDatasetFile(file(), ctx('cache-f', false), join(root, 'nope.jsonl')),
    /not found/,
  );
});

test('an HTTP mirror from $YARDSTICK_DATASET_MIRROR_URL is tried before the sources', async () => {
  const r = await resolveDatasetFile(file({ urls: [] }), ctx('cache-g'), null, {
    YARDSTICK_DATASET_MIRROR_URL: base,
  });
  assert.equal(r.from, 'download');
});

test('hf:// sources resolve against $YARDSTICK_HF_ENDPOINT and download from it', async () => {
  const url = huggingFace('org/toy', 'abc123', 'toy/test.jsonl');
  assert.equal(resolveUrl(url, {}), 'https://huggingface.co/datasets/org/toy/resolve/abc123/toy/test.jsonl');
  const env = { YARDSTICK_HF_ENDPOINT: base };
  const r = await resolveDatasetFile(file({ urls: [url] }), ctx('cache-h'), null, env);
  assert.equal(r.from, 'download');
  assert.ok(hits.some((h) => h.startsWith('/datasets/org/toy/resolve/abc123/')));
});
