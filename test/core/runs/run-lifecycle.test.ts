import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  canTransition,
  DEFAULT_STALE_MS,
  effectiveStatus,
  statesBefore,
} from '../../../src/core/runs/run-lifecycle.ts';
import { RunStatus } from '../../../src/core/schema/index.ts';

test('the legal run transitions are exactly these, and every state but running can be resumed', () => {
  const legal = RunStatus.options.flatMap((from) =>
    RunStatus.options.filter((to) => canTransition(from, to)).map((to) => `${from}->${to}`),
  );
  assert.deepEqual(legal.sort(), [
    'failed->running',
    'finished->running',
    'interrupted->failed',
    'interrupted->running',
    'queued->failed',
    'queued->interrupted',
    'queued->running',
    'running->failed',
    'running->finished',
    'running->interrupted',
  ]);
  assert.deepEqual(statesBefore('running').sort(), ['failed', 'finished', 'interrupted', 'queued']);
  assert.ok(!canTransition('running', 'running'), 'a running run cannot be claimed twice');
  assert.ok(!canTransition('finished', 'failed'));
  assert.ok(!canTransition('queued', 'finished'), 'no run finishes without running');
});

test('a running run whose heartbeat is older than the stale limit, or absent, shows as interrupted', () => {
  const beat = '2026-01-01T00:00:00.000Z';
  const t = Date.parse(beat);
  assert.equal(effectiveStatus('running', beat, t + DEFAULT_STALE_MS), 'running');
  assert.equal(effectiveStatus('running', beat, t + DEFAULT_STALE_MS + 1), 'interrupted');
  assert.equal(effectiveStatus('running', null, t), 'interrupted');
  assert.ok(DEFAULT_STALE_MS < 60_000, 'a killed run shows interrupted within a minute');
  for (const s of ['queued', 'failed', 'finished', 'interrupted'] as const)
    assert.equal(effectiveStatus(s, null, t + 10 * DEFAULT_STALE_MS), s);
});
