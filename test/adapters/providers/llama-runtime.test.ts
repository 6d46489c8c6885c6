import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  isMissingPackage,
  LLAMA_RUNTIME_MISSING,
  LLAMA_RUNTIME_RANGE,
} from '../../../src/adapters/providers/llama-runtime.ts';
import { llamaRuntimeInstalled } from '../../helpers/llama-runtime.ts';
import { runCli } from '../../helpers/run-cli.ts';

test('a failed import of a package that is not installed is told apart from other failures', async () => {
  const err = await import('yardstick-no-such-package' as string).catch((e: unknown) => e);
  assert.ok(isMissingPackage(err, 'yardstick-no-such-package'));
  assert.ok(!isMissingPackage(err, 'node-llama-cpp'));
  assert.ok(!isMissingPackage(new Error("Cannot find package 'yardstick-no-such-package'"), 'x'));
});

test('CI installs the GGUF runtime with the command the missing-runtime message gives', () => {
  const ci = readFileSync(new URL('../../../.ci/run', import.meta.url), 'utf8');
  assert.ok(ci.includes(`npm install --no-save --no-audit --no-fund node-llama-cpp@${LLAMA_RUNTIME_RANGE}`));
  assert.ok(LLAMA_RUNTIME_MISSING.includes(`npm install --no-save node-llama-cpp@${LLAMA_RUNTIME_RANGE}`));
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
  assert.equal(pkg.dependencies['node-llama-cpp'], undefined, 'the default install leaves the runtime out');
});

test('eval -m gguf: without the GGUF runtime says in one line how to install it, and records nothing', {
  skip: llamaRuntimeInstalled ? 'node-llama-cpp is installed here, so its absence cannot be shown' : false,
}, () => {
  const r = runCli(['--store', ':memory:', 'eval', '-m', 'gguf:./missing.gguf', '-b', 'arithmetic']);
  assert.equal(r.status, 5, r.stderr);
  assert.equal(r.stderr.trim(), `yardstick: ${LLAMA_RUNTIME_MISSING}`);
  assert.equal(r.stdout, '');
});
