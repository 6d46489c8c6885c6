import { InvalidArgumentError } from 'commander';

/** Comma-separated values; the option may also be repeated. */
export function list(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}

/** A parameter count in billions: "7", "7B", "500M", "1.5T". */
export function paramsB(value: string): number {
  const m = /^\s*([\d.]+)\s*([mbt]?)\s*$/i.exec(value);
  if (!m) throw new InvalidArgumentError(`expected a size like 7B, 500M or 1T, got "${value}"`);
  const n = Number(m[1]);
  const unit = (m[2] || 'b').toLowerCase();
  return unit === 'm' ? n / 1000 : unit === 't' ? n * 1000 : n;
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError(`expected a positive whole number, got "${value}"`);
  return n;
}

export function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`expected a whole number (0 or more), got "${value}"`);
  return n;
}

export function number(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError(`expected a number, got "${value}"`);
  return n;
}

/** A PNG scale factor: above 0, at most 16. */
export function pngScale(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 16)
    throw new InvalidArgumentError(`expected a scale above 0 and at most 16, got "${value}"`);
  return n;
}

/** A share between 0 and 1 inclusive. */
export function fraction(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new InvalidArgumentError(`expected a fraction between 0 and 1, got "${value}"`);
  return n;
}
