import { styleText } from 'node:util';

export interface Column<T> {
  header: string;
  value: (row: T) => string;
  align?: 'left' | 'right';
  /** The value `--csv` writes, when it differs from the text shown (e.g. a number, not "7B"). */
  csv?: (row: T) => unknown;
}

/** A plain-text table with aligned columns; the header is bold on a TTY. */
export function renderTable<T>(
  rows: T[],
  columns: Column<T>[],
  tty: boolean = Boolean(process.stdout.isTTY),
): string {
  const cells = rows.map((r) => columns.map((c) => c.value(r)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length)));
  const pad = (text: string, i: number) =>
    columns[i]!.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const header = columns
    .map((c, i) => pad(c.header, i))
    .join('  ')
    .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const body = cells.map((row) =>
    row
      .map((cell, i) => pad(cell, i))
      .join('  ')
      .trimEnd(),
  );
  return [tty ? styleText('bold', header) : header, rule, ...body].join('\n');
}
