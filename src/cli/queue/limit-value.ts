import { InvalidArgumentError } from 'commander';

/**
 * A limit flag's value: a positive whole number, or `none` to lift that limit (kept as the word:
 * commander turns a parser's null into an empty string).
 */
export type LimitValue = number | 'none';

export function limitValue(value: string): LimitValue {
  if (value === 'none') return 'none';
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError(`expected a positive whole number or "none", got "${value}"`);
  return n;
}
