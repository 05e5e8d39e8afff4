import { describe, expect, test } from "vitest";
import { DEFAULT_SERVER_LIMITS, resolveServerLimits } from "./server-limits.js";

describe("resolveServerLimits", () => {
  test("defaults to 512 connections, headers within 10 s, a request within 30 s, 5 s idle", () => {
    expect(resolveServerLimits({})).toEqual({
      maxConnections: 512,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
    });
    expect(resolveServerLimits({ maxConnections: undefined })).toEqual(DEFAULT_SERVER_LIMITS);
  });

  test("takes the limits given and the defaults for the others", () => {
    expect(resolveServerLimits({ maxConnections: 2, keepAliveTimeoutMs: 100 })).toEqual({
      ...DEFAULT_SERVER_LIMITS,
      maxConnections: 2,
      keepAliveTimeoutMs: 100,
    });
  });

  test.each([0, -1, 1.5, Number.NaN])("refuses %s, naming the option and its variable", (value) => {
    expect(() => resolveServerLimits({ maxConnections: value })).toThrow(
      `maxConnections (SESSIONS_API_MAX_CONNECTIONS) must be a positive integer; got ${value}.`,
    );
  });

  test("refuses headers allowed longer than the whole request", () => {
    expect(() => resolveServerLimits({ headersTimeoutMs: 60_000 })).toThrow(
      "headersTimeoutMs (SESSIONS_API_HEADERS_TIMEOUT_MS) must not be longer than requestTimeoutMs (SESSIONS_API_REQUEST_TIMEOUT_MS); got 60000 and 30000.",
    );
  });
});
