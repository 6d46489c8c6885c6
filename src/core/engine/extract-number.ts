/** The last number in a text ("1,234.50" -> "1234.5"), or null. Used by numeric-answer scorers. */
export function extractLastNumber(text: string): string | null {
  const matches = text.match(/-?\d[\d,]*(\.\d+)?/g);
  if (!matches) return null;
  const raw = matches[matches.length - 1]!.replace(/,/g, '');
  const n = Number(raw);
  return Number.isFinite(n) ? String(n) : null;
}
