import type { z } from 'zod';
import {
  type Benchmark,
  type FigurePreset,
  type ModelCard,
  type Result,
  resultKey,
} from '../schema/index.ts';
import { stableJson } from '../format/stable-json.ts';
import { coerceTextFields } from './coerce-text-fields.ts';
import { inferKind, KIND_SCHEMAS, kindFields, RECORD_KINDS, type RecordKind } from './record-kinds.ts';
import type { InputProblem, SourceRecord } from './source-record.ts';

export interface KnownIds {
  models: ReadonlySet<string>;
  benchmarks: ReadonlySet<string>;
}

export interface BuiltBatch {
  models: ModelCard[];
  benchmarks: Benchmark[];
  results: Result[];
  figures: FigurePreset[];
}

type Parsed =
  | { kind: 'model'; value: ModelCard }
  | { kind: 'benchmark'; value: Benchmark }
  | { kind: 'result'; value: Result }
  | { kind: 'figure'; value: FigurePreset };

function keyOf(p: Parsed): string {
  return p.kind === 'result' ? resultKey(p.value) : p.value.id;
}

function fieldOf(issue: z.core.$ZodIssue): string | null {
  return issue.path.length ? issue.path.map(String).join('.') : null;
}

/**
 * Validates records read from files and assembles what they describe. Pure: nothing is written.
 * A record is checked for its kind, unknown fields, field types, references to models and
 * benchmarks (known or in the same input), and keys repeated with a different value.
 */
export function buildBatch(
  records: SourceRecord[],
  known: KnownIds,
): { batch: BuiltBatch; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const parsed: { rec: SourceRecord; p: Parsed }[] = [];

  for (const rec of records) {
    const at = (field: string | null, problem: string) =>
      problems.push({ file: rec.file, line: rec.line, field, problem });
    const { kind: _k, ...rawFields } = rec.fields;
    const kind = (rec.kind ?? inferKind(Object.keys(rawFields))) as RecordKind | null;
    if (!kind || !RECORD_KINDS.includes(kind)) {
      at(
        'kind',
        rec.kind
          ? `unknown kind "${rec.kind}" (expected ${RECORD_KINDS.join(', ')})`
          : 'cannot tell what this record is; add a "kind" field',
      );
      continue;
    }
    const allowed = new Set(kindFields(kind));
    const unknown = Object.keys(rawFields).filter((f) => !allowed.has(f));
    if (unknown.length) {
      at(unknown[0]!, `unknown field for a ${kind}`);
      continue;
    }
    let fields = rawFields;
    if (rec.textual) {
      const coerced = coerceTextFields({ ...rec, fields: rawFields }, kind);
      if (coerced.problems.length) {
        problems.push(...coerced.problems);
        continue;
      }
      fields = coerced.fields;
    }
    const res = KIND_SCHEMAS[kind].safeParse(fields);
    if (!res.success) {
      const issue = res.error.issues[0]!;
      at(fieldOf(issue), issue.message);
      continue;
    }
    parsed.push({ rec, p: { kind, value: res.data } as Parsed });
  }

  const seen = new Map<string, { rec: SourceRecord; json: string }>();
  const unique: Parsed[] = [];
  for (const { rec, p } of parsed) {
    const key = `${p.kind}:${keyOf(p)}`;
    const json = stableJson(p.value);
    const prior = seen.get(key);
    if (prior) {
      if (prior.json !== json) {
        problems.push({
          file: rec.file,
          line: rec.line,
          field: p.kind === 'result' ? 'value' : 'id',
          problem: `duplicate ${p.kind} ${keyOf(p)} conflicts with ${prior.rec.file}:${prior.rec.line}`,
        });
      }
      continue;
    }
    seen.set(key, { rec, json });
    unique.push(p);
  }

  const batch: BuiltBatch = { models: [], benchmarks: [], results: [], figures: [] };
  for (const p of unique) {
    if (p.kind === 'model') batch.models.push(p.value);
    else if (p.kind === 'benchmark') batch.benchmarks.push(p.value);
    else if (p.kind === 'result') batch.results.push(p.value);
    else batch.figures.push(p.value);
  }

  const models = new Set([...known.models, ...batch.models.map((m) => m.id)]);
  const benchmarks = new Set([...known.benchmarks, ...batch.benchmarks.map((b) => b.id)]);
  for (const { rec, p } of parsed) {
    const at = (field: string, problem: string) =>
      problems.push({ file: rec.file, line: rec.line, field, problem });
    if (p.kind === 'result') {
      if (!benchmarks.has(p.value.benchmark)) at('benchmark', `unknown benchmark "${p.value.benchmark}"`);
      if (!models.has(p.value.model))
        at('model', `unknown model "${p.value.model}"; import its model card first`);
    } else if (p.kind === 'figure') {
      const b = p.value.benchmarks.find((id) => !benchmarks.has(id));
      if (b) at('benchmarks', `unknown benchmark "${b}"`);
      const m = (p.value.models ?? []).find((id) => !models.has(id));
      if (m) at('models', `unknown model "${m}"`);
    }
  }

  problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return { batch, problems };
}
