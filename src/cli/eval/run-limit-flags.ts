import type { RequestLimits } from '../../core/schema/index.ts';
import type { EvalFlags } from '../commands/eval.ts';

/** Request limits and provider args set by eval flags (only those given: the rest keep their defaults). */
export function runLimitsOf(f: EvalFlags): {
  requestLimits: Partial<RequestLimits>;
  providerArgs: Record<string, unknown>;
} {
  const requestLimits: Partial<RequestLimits> = {};
  if (f.rpm !== undefined) requestLimits.rpm = f.rpm;
  if (f.tpm !== undefined) requestLimits.tpm = f.tpm;
  if (f.maxRetries !== undefined) requestLimits.maxRetries = f.maxRetries;
  if (f.retryAfterCap !== undefined) requestLimits.maxRetryAfterMs = f.retryAfterCap * 1000;
  const providerArgs: Record<string, unknown> = {};
  if (f.firstTokenTimeout !== undefined) providerArgs.firstTokenTimeoutMs = f.firstTokenTimeout;
  if (f.idleTimeout !== undefined) providerArgs.idleTimeoutMs = f.idleTimeout;
  if (f.maxResponseMib !== undefined) providerArgs.maxBodyBytes = f.maxResponseMib * 2 ** 20;
  if (f.stream === false) providerArgs.stream = false;
  return { requestLimits, providerArgs };
}
