import type { Metric } from '../task/task.ts';
import { meanScore, passAt1 } from './accuracy.ts';
import { extractionFailureRate } from './extraction-failure-rate.ts';
import { majAtK } from './maj-at-k.ts';
import { passAtK } from './pass-at-k.ts';

/** Metric names a task file may list: accuracy, pass@1, maj@k, pass@N (N >= 1), extraction-failure-rate. */
export const METRIC_NAME = /^(accuracy|pass@1|maj@k|pass@[1-9]\d*|extraction-failure-rate)$/;

/** The metric a name stands for; accuracy gives partial credit (mean score per question). */
export function metricByName(name: string): Metric {
  if (name === 'accuracy') return meanScore('accuracy');
  if (name === 'pass@1') return passAt1;
  if (name === 'maj@k') return majAtK();
  if (name === 'extraction-failure-rate') return extractionFailureRate;
  const k = /^pass@([1-9]\d*)$/.exec(name);
  if (k) return passAtK(Number(k[1]));
  throw new Error(`unknown metric "${name}"`);
}
