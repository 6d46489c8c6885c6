import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { allPassed, type ExecJobInput } from '../../core/sandbox/exec-job.ts';
import type { CodeExecutor } from './code-executor.ts';

/**
 * Runtimes of reference solutions, measured on this machine once per problem and kept in memory
 * (and, when a file is given, in a small JSON cache that can be deleted at any time to re-measure).
 * A reference solution that does not pass yields null.
 */
export class ReferenceTimings {
  private readonly measured = new Map<string, Promise<number | null>>();
  private readonly file: string | null;
  private readonly stored: Record<string, number | null>;

  constructor(file: string | null = null) {
    this.file = file;
    let stored: Record<string, number | null> = {};
    if (file) {
      try {
        stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number | null>;
      } catch {
        stored = {};
      }
    }
    this.stored = stored;
  }

  /** The reference runtime in ms: the slowest of `runs` runs of its tests (setup included). */
  get(key: string, executor: CodeExecutor, job: () => ExecJobInput, runs = 2): Promise<number | null> {
    const known = this.measured.get(key);
    if (known) return known;
    if (key in this.stored) {
      const p = Promise.resolve(this.stored[key] ?? null);
      this.measured.set(key, p);
      return p;
    }
    const p = (async () => {
      let worst = 0;
      for (let i = 0; i < runs; i++) {
        const r = await executor.run(job());
        if (r.tests.some((t) => t.verdict === 'sandbox-error')) return null;
        if (!allPassed(r)) return null;
        worst = Math.max(
          worst,
          r.tests.reduce((a, t) => a + (t.ms ?? 0), 0),
        );
      }
      this.save(key, worst);
      return worst;
    })();
    this.measured.set(key, p);
    return p;
  }

  private save(key: string, ms: number): void {
    if (!this.file) return;
    this.stored[key] = ms;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(`${this.file}.tmp`, JSON.stringify(this.stored));
      renameSync(`${this.file}.tmp`, this.file);
    } catch {
      // a cache only: failing to write it costs a re-measurement next time
    }
  }
}
