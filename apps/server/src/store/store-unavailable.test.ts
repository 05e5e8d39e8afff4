import pg from "pg";
import { describe, expect, test } from "vitest";
import { isStoreUnavailable, StoreUnavailableError } from "./store-unavailable.js";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
const databaseError = (message: string, code: string) =>
  Object.assign(new pg.DatabaseError(message, 0, "error"), { code });

describe("isStoreUnavailable", () => {
  test.each([
    ["a refused connection", withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")],
    ["a reset connection", withCode("read ECONNRESET", "ECONNRESET")],
    ["a host that cannot be resolved", withCode("getaddrinfo ENOTFOUND db", "ENOTFOUND")],
    ["a connection the server closed", new Error("Connection terminated unexpectedly")],
    ["a connection that timed out", new Error("Connection terminated due to connection timeout")],
    ["the pool's connect timeout", new Error("timeout exceeded when trying to connect")],
    [
      "a client that lost its connection",
      new Error("Client has encountered a connection error and is not queryable"),
    ],
    ["the pool of a closing server", new Error("Cannot use a pool after calling end on the pool")],
    ["admin shutdown (57P01)", databaseError("terminating connection due to administrator command", "57P01")],
    ["crash shutdown (57P02)", databaseError("terminating connection because of crash", "57P02")],
    ["a server starting up (57P03)", databaseError("the database system is starting up", "57P03")],
    ["a connection exception (08006)", databaseError("connection failure", "08006")],
    ["too many connections (53300)", databaseError("sorry, too many clients already", "53300")],
    ["the embedded store closed", new StoreUnavailableError("The embedded store (PGlite) is closed.")],
    ["PGlite's own word that it is closed", new Error("PGlite is closed")],
    ["the embedded store's engine aborted", Object.assign(new Error("Aborted()"), { name: "RuntimeError" })],
    [
      "every address of a host refused (AggregateError)",
      new AggregateError([withCode("connect ECONNREFUSED ::1:5432", "ECONNREFUSED")], "connect failed"),
    ],
    [
      "a refused connection wrapped as a cause",
      new Error("Cannot connect to PostgreSQL", { cause: withCode("connect ECONNREFUSED", "ECONNREFUSED") }),
    ],
  ])("is true for %s", (_, error) => {
    expect(isStoreUnavailable(error)).toBe(true);
  });

  test.each([
    ["a unique violation (23505)", databaseError("duplicate key value violates unique constraint", "23505")],
    ["a data exception (22003)", databaseError("value out of range", "22003")],
    ["a statement timeout (57014)", databaseError("canceling statement due to statement timeout", "57014")],
    ["a deadlock (40P01)", databaseError("deadlock detected", "40P01")],
    ["a syntax error (42601)", databaseError("syntax error at or near", "42601")],
    ["a bug", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["something thrown that is not an error", "ECONNREFUSED"],
    ["nothing", undefined],
  ])("is false for %s", (_, error) => {
    expect(isStoreUnavailable(error)).toBe(false);
  });

  test("follows a cycle of causes without looping", () => {
    const error = new Error("outer") as Error & { cause?: unknown };
    error.cause = new Error("inner", { cause: error });
    expect(isStoreUnavailable(error)).toBe(false);
  });
});
