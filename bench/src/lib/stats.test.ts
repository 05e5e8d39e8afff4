import { describe, expect, test } from "vitest";
import { median, percentile, SampleBuffer } from "./stats.js";

describe("percentile", () => {
  test("returns an observed value by nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
  });

  test("does not depend on the order of the samples", () => {
    expect(percentile([9, 1, 5, 3, 7], 50)).toBe(5);
  });

  test("is NaN for no samples rather than a made-up figure", () => {
    expect(percentile([], 99)).toBeNaN();
  });
});

describe("median", () => {
  test("takes the middle value of an odd count and the mean of the two middle values of an even count", () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("SampleBuffer", () => {
  test("keeps every pushed value in order past its initial capacity", () => {
    const buffer = new SampleBuffer();
    for (let i = 0; i < 5000; i++) buffer.push(i / 10);
    expect(buffer.length).toBe(5000);
    expect(buffer.values()[4999]).toBe(499.9);
    expect(percentile(buffer.values(), 50)).toBe(249.9);
  });
});
