/**
 * Group commit: writes that arrive while the database is busy are queued and written together, in one
 * statement, as soon as it is free. A write that arrives alone is written alone, one event-loop turn later,
 * so nothing waits for a batch to fill.
 *
 * Two writes with the same key never share a batch (the later one goes in the next), so one batch's
 * statement may treat its writes as independent of each other. When a batch fails with an error that
 * may be one write's fault (`isolates`), each of its writes is tried again alone: a write that cannot be
 * made fails by itself, never its neighbours. Any other failure (the database gone, a timeout) fails the
 * whole batch at once rather than once per write.
 *
 * @example
 * const reports = new GroupCommit({ keyOf: (r: Report) => r.username, write: (batch) => writeReports(batch) });
 * const session = await reports.submit(report); // resolves with this report's element of writeReports' answer
 */

export interface GroupCommitOptions<In, Out> {
  /** Writes that must be made one after another (the same row, say) share a key. */
  keyOf(input: In): string;
  /** Writes a batch; answers one output per input, in the same order. */
  write(batch: readonly In[]): Promise<Out[]>;
  /** The most writes in one batch. */
  maxBatch?: number;
  /** Whether a batch's failure may be the fault of one of its writes; default: any failure may be. */
  isolates?(error: unknown): boolean;
}

interface Pending<In, Out> {
  input: In;
  key: string;
  resolve(output: Out): void;
  reject(error: unknown): void;
}

export class GroupCommit<In, Out> {
  private readonly keyOf: (input: In) => string;
  private readonly write: (batch: readonly In[]) => Promise<Out[]>;
  private readonly maxBatch: number;
  private readonly isolates: (error: unknown) => boolean;
  private queue: Pending<In, Out>[] = [];
  // writes per key that are queued or being written
  private readonly unanswered = new Map<string, number>();
  // a batch is being written, or one is due on the next turn of the event loop
  private busy = false;

  constructor(options: GroupCommitOptions<In, Out>) {
    this.keyOf = options.keyOf;
    this.write = options.write;
    this.maxBatch = options.maxBatch ?? 64;
    this.isolates = options.isolates ?? (() => true);
  }

  /** Queues a write; resolves with its output once its batch is written. */
  submit(input: In): Promise<Out> {
    const key = this.keyOf(input);
    this.unanswered.set(key, (this.unanswered.get(key) ?? 0) + 1);
    const answered = () => {
      const left = (this.unanswered.get(key) ?? 1) - 1;
      if (left === 0) this.unanswered.delete(key);
      else this.unanswered.set(key, left);
    };
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({
        input,
        key,
        resolve: (output) => {
          answered();
          resolve(output);
        },
        reject: (error) => {
          answered();
          reject(error);
        },
      });
      this.schedule();
    });
  }

  /** How many writes wait for a batch. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Whether a write with this key is waiting for a batch or being written. */
  holds(key: string): boolean {
    return this.unanswered.has(key);
  }

  private schedule(): void {
    if (this.busy || this.queue.length === 0) return;
    this.busy = true;
    // one turn later: the writes of every request the event loop is handling now join this batch
    setImmediate(() => {
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.take();
    try {
      await this.writeBatch(batch);
    } finally {
      this.busy = false;
      this.schedule();
    }
  }

  // the oldest writes, up to maxBatch, at most one per key; the others keep their places in the queue
  private take(): Pending<In, Out>[] {
    const batch: Pending<In, Out>[] = [];
    const keys = new Set<string>();
    const left: Pending<In, Out>[] = [];
    for (const pending of this.queue) {
      if (batch.length < this.maxBatch && !keys.has(pending.key)) {
        keys.add(pending.key);
        batch.push(pending);
      } else {
        left.push(pending);
      }
    }
    this.queue = left;
    return batch;
  }

  private async writeBatch(batch: readonly Pending<In, Out>[]): Promise<void> {
    let outputs: Out[];
    try {
      outputs = await this.write(batch.map((pending) => pending.input));
      if (outputs.length !== batch.length) {
        throw new Error(`A batch of ${batch.length} writes answered ${outputs.length} outputs`);
      }
    } catch (error) {
      if (batch.length === 1 || !this.isolates(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      for (const pending of batch) await this.writeBatch([pending]);
      return;
    }
    batch.forEach((pending, i) => {
      pending.resolve(outputs[i] as Out);
    });
  }
}
