import { bootstrapCi } from '../stats/bootstrap-ci.ts';
import { clopperPearson } from '../stats/clopper-pearson.ts';
import { mean } from '../stats/describe-sample.ts';
import { exactMcNemarP } from '../stats/exact-mcnemar.ts';
import { pairedDifference } from '../stats/paired-difference.ts';
import { cltStandardError } from '../stats/standard-error.ts';

/** How the paired difference was tested. */
export type PairedMethod = 'exact-mcnemar' | 'paired-bootstrap';

export interface PairedItemTest {
  method: PairedMethod;
  /** Items scored in both runs. */
  items: number;
  /** Items whose score rose from a to b, fell, or stayed. */
  improved: number;
  regressed: number;
  unchanged: number;
  /** Mean item score of each run over the shared items, in points (0-100). */
  scoreA: number;
  scoreB: number;
  /** mean(b - a) in points, with its paired standard error, 95% interval and two-sided p-value. */
  difference: number;
  se: number;
  low: number;
  high: number;
  p: number;
  /** The 95% interval the same difference would get if the two runs were independent samples. */
  unpaired: { se: number; low: number; high: number };
}

const Z95 = 1.96;
const SCALE = 100;

/**
 * The paired difference of two runs scored on the same items: `a[i]` and `b[i]` are item i's mean
 * score (0-1) in each run. With one binary sample per item the p-value is the exact McNemar test on
 * the discordant items and the interval its exact counterpart (Clopper-Pearson on the share of
 * discordant items that improved, so it excludes zero exactly when the test rejects at 5%); with several samples per item
 * (or partial credit) the interval is a seeded paired bootstrap over items and the p-value the paired
 * z test. The unpaired interval is given beside it, to show what pairing gains.
 */
export function pairedItemTest(
  a: readonly number[],
  b: readonly number[],
  samplesPerItem: number,
  seed = 1,
): PairedItemTest {
  if (a.length !== b.length) throw new RangeError('paired scores must have the same length');
  if (a.length < 2) throw new RangeError('a paired test needs at least two shared items');
  const xa = a.map((x) => x * SCALE);
  const xb = b.map((x) => x * SCALE);
  let improved = 0;
  let regressed = 0;
  for (let i = 0; i < a.length; i++) {
    if (b[i]! > a[i]!) improved++;
    else if (b[i]! < a[i]!) regressed++;
  }
  const z = pairedDifference(xa, xb);
  const binary = samplesPerItem === 1 && [...a, ...b].every((x) => x === 0 || x === 1);
  const unpairedSe = Math.sqrt(cltStandardError(xa) ** 2 + cltStandardError(xb) ** 2);
  let low = z.low;
  let high = z.high;
  let p = z.p;
  if (binary) {
    // Conditionally exact: of the discordant items, the share that improved has a Clopper-Pearson
    // interval; Δ = discordant / items * (2 * share - 1). It excludes 0 exactly when McNemar rejects.
    p = exactMcNemarP(improved, regressed);
    const discordant = improved + regressed;
    const ci = discordant ? clopperPearson(improved, discordant) : { low: 0.5, high: 0.5 };
    const scale = (SCALE * discordant) / a.length;
    low = scale * (2 * ci.low - 1);
    high = scale * (2 * ci.high - 1);
  } else {
    const d = xa.map((x, i) => xb[i]! - x);
    const ci = bootstrapCi(d, mean, { seed });
    low = ci.low;
    high = ci.high;
  }
  return {
    method: binary ? 'exact-mcnemar' : 'paired-bootstrap',
    items: a.length,
    improved,
    regressed,
    unchanged: a.length - improved - regressed,
    scoreA: mean(xa),
    scoreB: mean(xb),
    difference: z.difference,
    se: z.se,
    low,
    high,
    p,
    unpaired: { se: unpairedSe, low: z.difference - Z95 * unpairedSe, high: z.difference + Z95 * unpairedSe },
  };
}
