import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startFakeServer } from '../../adapters/providers/fake-model-server.ts';
import { cliAsync } from '../../helpers/run-cli.ts';
import { sharedPath, skipWithoutShared } from '../../helpers/shared-dir.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-recorded-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a run records the data dir and a checksum of its items, so rescore after eval needs no --data-dir', {
  skip: skipWithoutShared('datasets/gsm8k'),
}, async () => {
  const server = await startFakeServer();
  // Offline, with an empty download cache: the items can only come from the recorded data dir.
  const env = {
    YARDSTICK_OFFLINE: '1',
    YARDSTICK_CACHE_DIR: join(dir, 'empty-cache'),
    YARDSTICK_DATA_DIR: '',
  };
  try {
    const store = join(dir, 'store.db');
    const data = sharedPath('datasets')!;
    const args = ['--store', store, 'eval', '-m', `openai:m@${server.url}`, '-b', 'gsm8k'];
    const r = await cliAsync([...args, '--limit', '5', '--data-dir', data], env);
    assert.equal(r.code, 0, r.stderr);
    const [run] = JSON.parse((await cliAsync(['--store', store, 'runs', '--json'], env)).stdout) as {
      id: string;
      dataset: { dataDir: string; itemsSha256: string };
    }[];
    assert.equal(run?.dataset.dataDir, data);
    assert.match(run?.dataset.itemsSha256 ?? '', /^[0-9a-f]{64}$/);
    const rescored = await cliAsync(['--store', store, 'rescore', run!.id, '--json'], env);
    assert.equal(rescored.code, 0, rescored.stderr);
    assert.equal((JSON.parse(rescored.stdout) as { rescored: number }).rescored, 5);
    const withoutRecord = await cliAsync(['--store', store, 'eval', ...args.slice(3), '--limit', '5'], env);
    assert.notEqual(withoutRecord.code, 0, 'without the data dir the items are not found offline');
  } finally {
    await server.close();
  }
});
