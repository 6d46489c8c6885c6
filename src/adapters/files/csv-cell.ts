/**
 * One CSV cell as `yardstick import` reads it back: empty for null, lists of text joined by ";",
 * other objects as JSON, and quoted when it holds a comma, quote or line break (RFC 4180).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    Array.isArray(value) && value.every((x) => typeof x === 'string')
      ? value.join(';')
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
