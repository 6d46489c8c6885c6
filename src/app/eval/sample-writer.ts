import type { CachedResponse, Store } from '../../adapters/store/store.ts';
import type { SampleRecord } from '../../core/schema/index.ts';

/**
 * Streams samples to the store in small transactions: a sample and the response it came from are
 * written together. At most `batchSize` records wait in memory (or `intervalMs`, whichever first);
 * `add` waits while a flush is behind, so memory does not grow with the run.
 */
export class SampleWriter {
  private samples: SampleRecord[] = [];
  private responses: CachedResponse[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private failure: unknown = null;
  private readonly store: Store;
  private readonly batchSize: number;
  private readonly intervalMs: number;
  written = 0;

  constructor(store: Store, batchSize = 64, intervalMs = 100) {
    this.store = store;
    this.batchSize = batchSize;
    this.intervalMs = intervalMs;
  }

  async add(sample: SampleRecord, response: CachedResponse | null): Promise<void> {
    if (this.failure) throw this.failure;
    this.samples.push(sample);
    if (response) this.responses.push(response);
    if (this.samples.length >= this.batchSize) {
      await this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush().catch(() => undefined);
      }, this.intervalMs);
    }
  }

  /** Writes what is buffered, after any write already under way. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
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
