import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openSqliteStore } from '../../../src/adapters/store/sqlite/open-sqlite-store.ts';
import { storeConformance } from './store-conformance.ts';

const dir = mkdtempSync(join(tmpdir(), 'ys-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));

storeConformance('SQLite file', () => openSqliteStore(join(dir, 'sub', 'store.db')));
