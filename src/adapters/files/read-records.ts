import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { checkJsonText, lineAt } from '../../core/import/check-json-text.ts';
import { InputError, type SourceRecord } from '../../core/import/source-record.ts';
import { decodeText } from './decode-text.ts';
import { jsonErrorLine, jsonRecordLines } from './json-record-lines.ts';

const SECTION_KINDS: Record<string, string> = {
  models: 'model',
  benchmarks: 'benchmark',
  results: 'result',
  figures: 'figure',
};

function kindOf(fields: Record<string, unknown>): string | null {
  return typeof fields.kind === 'string' && fields.kind ? fields.kind : null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readJsonl(file: string, text: string): SourceRecord[] {
  const out: SourceRecord[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('//')) return;
    const odd = checkJsonText(line);
    if (odd) throw new InputError([{ file, line: i + 1, field: null, problem: odd.problem }]);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new InputError([
        { file, line: i + 1, field: null, problem: `invalid JSON: ${(err as Error).message}` },
      ]);
    }
    if (!isRecord(value))
      throw new InputError([{ file, line: i + 1, field: null, problem: 'expected a JSON object' }]);
    out.push({ file, line: i + 1, kind: kindOf(value), fields: value, textual: false });
  });
  return out;
}

/**
 * One JSON document, checked as every JSON input is (no repeated key, bounded nesting); a problem is
 * an InputError naming the file and line.
 */
export function parseJsonText(file: string, text: string): unknown {
  const odd = checkJsonText(text);
  if (odd)
    throw new InputError([{ file, line: lineAt(text, odd.offset), field: null, problem: odd.problem }]);
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    throw new InputError([
      { file, line: jsonErrorLine(text, message), field: null, problem: `invalid JSON: ${message}` },
    ]);
  }
}

export function readJson(file: string, text: string): SourceRecord[] {
  const doc = parseJsonText(file, text);
  const lines = jsonRecordLines(text);
  const out: SourceRecord[] = [];
  const push = (value: unknown, kind: string | null) => {
    const line = lines[out.length] ?? 1;
    if (!isRecord(value))
      throw new InputError([{ file, line, field: null, problem: 'expected a JSON object' }]);
    out.push({ file, line, kind: kindOf(value) ?? kind, fields: value, textual: false });
  };
  if (Array.isArray(doc)) for (const v of doc) push(v, null);
  else if (isRecord(doc) && Object.keys(doc).some((k) => k in SECTION_KINDS)) {
    for (const [key, section] of Object.entries(doc)) {
      const kind = SECTION_KINDS[key];
      if (!kind)
        throw new InputError([
          {
            file,
            line: 1,
            field: key,
            problem: `unknown section (expected ${Object.keys(SECTION_KINDS).join(', ')})`,
          },
        ]);
      if (!Array.isArray(section))
        throw new InputError([{ file, line: 1, field: key, problem: 'expected an array' }]);
      for (const v of section) push(v, kind);
    }
  } else if (isRecord(doc)) out.push({ file, line: 1, kind: kindOf(doc), fields: doc, textual: false });
  else throw new InputError([{ file, line: 1, field: null, problem: 'expected an array or an object' }]);
  return out;
}

export function readCsv(file: string, text: string): SourceRecord[] {
  // A column named twice would keep its last cell silently, like a repeated JSON key.
  const columns = (names: string[]) => {
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name))
        throw new InputError([{ file, line: 1, field: null, problem: `duplicate column "${name}"` }]);
      seen.add(name);
    }
    return names;
  };
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parseCsv(text, { columns, info: true, skip_empty_lines: true, trim: false, bom: true });
  } catch (err) {
    if (err instanceof InputError) throw err;
    const e = err as Error & { lines?: number; code?: string };
    throw new InputError([
      {
        file,
        line: e.lines ?? 1,
        field: null,
        problem: `broken CSV: ${e.message.replace(/^Invalid [^:]*: /, '')}`,
      },
    ]);
  }
  // info.lines is the line on which the record ends; a record spanning lines starts earlier.
  return rows.map(({ record, info }) => ({
    file,
    line: info.lines,
    kind: kindOf(record),
    fields: record,
    textual: true,
  }));
}

/** Reads an input file by its extension (.jsonl, .json, .csv) into located records. */
export function readRecords(file: string): SourceRecord[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new InputError([
      {
        file,
        line: 0,
        field: null,
        problem: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      },
    ]);
  }
  const text = decodeText(file, bytes);
  const ext = extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return readJsonl(file, text);
  if (ext === '.json') return readJson(file, text);
  if (ext === '.csv') return readCsv(file, text);
  throw new InputError([
    { file, line: 0, field: null, problem: `unknown file type "${ext}" (expected .jsonl, .json or .csv)` },
  ]);
}
