import { describe, expect, test } from "vitest";
import { GroupCommit } from "./group-commit.js";

interface Write {
  key: string;
  value: number;
}

// a GroupCommit over a fake database that records every batch it was given and how many ran at once
function recordingGroupCommit(
  options: {
    maxBatch?: number;
    fails?: (write: Write) => boolean;
    isolates?: (error: unknown) => boolean;
  } = {},
) {
  const batches: number[][] = [];
  let running = 0;
  let mostAtOnce = 0;
  const commit = new GroupCommit<Write, string>({
    keyOf: (write) => write.key,
    maxBatch: options.maxBatch,
    isolates: options.isolates,
    async write(batch) {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      batches.push(batch.map((write) => write.value));
      // a real database answers later: let the event loop turn while the batch is "written"
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      if (batch.some((write) => options.fails?.(write))) throw new Error(`batch ${batch.length} failed`);
      return batch.map((write) => `${write.key}=${write.value}`);
    },
  });
  return { commit, batches, mostAtOnce: () => mostAtOnce };
}

describe("GroupCommit", () => {
  test("a write that arrives alone is written alone and answered", async () => {
    const { commit, batches } = recordingGroupCommit();
    await expect(commit.submit({ key: "a", value: 1 })).resolves.toBe("a=1");
    expect(batches).toEqual([[1]]);
  });

  test("writes that arrive in the same turn of the event loop share one batch, in arrival order", async () => {
    const { commit, batches } = recordingGroupCommit();
    const answers = await Promise.all([1, 2, 3].map((value) => commit.submit({ key: `k${value}`, value })));
    expect(answers).toEqual(["k1=1", "k2=2", "k3=3"]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  test("writes that arrive while a batch is written wait for the next one: one batch at a time", async () => {
    const { commit, batches, mostAtOnce } = recordingGroupCommit();
    const first = commit.submit({ key: "a", value: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1));
    const later = [2, 3].map((value) => commit.submit({ key: `k${value}`, value }));
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3]]);
    expect(mostAtOnce()).toBe(1);
  });

  test("two writes with one key never share a batch, and the earlier is written first", async () => {
    const { commit, batches } = recordingGroupCommit();
    const answers = await Promise.all([
      commit.submit({ key: "a", value: 1 }),
      commit.submit({ key: "b", value: 2 }),
      commit.submit({ key: "a", value: 3 }),
      commit.submit({ key: "c", value: 4 }),
    ]);
    expect(answers).toEqual(["a=1", "b=2", "a=3", "c=4"]);
    expect(batches).toEqual([[1, 2, 4], [3]]);
  });

  test("holds a key from its write's submission until it is answered, written or failed", async () => {
    const { commit } = recordingGroupCommit({ fails: (write) => write.value < 0 });
    expect(commit.holds("a")).toBe(false);
    const first = commit.submit({ key: "a", value: 1 });
    const second = commit.submit({ key: "a", value: 2 });
    const failing = commit.submit({ key: "b", value: -1 }).catch((error: Error) => error.message);
    expect([commit.holds("a"), commit.holds("b")]).toEqual([true, true]);
    await first;
    expect(commit.holds("a")).toBe(true);
    await second;
    await failing;
    expect([commit.holds("a"), commit.holds("b")]).toEqual([false, false]);
  });

  test("a batch holds at most maxBatch writes; the rest follow in order", async () => {
    const { commit, batches } = recordingGroupCommit({ maxBatch: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((value) => commit.submit({ key: `k${value}`, value })));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    expect(commit.waiting).toBe(0);
  });

  test("when a batch fails, each write is tried alone: only the one that cannot be written fails", async () => {
    const { commit, batches } = recordingGroupCommit({ fails: (write) => write.value === 2 });
    const results = await Promise.allSettled(
      [1, 2, 3].map((value) => commit.submit({ key: `k${value}`, value })),
    );
    expect(results).toEqual([
      { status: "fulfilled", value: "k1=1" },
      { status: "rejected", reason: new Error("batch 1 failed") },
      { status: "fulfilled", value: "k3=3" },
    ]);
    expect(batches).toEqual([[1, 2, 3], [1], [2], [3]]);
    // and the queue goes on afterwards
    await expect(commit.submit({ key: "k4", value: 4 })).resolves.toBe("k4=4");
  });

  test("a failure that is nobody's fault in particular fails the whole batch at once, with no retries", async () => {
    const { commit, batches } = recordingGroupCommit({
      fails: () => true,
      isolates: (error) => !(error instanceof Error && error.message.startsWith("batch")),
    });
    const results = await Promise.allSettled(
      [1, 2, 3].map((value) => commit.submit({ key: `k${value}`, value })),
    );
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  test("while the database is away every batch fails its writes, those queued behind it too, and none waits for ever", async () => {
    let away = true;
    const batches: number[][] = [];
    const commit = new GroupCommit<Write, string>({
      keyOf: (write) => write.key,
      isolates: () => false,
      // thrown before any await, as a driver may for a pool that is closing
      write(batch) {
        batches.push(batch.map((write) => write.value));
        if (away) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
        return Promise.resolve(batch.map((write) => `${write.key}=${write.value}`));
      },
    });
    const first = commit.submit({ key: "a", value: 1 });
    // one key twice: the second waits for a later batch
    const queued = [commit.submit({ key: "a", value: 2 }), commit.submit({ key: "b", value: 3 })];
    const results = await Promise.allSettled([first, ...queued]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(batches).toEqual([[1, 3], [2]]);
    expect(commit.waiting).toBe(0);
    expect(commit.holds("a")).toBe(false);
    away = false;
    await expect(commit.submit({ key: "a", value: 4 })).resolves.toBe("a=4");
  });

  test("a write function that answers the wrong number of outputs fails the batch, not silently", async () => {
    const commit = new GroupCommit<Write, string>({
      keyOf: (write) => write.key,
      write: async (batch) => (batch.length > 1 ? ["only one"] : [`${batch[0]?.value}`]),
    });
    const answers = await Promise.all([1, 2].map((value) => commit.submit({ key: `k${value}`, value })));
    // each was written again alone, and answered its own output
    expect(answers).toEqual(["1", "2"]);
    const lone = new GroupCommit<Write, string>({ keyOf: (write) => write.key, write: async () => [] });
    await expect(lone.submit({ key: "a", value: 1 })).rejects.toThrow(
      "A batch of 1 writes answered 0 outputs",
    );
  });
});
