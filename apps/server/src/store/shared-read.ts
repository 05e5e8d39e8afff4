/**
 * A read that callers share without ever getting a stale answer: each caller gets the result of a read
 * begun after it asked. The first caller starts a read; callers that ask while it is on its way wait for
 * the next one, which starts when it ends and answers all of them. Under load, one round trip serves
 * every request that arrived during the previous one.
 *
 * @example
 * const offset = new SharedRead(() => db.query("SELECT offset_seconds FROM clock"));
 * const [a, b] = await Promise.all([offset.get(), offset.get()]); // two reads: b asked while a's was on its way
 */
export class SharedRead<T> {
  // the read on its way, and the one that follows it
  private current: Promise<T> | undefined;
  private next: Promise<T> | undefined;

  constructor(private readonly read: () => Promise<T>) {}

  /** The result of a read begun after this call. */
  get(): Promise<T> {
    if (this.current === undefined) {
      // only this read's end clears it: no other starts while it is on its way
      this.current = this.read().finally(() => {
        this.current = undefined;
      });
      return this.current;
    }
    this.next ??= this.current
      .catch(() => {})
      .then(() => {
        this.next = undefined;
        return this.get();
      });
    return this.next;
  }
}
