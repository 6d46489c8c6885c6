import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProgressDisplay, progressLine } from '../../../src/cli/progress/progress-display.ts';

test('the progress line shows done/total, request and token rates, errors, cache hits and ETA', () => {
  const line = progressLine(
    'm / b',
    { done: 25, resumed: 0, total: 100, errors: 2, cached: 5, requests: 20, tokens: 1000 },
    10_000,
    8,
  );
  assert.equal(line, 'm / b [##......] 25/100  ETA 0:30  2.0 req/s  100 tok/s  errors 2  cached 5');
});

test('while a rate limit holds the run, the progress line says it is waiting, for how long and why', () => {
  const counts = { done: 25, resumed: 0, total: 100, errors: 0, cached: 0, requests: 20, tokens: 0 };
  const waiting = {
    reason: 'rate limited by the server (HTTP 429, Retry-After)',
    untilMs: Date.now() + 60_000,
  };
  const line = progressLine('m / b', { ...counts, waiting }, 10_000, 8);
  assert.match(line, /cached 0 {2}waiting [01]:\d\d: rate limited by the server \(HTTP 429, Retry-After\)$/);
  assert.doesNotMatch(progressLine('m / b', { ...counts, waiting: null }, 10_000, 8), /waiting/);
});

test('off a terminal, a wait is written once as its own line', () => {
  const written: string[] = [];
  const out = { isTTY: false, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
  const d = new ProgressDisplay('auto', out);
  d.start('run-1', 'm / b');
  assert.deepEqual(written.splice(0), ['run run-1: m / b\n'], 'off a terminal, a line names the run');
  const counts = { done: 1, resumed: 0, total: 4, errors: 0, cached: 0, requests: 1, tokens: 0 };
  const waiting = { reason: 'requests-per-minute limit', untilMs: Date.now() + 30_000 };
  d.update({ ...counts, waiting });
  d.update({ ...counts, waiting });
  d.update({ ...counts, waiting: null });
  assert.equal(written.length, 1);
  assert.match(written[0]!, /^m \/ b: waiting 0:\d\d: requests-per-minute limit\n$/);
});
