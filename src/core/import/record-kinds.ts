import type { z } from 'zod';
import { Benchmark, FigurePreset, ModelCard, Result, RunRecord, SampleRecord } from '../schema/index.ts';

export const RECORD_KINDS = ['model', 'benchmark', 'result', 'figure', 'run', 'sample'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const KIND_SCHEMAS: Record<RecordKind, z.ZodType> = {
  model: ModelCard,
  benchmark: Benchmark,
  result: Result,
  figure: FigurePreset,
  run: RunRecord,
  sample: SampleRecord,
};

/** Field types for text input (CSV): how a cell becomes a value. Fields not named here stay strings. */
export const TEXT_FIELD_TYPES: Record<RecordKind, Record<string, 'number' | 'boolean' | 'list' | 'json'>> = {
  model: {
    totalParamsB: 'number',
    activeParamsB: 'number',
    openWeights: 'boolean',
    openData: 'boolean',
    reasoning: 'boolean',
    categories: 'list',
    links: 'json',
  },
  benchmark: { itemCount: 'number' },
  result: {
    value: 'number',
    n: 'number',
    k: 'number',
    stderr: 'number',
    ciLow: 'number',
    ciHigh: 'number',
    ciLevel: 'number',
    approximate: 'boolean',
  },
  figure: { benchmarks: 'list', models: 'list', groups: 'json', options: 'json' },
  run: { spec: 'json' },
  sample: {
    sampleIndex: 'number',
    messages: 'json',
    score: 'number',
    promptTokens: 'number',
    completionTokens: 'number',
    latencyMs: 'number',
    tags: 'json',
  },
};

/** The fields a kind accepts, from its schema (zod 4 refinements keep the object's shape). */
export function kindFields(kind: RecordKind): string[] {
  return Object.keys((KIND_SCHEMAS[kind] as unknown as { shape: Record<string, unknown> }).shape);
}

/** Guesses a record's kind from the fields it has, for files without a `kind` field. */
export function inferKind(fields: readonly string[]): RecordKind | null {
  const has = (f: string) => fields.includes(f);
  if (has('runId') && has('itemId') && has('sampleIndex')) return 'sample';
  if (has('spec') && has('status')) return 'run';
  if (has('value') && has('benchmark')) return 'result';
  if (has('kind') === false && has('benchmarks') && has('title')) return 'figure';
  if (has('domain') || has('metric')) return has('family') ? null : 'benchmark';
  if (has('family') || has('totalParamsB') || has('openWeights')) return 'model';
  return null;
}
