import { quickEquivalent } from '../../core/equivalence/quick-equivalent.ts';
import { accuracy, passAt1 } from '../../core/metrics/accuracy.ts';
import { extractionFailureRate } from '../../core/metrics/extraction-failure-rate.ts';
import { majAtK, type SameAnswer } from '../../core/metrics/maj-at-k.ts';
import type { Metric } from '../../core/task/task.ts';

/** Math answers vote together when the quick equivalence check (normalised text, numbers, structure) says so. */
const sameMathAnswer: SameAnswer = (a, b) => a === b || quickEquivalent(a, b)?.equal === true;

/** Accuracy, maj@k over all samples, and the extraction-failure rate. */
export const accuracyMetrics: Metric[] = [accuracy, majAtK(), extractionFailureRate];

/** pass@1 averaged over the k samples, maj@k, and the extraction-failure rate. */
export const passAt1Metrics: Metric[] = [passAt1, majAtK(), extractionFailureRate];

/** As accuracyMetrics, with maj@k grouping equivalent math answers. */
export const mathAccuracyMetrics: Metric[] = [accuracy, majAtK(null, sameMathAnswer), extractionFailureRate];

/** As passAt1Metrics, with maj@k grouping equivalent math answers. */
export const mathPassAt1Metrics: Metric[] = [passAt1, majAtK(null, sameMathAnswer), extractionFailureRate];
