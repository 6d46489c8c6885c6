import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogBaseFiles, catalogEntries } from '../../src/adapters/catalog/catalog-files.ts';
import { openSqliteStore } from '../../src/adapters/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../src/adapters/store/store.ts';
import { importFiles } from '../../src/app/import-files.ts';

/** A fresh SQLite store in a temp folder with the whole shipped catalog loaded. */
export async function catalogStore(): Promise<{ store: Store; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-report-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const store = await openSqliteStore(join(dir, 'store.db'));
  await importFiles(store, [...catalogBaseFiles(), ...catalogEntries().map((e) => e.file)]);
  return { store, dir };
}
