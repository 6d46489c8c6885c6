import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeFinishReason } from '../../../src/core/engine/finish-reason.ts';
import { GenerationConfig } from '../../../src/core/schema/run-spec.ts';
import { LlamaCppProvider } from '../../../src/adapters/providers/llama-cpp-provider.ts';
import { skipWithoutLlamaRuntime } from '../../helpers/llama-runtime.ts';
import { sharedPath, skipWithoutShared } from '../../helpers/shared-dir.ts';
import { providerConformance } from './provider-conformance.ts';

const gguf = sharedPath('models/llama-2-tiny-random.gguf');
const skip = skipWithoutLlamaRuntime || skipWithoutShared('models/llama-2-tiny-random.gguf');

providerConformance(
  'llama.cpp in-process (tiny GGUF)',
  () => new LlamaCppProvider({ model: gguf ?? 'missing.gguf', threads: 2, contextSize: 256 }),
  { http: false, skip },
);

test('a GGUF run records the max tokens it used (the default when none is given) in its spec', {
  skip,
}, async () => {
  const { planRun } = await import('../../../src/app/eval/create-run.ts');
  const { builtinRegistry } = await import('../../../src/registry/builtin.ts');
  const dataset = { dataDir: null, cacheDir: '/nonexistent', online: false };
  const open = await planRun(
    builtinRegistry(),
    { model: `gguf:${gguf}`, benchmark: 'arithmetic', limit: 1, toolVersion: '0' },
    dataset,
  );
  assert.equal(open.spec.generation.maxTokens, null);
  assert.equal(open.spec.effectiveGeneration?.maxTokens, 512);
  assert.equal(open.spec.effectiveGeneration?.stream, true);
  const set = await planRun(
    builtinRegistry(),
    {
      model: `gguf:${gguf}`,
      benchmark: 'arithmetic',
      limit: 1,
      toolVersion: '0',
      generation: { maxTokens: 24 },
    },
    dataset,
  );
  assert.equal(set.spec.effectiveGeneration?.maxTokens, 24);
});

test('the GGUF provider streams its answer chunk by chunk through the same split into reasoning and answer', {
  skip,
}, async () => {
  const p = new LlamaCppProvider({ model: gguf!, threads: 2, contextSize: 256 });
  try {
    const g = await p.generate({
      messages: [{ role: 'user', content: 'Say something.' }],
      generation: GenerationConfig.parse({ maxTokens: 8 }),
      n: 1,
      seed: 1,
    });
    assert.equal(g.completions.length, 1);
    assert.ok(g.completions[0]!.text.length > 0);
    assert.ok((g.completionTokens ?? 0) <= 8);
    assert.ok(
      ['stop', 'length'].includes(normalizeFinishReason(g.finishReason) ?? ''),
      String(g.finishReason),
    );
  } finally {
    await p.close();
  }
});
