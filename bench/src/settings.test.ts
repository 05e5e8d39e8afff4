import { describe, expect, test } from "vitest";
import { readBenchSettings } from "./settings.js";

describe("readBenchSettings", () => {
  test("with no knob set, runs every leg at 1,000,000 sessions, and the run is a full one", () => {
    const settings = readBenchSettings({});
    expect(settings.config).toEqual({
      sessions: 1_000_000,
      rounds: 3,
      http_seconds: 5,
      connections: 10,
      store_queries: 1000,
      ingest_seconds: 10,
      ingest_connections: 64,
      legs: ["client", "http", "pglite", "postgres", "mixed"],
      mixed_sessions: 20_000,
      mixed_seconds: 3,
      mixed_rounds: 1,
    });
    expect(settings.full).toBe(true);
  });

  test("every leg named in another order, or a knob set to its default, is still a full run", () => {
    expect(readBenchSettings({ BENCH_LEGS: "postgres, pglite,mixed,http,client" }).full).toBe(true);
    expect(readBenchSettings({ BENCH_SESSIONS: "1_000_000", BENCH_CLIENT_MS: "2000" }).full).toBe(true);
  });

  test.each([
    ["a smoke run", { BENCH_SESSIONS: "20000" }],
    ["some legs only", { BENCH_LEGS: "http,client" }],
    ["a shorter query budget", { BENCH_QUERY_SECONDS: "5" }],
    ["shorter client slices", { BENCH_CLIENT_MS: "500" }],
    ["a longer mixed leg", { BENCH_MIXED_SECONDS: "10" }],
    ["a profiled server", { BENCH_CPU_PROF: "/tmp/profiles" }],
    ["another server entry", { BENCH_SERVER_MAIN: "apps/server/src/main.ts" }],
  ])("%s is a partial run, never written over the quoted full run", (_, env) => {
    expect(readBenchSettings(env).full).toBe(false);
  });

  test.each([
    [{ BENCH_SESSIONS: "12" }, 'BENCH_SESSIONS must be an integer from 1000 to 10000000; got "12".'],
    [{ BENCH_ROUNDS: "two" }, 'BENCH_ROUNDS must be an integer from 1 to 20; got "two".'],
    [
      { BENCH_LEGS: "http,disk" },
      'BENCH_LEGS: unknown leg "disk"; choose from client, http, pglite, postgres, mixed.',
    ],
  ])("refuses %o, naming the knob and its range", (env, message) => {
    expect(() => readBenchSettings(env)).toThrow(message);
  });
});
