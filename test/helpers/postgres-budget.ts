import { after } from 'node:test';
import {
  openPostgresEndpointBudget,
  type PostgresEndpointBudget,
} from '../../src/adapters/queue/postgres-endpoint-budget.ts';
import { freshPgDatabase } from './postgres.ts';

export interface BudgetDatabase {
  url: string;
  /** A budget of this process, to set limits and read the tables. */
  admin: PostgresEndpointBudget;
}

/**
 * Call at the top of a test file: returns a function giving the file's fresh database for endpoint
 * budget tests, made on first use and dropped after the file's tests.
 */
export function budgetDatabase(): () => Promise<BudgetDatabase> {
  let made: Promise<BudgetDatabase & { drop: () => Promise<void> }> | null = null;
  after(async () => {
    if (!made) return;
    const { admin, drop } = await made;
    await admin.close();
    await drop();
  });
  return () =>
    (made ??= (async () => {
      const db = await freshPgDatabase();
      return { url: db.url, drop: db.drop, admin: await openPostgresEndpointBudget(db.url) };
    })());
}
