import { accuracy, passAt1 } from '../../core/metrics/accuracy.ts';
import { extractionFailureRate } from '../../core/metrics/extraction-failure-rate.ts';
import { majAtK } from '../../core/metrics/maj-at-k.ts';
import type { Metric } from '../../core/task/task.ts';

/** Accuracy, maj@k over all samples, and the extraction-failure rate. */
export const accuracyMetrics: Metric[] = [accuracy, majAtK(), extractionFailureRate];

/** pass@1 averaged over the k samples, maj@k, and the extraction-failure rate. */
export const passAt1Metrics: Metric[] = [passAt1, majAtK(), extractionFailureRate];
