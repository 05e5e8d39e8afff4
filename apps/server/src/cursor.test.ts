import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { ApiError } from "./errors.js";

const position = { startedAt: "2026-05-28T07:00:00.000Z", id: "ses_01HX2K3PQ4M5" };
const scope = { account: "acct_demo", product: "residential", status: "active", subuser: undefined };
const secret = randomBytes(32);

function expectRefused(cursor: string, message: RegExp, withSecret: Uint8Array = secret): void {
  try {
    decodeCursor(cursor, scope, withSecret);
    throw new Error("accepted");
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).code).toBe("invalid_parameter");
    expect((error as ApiError).details.param).toBe("cursor");
    expect((error as ApiError).message).toMatch(message);
  }
}

const base64url = (text: string) => Buffer.from(text).toString("base64url");

describe("cursors", () => {
  test("round-trip as opaque base64url bound to their query", () => {
    const cursor = encodeCursor(position, scope, secret);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, { ...scope }, secret)).toEqual(position);
  });

  test("treat an absent filter and an undefined one alike, and ignore the order of the scope", () => {
    const cursor = encodeCursor(
      position,
      { product: "residential", account: "acct_demo", status: "active" },
      secret,
    );
    expect(decodeCursor(cursor, scope, secret)).toEqual(position);
  });

  test.each([
    ["another account", { ...scope, account: "acct_other" }],
    ["another product", { ...scope, product: "mobile" }],
    ["another filter", { ...scope, subuser: "sub_abcd" }],
  ])("are refused for %s", (_, other) => {
    expect(() => decodeCursor(encodeCursor(position, scope, secret), other, secret)).toThrow(/another query/);
  });

  test.each([
    ["empty", ""],
    ["too short to hold a MAC", "abc"],
    [
      "unsigned JSON, as cursors were before they were signed",
      base64url('{"t":"2026-05-28T07:00:00.000Z","i":"ses_01HX2K3PQ4M5","q":"x"}'),
    ],
    ["cut short", encodeCursor(position, scope, secret).slice(0, -3)],
    ["signed with another secret", encodeCursor(position, scope, randomBytes(32))],
    [
      "an issued cursor with its position altered",
      (() => {
        const cursor = encodeCursor(position, scope, secret);
        const payload = Buffer.from(cursor.slice(0, -22), "base64url").toString().replace("07:00", "06:00");
        return base64url(payload) + cursor.slice(-22);
      })(),
    ],
  ])("are refused when not issued by this server (%s) with 400 invalid_parameter on cursor", (_, cursor) => {
    expectRefused(cursor, /not issued by this server/);
  });

  test.each([
    ["year 0, which PostgreSQL has not", "0000-01-01T00:00:00.000Z"],
    ["February 30, which JavaScript rolls over", "2026-02-30T07:00:00.000Z"],
    ["24:00", "2026-05-28T24:00:00.000Z"],
    ["no time at all", "yesterday"],
  ])("are refused when even a correctly signed one holds an impossible time (%s)", (_, startedAt) => {
    expectRefused(encodeCursor({ ...position, startedAt }, scope, secret), /not issued by this server/);
  });
  test("checked once, are still checked against each use's query and secret (what is remembered is per secret)", () => {
    const cursor = encodeCursor(position, scope, secret);
    expect(decodeCursor(cursor, scope, secret)).toEqual(position);
    expect(() => decodeCursor(cursor, { ...scope, product: "mobile" }, secret)).toThrow(/another query/);
    expectRefused(cursor, /not issued by this server/, randomBytes(32));
    // the same position and query under another secret is another cursor
    expect(encodeCursor(position, scope, randomBytes(32))).not.toBe(cursor);
  });
});
