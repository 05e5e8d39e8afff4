import { describe, expect, test } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { ApiError } from "./errors.js";

const position = { startedAt: "2026-05-28T07:00:00.000Z", id: "ses_01HX2K3PQ4M5" };
const scope = { account: "acct_demo", product: "residential", status: "active", subuser: undefined };

describe("cursors", () => {
  test("round-trip as opaque base64url bound to their query", () => {
    const cursor = encodeCursor(position, scope);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, { ...scope })).toEqual(position);
  });

  test("treat an absent filter and an undefined one alike, and ignore the order of the scope", () => {
    const cursor = encodeCursor(position, { product: "residential", account: "acct_demo", status: "active" });
    expect(decodeCursor(cursor, scope)).toEqual(position);
  });

  test.each([
    ["another account", { ...scope, account: "acct_other" }],
    ["another product", { ...scope, product: "mobile" }],
    ["another filter", { ...scope, subuser: "sub_abcd" }],
  ])("are refused for %s", (_, other) => {
    expect(() => decodeCursor(encodeCursor(position, scope), other)).toThrow(/another query/);
  });

  test.each([
    "",
    "abc",
    Buffer.from('{"t":"yesterday","i":"ses_01HX2K3PQ4M5","q":"x"}').toString("base64url"),
  ])("are refused when malformed (%j) with 400 invalid_parameter on cursor", (cursor) => {
    try {
      decodeCursor(cursor, scope);
      throw new Error("accepted");
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).details.param).toBe("cursor");
      expect((error as ApiError).status).toBe(400);
    }
  });
});
