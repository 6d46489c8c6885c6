import type { CachedResponse, Store } from '../../adapters/store/store.ts';
import type { SampleRecord } from '../../core/schema/index.ts';

export interface SampleWriterOptions {
  /** Records buffered before `add` writes them at once and waits for the write. */
  maxBuffered: number;
  /** A write starts once no record has arrived for this long: in the lull between bursts of responses. */
  quietMs: number;
  /** ...and at the latest this long after the oldest buffered record arrived. */
  maxAgeMs: number;
}

const DEFAULTS: SampleWriterOptions = { maxBuffered: 256, quietMs: 4, maxAgeMs: 250 };

/**
 * Streams samples to the store in small transactions: a sample and the response it came from are
 * written together. Writes block the event loop (node:sqlite is synchronous), so they are timed for
 * the lulls in traffic: when responses stop arriving for `quietMs`, not in the middle of a burst that
 * other requests are waiting on. At most `maxBuffered` records, or `maxAgeMs` of them, wait in memory;
 * `add` waits while a write is behind, so memory does not grow with the run.
 */
export class SampleWriter {
  private samples: SampleRecord[] = [];
  private responses: CachedResponse[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private quietTimer: NodeJS.Timeout | null = null;
  private ageTimer: NodeJS.Timeout | null = null;
  private failure: unknown = null;
  private readonly store: Store;
  private readonly options: SampleWriterOptions;
  written = 0;
  /** A timer's flush: its failure is kept in `failure` and raised by the next add or flush. */
  private readonly flushLater = () => void this.flush().catch(() => undefined);

  constructor(store: Store, options: Partial<SampleWriterOptions> = {}) {
    this.store = store;
    this.options = { ...DEFAULTS, ...options };
  }

  async add(sample: SampleRecord, response: CachedResponse | null): Promise<void> {
    if (this.failure) throw this.failure;
    this.samples.push(sample);
    if (response) this.responses.push(response);
    if (this.samples.length >= this.options.maxBuffered) {
      await this.flush();
      return;
    }
    if (this.quietTimer) this.quietTimer.refresh();
    else this.quietTimer = setTimeout(this.flushLater, this.options.quietMs);
    this.ageTimer ??= setTimeout(this.flushLater, this.options.maxAgeMs);
  }

  /** Writes what is buffered, after any write already under way. */
  flush(): Promise<void> {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    if (this.ageTimer) clearTimeout(this.ageTimer);
    this.quietTimer = null;
    this.ageTimer = null;
    const samples = this.samples;
    const responses = this.responses;
    this.samples = [];
    this.responses = [];
    this.flushing = this.flushing.then(async () => {
      if (this.failure) throw this.failure;
      if (samples.length === 0 && responses.length === 0) return;
      try {
        await this.store.recordSamples(samples, responses);
        this.written += samples.length;
      } catch (err) {
        this.failure = err;
        throw err;
      }
    });
    return this.flushing;
  }
}
