import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sharedExecutor } from '../../../src/adapters/sandbox/shared-executor.ts';
import { RunContext } from '../../../src/app/eval/run-context.ts';
import { heJob } from '../../adapters/sandbox/executor-conformance.ts';

const options = { unsafeLocal: true, workers: 1, onWarning: () => {} };

test('two run contexts in one process each open their own executor, and closing one leaves the other working', async () => {
  const a = new RunContext();
  const b = new RunContext();
  try {
    const ea = await a.run(() => sharedExecutor(options));
    const eb = await b.run(() => sharedExecutor(options));
    assert.notEqual(ea, eb);
    assert.equal(await a.run(() => sharedExecutor(options)), ea, 'one executor per context and options');
    // Different options in one context open a second executor without closing the first.
    const ea2 = await a.run(() => sharedExecutor({ ...options, workers: 2 }));
    assert.notEqual(ea2, ea);
    assert.equal((await ea.run(heJob('x = 1', ['assert x == 1']))).tests[0]?.verdict, 'pass');
    await a.close();
    assert.equal((await eb.run(heJob('x = 1', ['assert x == 1']))).tests[0]?.verdict, 'pass');
  } finally {
    await a.close();
    await b.close();
  }
});
