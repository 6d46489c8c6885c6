import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { UserError } from '../../../src/core/errors/user-error.ts';
import { parseTaskArgs } from '../../../src/core/task/parse-task-args.ts';
import { defineTask, describeTaskArgs } from '../../../src/core/task/task-definition.ts';
import type { Task } from '../../../src/core/task/task.ts';
import { builtinRegistry } from '../../../src/registry/builtin.ts';

const Args = z.object({
  prompt: z.enum(['zero-shot-cot', '8-shot-cot']).default('zero-shot-cot').describe('prompt variant'),
  file: z.string().optional(),
  seed: z.number().int().default(0),
  platforms: z.array(z.enum(['leetcode', 'atcoder'])).optional(),
});

const rejects = (args: Record<string, unknown>, message: string) =>
  assert.throws(
    () => parseTaskArgs('gsm8k', Args, args),
    (e: unknown) => e instanceof UserError && e.exitCode === 2 && e.message === message,
  );

test('declared arguments get their defaults filled in', () => {
  assert.deepEqual(parseTaskArgs('gsm8k', Args, {}), { prompt: 'zero-shot-cot', seed: 0 });
  assert.deepEqual(parseTaskArgs('gsm8k', Args, { prompt: '8-shot-cot', seed: 3 }), {
    prompt: '8-shot-cot',
    seed: 3,
  });
});

test('an unknown argument is rejected in one line with the declared name it is closest to', () => {
  rejects({ promt: '8-shot-cot' }, 'task gsm8k: unknown argument "promt" (did you mean prompt?)');
  rejects({ zzz: 1 }, 'task gsm8k: unknown argument "zzz" (known: prompt, file, seed, platforms)');
});

test('a value outside the allowed ones is rejected with the allowed values and a suggestion', () => {
  rejects(
    { prompt: '8-shot-cott' },
    'task gsm8k: argument prompt: "8-shot-cott" is not one of zero-shot-cot, 8-shot-cot (did you mean 8-shot-cot?)',
  );
  rejects(
    { platforms: ['leetcod'] },
    'task gsm8k: argument platforms.0: "leetcod" is not one of leetcode, atcoder (did you mean leetcode?)',
  );
  assert.throws(() => parseTaskArgs('gsm8k', Args, { seed: 'x' }), /^UserError: task gsm8k: argument seed: /);
});

test('--unsafe-local reaches only the tasks that declare it', () => {
  assert.deepEqual(parseTaskArgs('gsm8k', Args, { unsafeLocal: true }), { prompt: 'zero-shot-cot', seed: 0 });
  const Code = z.object({ unsafeLocal: z.boolean().default(false) });
  assert.deepEqual(parseTaskArgs('humaneval', Code, { unsafeLocal: true }), { unsafeLocal: true });
});

test('declared arguments are described with type, default, allowed values and description', () => {
  assert.deepEqual(describeTaskArgs(Args), [
    {
      name: 'prompt',
      type: 'string',
      required: false,
      default: 'zero-shot-cot',
      allowed: ['zero-shot-cot', '8-shot-cot'],
      description: 'prompt variant',
    },
    { name: 'file', type: 'string', required: false },
    { name: 'seed', type: 'integer', required: false, default: 0 },
    { name: 'platforms', type: 'list of string', required: false, allowed: ['leetcode', 'atcoder'] },
  ]);
  assert.deepEqual(describeTaskArgs(z.object({ path: z.string() })), [
    { name: 'path', type: 'string', required: true },
  ]);
});

test('a defined task is built from its resolved arguments', async () => {
  let seen: Record<string, unknown> = {};
  const factory = defineTask({
    name: 't',
    args: Args,
    items: '1',
    build: (a) => {
      seen = a;
      return {} as Task;
    },
  });
  await factory({ prompt: '8-shot-cot' });
  assert.deepEqual(seen, { prompt: '8-shot-cot', seed: 0 });
  assert.deepEqual(factory.resolveArgs({}), { prompt: 'zero-shot-cot', seed: 0 });
});

test('the registry records the resolved arguments of every built-in task in its reference', async () => {
  const r = builtinRegistry();
  const { ref } = await r.build<Task>('task', 'gsm8k', { prompt: '8-shot-cot' });
  assert.deepEqual(ref, { kind: 'task', name: 'gsm8k', args: { prompt: '8-shot-cot', seed: 0 } });
  for (const { name } of r.list('task')) {
    const def = await r.definition('task', name);
    assert.ok(def, `${name} declares its arguments`);
    assert.equal(def.name, name);
    assert.ok(def.items.length > 0, `${name} states its item count`);
  }
  await assert.rejects(r.build('task', 'arithmetic', { count: 0 }), /task arithmetic: argument count: /);
});
