import { type Command, Option } from 'commander';
import { csvCell } from '../../adapters/files/csv-cell.ts';
import { type Column, renderTable } from './table.ts';

/** The output flags every listing accepts. */
export interface ListingFlags {
  json?: boolean;
  csv?: boolean;
}

/** Adds `--json` (one JSON document) and `--csv` (a header line, then a line per row). */
export function addListingOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--json', 'print one JSON document'))
    .addOption(new Option('--csv', 'print CSV: a header line, then one line per row').conflicts('json'));
}

/** CSV text: the header, then one line per row, each cell quoted as `yardstick import` reads it. */
export function csvText(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `${[header.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n')}\n`;
}

export interface ListingOutput<T> {
  /** The JSON document `--json` prints (default: the rows themselves). */
  json?: unknown;
  /** A line under the table, e.g. "12 models". */
  footer?: string;
  /** What the table form prints when there are no rows (default: the empty table). */
  empty?: string;
  columns: Column<T>[];
}

/** Prints a listing as a table, as JSON (`--json`) or as CSV (`--csv`, the table's columns). */
export function printListing<T>(rows: T[], flags: ListingFlags, out: ListingOutput<T>): void {
  process.stdout.write(listingText(rows, flags, out));
}

/** The text `printListing` prints. */
export function listingText<T>(rows: T[], flags: ListingFlags, out: ListingOutput<T>): string {
  if (flags.json) return `${JSON.stringify(out.json ?? rows, null, 2)}\n`;
  if (flags.csv)
    return csvText(
      out.columns.map((c) => c.header),
      rows.map((r) => out.columns.map((c) => (c.csv ? c.csv(r) : c.value(r)))),
    );
  if (rows.length === 0 && out.empty !== undefined) return `${out.empty}\n`;
  return `${renderTable(rows, out.columns)}\n${out.footer === undefined ? '' : `${out.footer}\n`}`;
}
