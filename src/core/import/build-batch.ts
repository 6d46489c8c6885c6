import type { z } from 'zod';
import {
  type Benchmark,
  type FigurePreset,
  type ModelCard,
  type Result,
  type RunRecord,
  resultKey,
  type SampleRecord,
} from '../schema/index.ts';
import { stableJson } from '../format/stable-json.ts';
import { coerceTextFields } from './coerce-text-fields.ts';
import { inferKind, KIND_SCHEMAS, kindFields, RECORD_KINDS, type RecordKind } from './record-kinds.ts';
import type { InputProblem, SourceRecord } from './source-record.ts';

export interface KnownIds {
  models: ReadonlySet<string>;
  benchmarks: ReadonlySet<string>;
  /** Runs already stored: samples may refer to them. */
  runs?: ReadonlySet<string>;
}

export interface BuiltBatch {
  models: ModelCard[];
  benchmarks: Benchmark[];
  results: Result[];
  figures: FigurePreset[];
  runs: RunRecord[];
  samples: SampleRecord[];
}

type Parsed =
  | { kind: 'model'; value: ModelCard }
  | { kind: 'benchmark'; value: Benchmark }
  | { kind: 'result'; value: Result }
  | { kind: 'figure'; value: FigurePreset }
  | { kind: 'run'; value: RunRecord }
  | { kind: 'sample'; value: SampleRecord };

function keyOf(p: Parsed): string {
  switch (p.kind) {
    case 'result':
      return resultKey(p.value);
    case 'run':
      return p.value.spec.id;
    case 'sample':
      return `${p.value.runId}/${p.value.itemId}/${p.value.sampleIndex}`;
    default:
      return p.value.id;
  }
}

const CONFLICT_FIELD: Record<RecordKind, string> = {
  model: 'id',
  benchmark: 'id',
  result: 'value',
  figure: 'id',
  run: 'spec.id',
  sample: 'itemId',
};

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
          field: CONFLICT_FIELD[p.kind],
          problem: `duplicate ${p.kind} ${keyOf(p)} conflicts with ${prior.rec.file}:${prior.rec.line}`,
        });
      }
      continue;
    }
    seen.set(key, { rec, json });
    unique.push(p);
  }

  const batch: BuiltBatch = { models: [], benchmarks: [], results: [], figures: [], runs: [], samples: [] };
  for (const p of unique) {
    if (p.kind === 'model') batch.models.push(p.value);
    else if (p.kind === 'benchmark') batch.benchmarks.push(p.value);
    else if (p.kind === 'result') batch.results.push(p.value);
    else if (p.kind === 'run') batch.runs.push(p.value);
    else if (p.kind === 'sample') batch.samples.push(p.value);
    else batch.figures.push(p.value);
  }
  const runs = new Set([...(known.runs ?? []), ...batch.runs.map((r) => r.spec.id)]);

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
    } else if (p.kind === 'sample' && !runs.has(p.value.runId)) {
      at('runId', `unknown run "${p.value.runId}"; a sample's run must be stored or in the same import`);
    }
  }

  problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return { batch, problems };
}
