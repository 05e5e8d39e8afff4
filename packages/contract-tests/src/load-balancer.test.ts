/**
 * The reference server as a team runs it: two instances over one PostgreSQL database behind HAProxy
 * (round robin). The contract suite passes through the balancer, and what a client sees holds across
 * instances: consecutive requests go to different ones, a key's budget is spent once across both, a
 * clock moved through one instance is the clock the other tells (for that account only), and a retried
 * sandbox write that reaches the other instance is replayed, not made twice.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type BalancedInstances, startBalancedInstances } from "../test/support/balanced-instances.js";

const packageDir = join(import.meta.dirname, "..");
const keys = {
  full: "sk_demo_full",
  narrow: "sk_demo_narrow",
  other: "sk_demo_other",
  limited: "sk_demo_limited",
};

let deployment: BalancedInstances;
beforeAll(async () => {
  deployment = await startBalancedInstances();
});
afterAll(() => deployment?.close());

const call = async (base: string, path: string, key: string, init: RequestInit = {}) => {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...init.headers },
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === "" ? undefined : JSON.parse(text),
  };
};

describe("two instances over one PostgreSQL behind a round-robin load balancer", () => {
  test("send consecutive requests to different instances", async () => {
    const servedBy: (string | null)[] = [];
    for (let i = 0; i < 6; i++)
      servedBy.push((await call(deployment.url, "/readyz", keys.full)).headers.get("x-served-by"));
    expect(new Set(servedBy)).toEqual(new Set(["a", "b"]));
    for (let i = 1; i < servedBy.length; i++) expect(servedBy[i]).not.toBe(servedBy[i - 1]);
  });

  test("spend one budget per key: 20 requests of a 5-a-minute key through the balancer, exactly 5 pass", async () => {
    const answers: { status: number; servedBy: string | null }[] = [];
    const started = Date.now();
    for (let i = 0; i < 20; i++) {
      const { status, headers } = await call(
        deployment.url,
        "/v1/residential/sessions?limit=1",
        keys.limited,
      );
      answers.push({ status, servedBy: headers.get("x-served-by") });
    }
    // the budget refills one request each 12 s: on a machine slow enough to take that long, each 12 s
    // allows one more (budgets per instance would let about 10 through however fast)
    const refills = Math.floor((Date.now() - started) / 12_000);
    const passed = answers.filter((a) => a.status === 200).length;
    expect(passed).toBeGreaterThanOrEqual(5);
    expect(passed).toBeLessThanOrEqual(5 + refills);
    expect(answers.filter((a) => a.status !== 200).every((a) => a.status === 429)).toBe(true);
    // both instances answered, and both refused: the budget they spend is the same one
    expect(new Set(answers.filter((a) => a.status === 429).map((a) => a.servedBy))).toEqual(
      new Set(["a", "b"]),
    );
  });

  test("tell the clock moved through one instance from the other", async () => {
    const { a, b } = deployment.instances;
    const before = (await call(b, "/sandbox/clock", keys.full)).body.offset_seconds as number;
    const moved = await call(a, "/sandbox/clock/advance", keys.full, {
      method: "POST",
      body: JSON.stringify({ seconds: 60 }),
    });
    expect(moved.status).toBe(200);
    expect((await call(b, "/sandbox/clock", keys.full)).body.offset_seconds).toBe(before + 60);
  });

  test("move only the caller's account's clock, whichever instance tells it", async () => {
    const { a, b } = deployment.instances;
    const demoBefore = (await call(b, "/sandbox/clock", keys.full)).body.offset_seconds as number;
    const otherBefore = (await call(b, "/sandbox/clock", keys.other)).body.offset_seconds as number;
    const moved = await call(a, "/sandbox/clock/advance", keys.other, {
      method: "POST",
      body: JSON.stringify({ seconds: 3600 }),
    });
    expect(moved.status).toBe(200);
    expect((await call(b, "/sandbox/clock", keys.other)).body.offset_seconds).toBe(otherBefore + 3600);
    expect((await call(b, "/sandbox/clock", keys.full)).body.offset_seconds).toBe(demoBefore);
  });

  test("replay a retried sandbox write that reaches the other instance, with no second session", async () => {
    const key = `lb-retry-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const create = () =>
      call(deployment.url, "/sandbox/app/sessions", keys.full, {
        method: "POST",
        headers: { "idempotency-key": key },
        body: JSON.stringify({}),
      });
    const first = await create();
    const retry = await create();
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    // round robin: the retry went to the instance that did not make the session
    expect(retry.headers.get("x-served-by")).not.toBe(first.headers.get("x-served-by"));
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    const listed = await call(deployment.url, "/app/sessions?limit=100", keys.full);
    const ids = (listed.body.application_sessions as { id: string }[]).map((session) => session.id);
    expect(ids.filter((id) => id === first.body.id)).toHaveLength(1);
  });

  test("pass the contract suite through the balancer", async () => {
    const args = [
      "src/cli.ts",
      "--base-url",
      deployment.url,
      "--key",
      keys.full,
      "--narrow-key",
      keys.narrow,
      "--other-account-key",
      keys.other,
    ];
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(join(packageDir, "node_modules", ".bin", "tsx"), args, {
        cwd: packageDir,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.once("exit", (exitCode) => resolve({ code: exitCode, output }));
    });
    expect(output).toMatch(/sandbox/i);
    expect(code, output.slice(-4000)).toBe(0);
  });
});
