import { z } from 'zod';

/**
 * Limits of one endpoint shared by every process that sends it requests (the workers of a queued
 * run, on any number of machines): a global cap on requests in flight, requests- and tokens-per-minute
 * budgets, and a pause after a 429 that every process honours. The in-process request scheduler
 * keeps its own limits as well; this is the cross-process layer under it.
 */
export interface EndpointBudget {
  /**
   * Waits until the endpoint's shared limits allow one more request to start, and takes it: one slot
   * of the concurrency cap, one request and `estimatedTokens` tokens of the per-minute budgets.
   * Rejects with the signal's reason when the signal aborts first.
   */
  acquire(endpoint: string, estimatedTokens: number, signal?: AbortSignal): Promise<BudgetPermit>;
  /** The endpoint answered 429: no process starts a request to it before `untilMs` (epoch ms). */
  pause(endpoint: string, untilMs: number): Promise<void>;
  /** The limits stored for an endpoint (null: none stored, so the endpoint is not limited here). */
  limits(endpoint: string): Promise<EndpointLimits | null>;
  /** Stores an endpoint's limits; every process reads them when it starts work for the endpoint. */
  setLimits(endpoint: string, limits: EndpointLimits): Promise<void>;
  /** Releases what this process holds (slots of requests still in flight) and its connections. */
  close(): Promise<void>;
}

/** One request's share of an endpoint budget. */
export interface BudgetPermit {
  /** The request ended: frees its slot and records the tokens it really used. */
  release(usedTokens: number): Promise<void>;
}

/** The limits stored for an endpoint; null means no limit of that kind. */
export const EndpointLimits = z.object({
  concurrency: z.number().int().positive().nullable(),
  rpm: z.number().int().positive().nullable(),
  tpm: z.number().int().positive().nullable(),
});
export type EndpointLimits = z.infer<typeof EndpointLimits>;
