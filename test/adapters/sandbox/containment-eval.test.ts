import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openSqliteStore } from '../../../src/adapters/store/sqlite/open-sqlite-store.ts';
import { skipWithoutBwrap } from '../../helpers/bwrap.ts';
import { runCliAsync } from '../../helpers/run-cli.ts';
import { startFakeServer } from '../providers/fake-model-server.ts';
import { ATTACKS, type AttackItem, checkOf, exitWith, HANGS, honest } from './attacks.ts';

// The containment suite: every attack is a model answer to a HumanEval-style item, run through the real
// `eval` command (fake OpenAI-compatible server on 127.0.0.1, one supervisor, one sample at a time, so
// each sample runs right after the one before it in the same sandbox). No wall-clock budgets: limits
// are generous, and what is checked is the verdicts.
const skip = skipWithoutBwrap();
const dir = mkdtempSync(join(tmpdir(), 'ys-containment-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Each attack followed by an honest right and an honest wrong answer, after two honest ones to start. */
function interleave(attacks: AttackItem[]): AttackItem[] {
  let n = 0;
  const items = [honest(n++, true), honest(n++, false)];
  for (const a of attacks) items.push(a, honest(n++, true), honest(n++, false));
  return items;
}

function expected(item: AttackItem): string {
  return item.kind === 'probe' || item.kind === 'honest-right' ? 'correct' : 'incorrect';
}

/** Runs `items` through `yardstick eval` and returns each item's verdict and error. */
async function evaluate(name: string, items: AttackItem[], timeoutMs: number) {
  const data = join(dir, name);
  mkdirSync(join(data, 'humaneval'), { recursive: true });
  const rows = items.map((it) => {
    const args = it.kind.startsWith('honest') ? 'a, b' : '';
    return JSON.stringify({
      task_id: `Attack/${it.name}`,
      prompt: `def ${it.name}(${args}):\n    """Attack ${it.name}."""\n`,
      canonical_solution: '    pass\n',
      test: checkOf(it),
      entry_point: it.name,
    });
  });
  writeFileSync(join(data, 'humaneval', 'HumanEval.jsonl'), `${rows.join('\n')}\n`);
  const byName = new Map(items.map((it) => [it.name, it.code]));
  const server = await startFakeServer({
    script: (req) => {
      const messages = req.body.messages as { content: string }[];
      const fn = /def (\w+)\(/.exec(messages.at(-1)!.content)?.[1] ?? '';
      return { kind: 'ok', text: `\`\`\`python\n${byName.get(fn) ?? 'pass'}\n\`\`\`` };
    },
  });
  const store = join(dir, `${name}.db`);
  try {
    const r = await runCliAsync([
      '--store',
      store,
      'eval',
      '-m',
      `openai:attacker@${server.url}`,
      '-b',
      'humaneval',
      '--data-dir',
      data,
      '--concurrency',
      '1',
      '--no-cache',
      '--task-arg',
      'workers=1',
      '--task-arg',
      'timeLimit="fixed"',
      '--task-arg',
      `fixedTimeoutMs=${timeoutMs}`,
      '--task-arg',
      'graceMs=500',
    ]);
    assert.equal(r.status, 0, r.stderr);
  } finally {
    await server.close();
  }
  const s = await openSqliteStore(store);
  try {
    const runs = await s.runs();
    assert.equal(runs.length, 1);
    assert.equal(runs[0]!.status, 'finished');
    const out = new Map<string, { verdict: string; error: string | null }>();
    for await (const sample of s.samples(runs[0]!.spec.id))
      out.set(sample.itemId.replace('Attack/', ''), { verdict: sample.verdict, error: sample.error });
    return out;
  } finally {
    await s.close();
  }
}

function assertContained(items: AttackItem[], got: Map<string, { verdict: string; error: string | null }>) {
  const wrong = items
    .filter((it) => got.get(it.name)?.verdict !== expected(it))
    .map((it) => `${it.name}: expected ${expected(it)}, got ${JSON.stringify(got.get(it.name))}`);
  assert.deepEqual(wrong, []);
}

test('containment through eval: forged records, reporters and replies, ptrace, pidfd, /proc/1/mem, full filesystems, survivors, planted files, frame walks, lying return values and forged call-pipe answers are contained, and later verdicts are unchanged', {
  skip,
}, async () => {
  const items = interleave(ATTACKS);
  const got = await evaluate('attacks', items, 60_000);
  assertContained(items, got);
});

test('containment through eval: a sample that ignores signals and tries to stop its supervisor times out, and the run goes on', {
  skip,
}, async () => {
  const items = interleave(HANGS);
  const got = await evaluate('hangs', items, 1000);
  assertContained(items, got);
});

test('containment through eval: samples that exit with every status 0..255 (while loading or inside the checked call) all fail, and honest samples between them keep their verdicts', {
  skip,
}, async () => {
  let n = 100;
  const items: AttackItem[] = [];
  for (let code = 0; code < 256; code++) {
    items.push(exitWith(code));
    if (code % 32 === 31) items.push(honest(n++, true), honest(n++, false));
  }
  const got = await evaluate('exits', items, 60_000);
  assertContained(items, got);
});
