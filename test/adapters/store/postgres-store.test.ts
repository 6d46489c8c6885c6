import { after } from 'node:test';
import { openPostgresStore } from '../../../src/adapters/store/postgres/open-postgres-store.ts';
import { freshPgDatabase, pgSkip } from '../../helpers/postgres.ts';
import { storeConformance } from './store-conformance.ts';

let drop: (() => Promise<void>) | null = null;
after(async () => {
  await drop?.();
});

storeConformance(
  'PostgreSQL',
  async () => {
    const db = await freshPgDatabase();
    drop = db.drop;
    return openPostgresStore(db.url);
  },
  { skip: pgSkip },
);
