import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../store/tables.ts';
import { EndpointLimits } from './endpoint-budget.ts';
import { endpointKey } from './endpoint-key.ts';

/** An endpoint's stored limits and pause, as `yardstick queue` shows them. */
export const StoredEndpointBudget = z.object({
  endpoint: z.string(),
  limits: EndpointLimits,
  /** Epoch ms (database clock) before which no request starts; 0: never paused. */
  pausedUntil: z.number(),
  updatedAt: z.string(),
});
export type StoredEndpointBudget = z.infer<typeof StoredEndpointBudget>;

const Row = z
  .object({
    endpoint: z.string(),
    concurrency: z.number().nullable(),
    rpm: z.number().nullable(),
    tpm: z.number().nullable(),
    paused_until: z.coerce.number(),
    updated_at: z.string(),
  })
  .transform((r) =>
    StoredEndpointBudget.parse({
      endpoint: r.endpoint,
      limits: { concurrency: r.concurrency, rpm: r.rpm, tpm: r.tpm },
      pausedUntil: r.paused_until,
      updatedAt: r.updated_at,
    }),
  );

/**
 * Stores the limits every worker applies to an endpoint (the queue sets them from the run spec when
 * a run is enqueued); a pause in force stays. The endpoint is stored by its credential-free key.
 */
export async function setEndpointLimits(
  db: Kysely<Database>,
  endpoint: string,
  limits: EndpointLimits,
): Promise<void> {
  const l = EndpointLimits.parse(limits);
  const updated_at = new Date().toISOString();
  await db
    .insertInto('endpoint_budgets')
    .values({ endpoint: endpointKey(endpoint), ...l, paused_until: 0, updated_at })
    .onConflict((oc) => oc.column('endpoint').doUpdateSet({ ...l, updated_at }))
    .execute();
}

/** The limits stored for an endpoint; null when none are. */
export async function readEndpointLimits(
  db: Kysely<Database>,
  endpoint: string,
): Promise<EndpointLimits | null> {
  const row = await db
    .selectFrom('endpoint_budgets')
    .selectAll()
    .where('endpoint', '=', endpointKey(endpoint))
    .executeTakeFirst();
  return row ? Row.parse(row).limits : null;
}

/** Every endpoint with stored limits or a pause, by key. */
export async function listEndpointBudgets(db: Kysely<Database>): Promise<StoredEndpointBudget[]> {
  const rows = await db.selectFrom('endpoint_budgets').selectAll().orderBy('endpoint').execute();
  return rows.map((r) => Row.parse(r));
}
