export * from './benchmark.ts';
export * from './figure-preset.ts';
export * from './ids.ts';
export * from './model-card.ts';
export * from './plugin-ref.ts';
export * from './result.ts';
export * from './run-spec.ts';
export * from './sample-record.ts';
