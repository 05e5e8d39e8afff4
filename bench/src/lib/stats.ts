/**
 * Order statistics for benchmark samples. Percentiles use the nearest-rank method on a sorted copy, so a
 * p99 is always a latency that was actually observed.
 *
 * @example
 * percentile([5, 1, 3], 50); // 3
 * median([10, 30, 20]); // 20
 */

/**
 * The `p`th percentile (0-100) of `values` by nearest rank; NaN for no values.
 *
 * @example
 * percentile([1, 2, 3, 4], 99); // 4
 */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

/**
 * The median of `values`: the mean of the two middle values for an even count.
 *
 * @example
 * median([1, 2, 3, 4]); // 2.5
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * A growable buffer of numbers that never boxes them: latency samples at tens of thousands per second.
 *
 * @example
 * const samples = new SampleBuffer();
 * samples.push(0.42);
 * percentile(samples.values(), 50);
 */
export class SampleBuffer {
  private buffer = new Float64Array(1024);
  private count = 0;

  push(value: number): void {
    if (this.count === this.buffer.length) {
      const grown = new Float64Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.count++] = value;
  }

  get length(): number {
    return this.count;
  }

  values(): Float64Array {
    return this.buffer.subarray(0, this.count);
  }
}
