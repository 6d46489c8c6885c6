import { kindFields, type RecordKind } from '../../core/import/record-kinds.ts';
import { csvCell } from './csv-cell.ts';

export type ExportFormat = 'jsonl' | 'json' | 'csv';

export interface KindedRecord {
  kind: RecordKind;
  value: Record<string, unknown>;
}

/** One record as a JSONL line (without its line break): its kind, then its fields. */
export function jsonlLine(r: KindedRecord): string {
  return JSON.stringify({ kind: r.kind, ...r.value });
}

/**
 * Serialises records in a format `yardstick import` reads back to the same values.
 * CSV holds one kind per file, with the kind's fields as columns.
 */
export function writeRecords(records: KindedRecord[], format: ExportFormat): string {
  if (format === 'jsonl') return records.map(jsonlLine).join('\n') + (records.length ? '\n' : '');
  if (format === 'json')
    return `${JSON.stringify(
      records.map((r) => ({ kind: r.kind, ...r.value })),
      null,
      2,
    )}\n`;
  const kinds = new Set(records.map((r) => r.kind));
  if (kinds.size > 1) throw new Error('CSV holds one kind of record per file; choose one with --kind');
  const kind = [...kinds][0] ?? 'result';
  const columns = kindFields(kind);
  const lines = records.map((r) => columns.map((c) => csvCell(r.value[c])).join(','));
  return `${['kind', ...columns].join(',')}\n${lines.map((l) => `${kind},${l}`).join('\n')}${lines.length ? '\n' : ''}`;
}
