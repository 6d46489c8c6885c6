import type {
  BenchmarkInput,
  ModelCardInput,
  ResultInput,
  RunSpecInput,
  SampleRecordInput,
} from '../../src/core/schema/index.ts';
import { Benchmark, ModelCard, Result, RunSpec, SampleRecord } from '../../src/core/schema/index.ts';

export const model = (over: Partial<ModelCardInput> = {}) =>
  ModelCard.parse({ id: 'm-7b', name: 'M-7B', family: 'M', totalParamsB: 7, ...over });

export const benchmark = (over: Partial<BenchmarkInput> = {}) =>
  Benchmark.parse({ id: 'bench', name: 'Bench', domain: 'math', metric: 'accuracy', ...over });

export const result = (over: Partial<ResultInput> = {}) =>
  Result.parse({
    model: 'm-7b',
    benchmark: 'bench',
    metric: 'accuracy',
    value: 50,
    source: 'publication',
    paper: 'P',
    ...over,
  });

export const runSpec = (over: Partial<RunSpecInput> = {}) =>
  RunSpec.parse({
    id: 'run-1',
    model: 'm-7b',
    provider: { kind: 'provider', name: 'openai', args: { baseUrl: 'http://127.0.0.1:1' } },
    benchmark: 'bench',
    task: { kind: 'task', name: 'bench', args: {} },
    promptTemplateHash: 'abc',
    generation: {},
    toolVersion: '0.0.0',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...over,
  });

export const sample = (over: Partial<SampleRecordInput> = {}) =>
  SampleRecord.parse({
    runId: 'run-1',
    itemId: 'q1',
    sampleIndex: 0,
    messages: [{ role: 'user', content: 'What is 2+2?' }],
    response: 'The answer is 4.',
    extracted: '4',
    verdict: 'correct',
    score: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...over,
  });
