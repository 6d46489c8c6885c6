import type { Generation, Provider } from '../../adapters/providers/provider.ts';
import { ProviderError } from '../../adapters/providers/provider-error.ts';
import type { RunSpec } from '../../core/schema/index.ts';
import { endpointCause } from './endpoint-failure.ts';
import type { RequestScheduler } from './request-scheduler.ts';
import { usedTokens } from './scheduler-settings.ts';
import type { WorkUnit } from './work-units.ts';

/**
 * Sends units' requests through the scheduler (its limits and retries), the first one as a probe:
 * sent unretried, so an endpoint that cannot serve the run ends it within seconds. The others do not
 * wait for it (that would add one latency to every run): one that fails for the same cause ends the
 * run the same way. The probe goes through the limits like any request (a shared endpoint budget
 * counts it).
 */
export function probedRequests(
  spec: RunSpec,
  provider: Provider,
  scheduler: RequestScheduler,
  signal: AbortSignal,
): (unit: WorkUnit) => Promise<Generation> {
  const generate = (unit: WorkUnit) =>
    provider.generate({
      messages: unit.messages,
      generation: spec.generation,
      n: 1,
      seed: unit.seed,
      signal,
    });
  const send = async (unit: WorkUnit): Promise<Generation> =>
    (await scheduler.run(() => generate(unit), signal, usedTokens)).value;
  let probed = false;
  return async (unit) => {
    if (probed) return send(unit);
    probed = true;
    try {
      return (await scheduler.run(() => generate(unit), signal, usedTokens, { retry: false })).value;
    } catch (err) {
      if (endpointCause(err, spec) || !(err instanceof ProviderError) || !err.retryable) throw err;
      return send(unit);
    }
  };
}
