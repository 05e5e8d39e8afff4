import { describe, expect, test } from "vitest";
import { SharedRead } from "./shared-read.js";

// a read whose answers the test gives by hand, in order
function manualRead() {
  const pending: { resolve(value: number): void; reject(error: Error): void }[] = [];
  const shared = new SharedRead(
    () =>
      new Promise<number>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  );
  return { shared, pending };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe("SharedRead", () => {
  test("a caller alone starts a read and gets its answer", async () => {
    const { shared, pending } = manualRead();
    const answer = shared.get();
    expect(pending).toHaveLength(1);
    pending[0]?.resolve(7);
    await expect(answer).resolves.toBe(7);
  });

  test("callers that ask while a read is on its way share the next read, never the one on its way", async () => {
    const { shared, pending } = manualRead();
    const first = shared.get();
    const second = shared.get();
    const third = shared.get();
    expect(pending).toHaveLength(1);
    // the value changed after the second and third asked: they must see the new one
    pending[0]?.resolve(1);
    await settled();
    expect(pending).toHaveLength(2);
    pending[1]?.resolve(2);
    expect(await Promise.all([first, second, third])).toEqual([1, 2, 2]);
  });

  test("a caller after every read has ended starts a new one", async () => {
    const { shared, pending } = manualRead();
    const first = shared.get();
    pending[0]?.resolve(1);
    await first;
    const later = shared.get();
    expect(pending).toHaveLength(2);
    pending[1]?.resolve(5);
    await expect(later).resolves.toBe(5);
  });

  test("a failed read fails its own callers only; those waiting get the next read", async () => {
    const { shared, pending } = manualRead();
    const failing = shared.get();
    const waiting = shared.get();
    pending[0]?.reject(new Error("connection lost"));
    await expect(failing).rejects.toThrow("connection lost");
    await settled();
    pending[1]?.resolve(3);
    await expect(waiting).resolves.toBe(3);
  });
});
