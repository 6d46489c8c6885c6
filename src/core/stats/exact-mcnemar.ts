/**
 * Exact McNemar test for paired binary outcomes: of the `b` pairs that went one way and the `c` that
 * went the other, is the split further from even than chance allows? Under the null hypothesis each
 * discordant pair is a fair coin, so the two-sided p-value is twice the binomial tail of min(b, c)
 * out of b + c at 1/2 (capped at 1). Computed in log space, so thousands of pairs do not underflow.
 */
export function exactMcNemarP(b: number, c: number): number {
  if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0)
    throw new RangeError('exactMcNemarP needs two counts');
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  // log P(X = i) for X ~ Binomial(n, 1/2), accumulated with log-sum-exp.
  let logPmf = -n * Math.LN2;
  let logTail = logPmf;
  for (let i = 0; i < k; i++) {
    logPmf += Math.log((n - i) / (i + 1));
    const hi = Math.max(logTail, logPmf);
    logTail = hi + Math.log(Math.exp(logTail - hi) + Math.exp(logPmf - hi));
  }
  return Math.min(1, 2 * Math.exp(logTail));
}
