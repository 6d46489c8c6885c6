import type { BudgetTimers } from '../../src/adapters/equivalence-pool/equivalence-pool.ts';

export interface ManualTimer {
  readonly ms: number;
  /** Cleared by the code under test before it ran out. */
  cleared: boolean;
  /** Runs the expiry now, as if the budget had run out (once; a cleared timer does nothing). */
  expire(): void;
}

/**
 * Budgets that run out only when a test says so: the outcome of a timing rule then depends on the order
 * of events the test sets up, never on how fast the machine is.
 */
export class ManualTimers implements BudgetTimers {
  readonly armed: ManualTimer[] = [];
  private waiters: { index: number; resolve: (t: ManualTimer) => void }[] = [];

  set(onExpiry: () => void, ms: number): ManualTimer {
    let done = false;
    const timer: ManualTimer = {
      ms,
      cleared: false,
      expire: () => {
        if (done || timer.cleared) return;
        done = true;
        onExpiry();
      },
    };
    this.armed.push(timer);
    const ready = this.waiters.filter((w) => w.index < this.armed.length);
    this.waiters = this.waiters.filter((w) => w.index >= this.armed.length);
    for (const w of ready) w.resolve(this.armed[w.index]!);
    return timer;
  }

  clear(handle: unknown): void {
    (handle as ManualTimer).cleared = true;
  }

  /** The `index`-th timer armed (0 for the first), once it is armed. */
  nth(index: number): Promise<ManualTimer> {
    const t = this.armed[index];
    if (t) return Promise.resolve(t);
    return new Promise((resolve) => this.waiters.push({ index, resolve }));
  }

  /** Runs out every budget armed and not cleared. */
  expireAll(): void {
    for (const t of this.armed) t.expire();
  }
}
