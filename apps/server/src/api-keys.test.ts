import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { DEMO_KEYS, demoKeyConfigs, loadApiKeysFile, parseApiKeys } from "./api-keys.js";

describe("API key configuration", () => {
  test("the demo keys have the documented scopes", () => {
    const byKey = Object.fromEntries(demoKeyConfigs().map((config) => [config.key, config]));
    expect(byKey[DEMO_KEYS.full]).toMatchObject({ account: "acct_demo", subusers: null, app_sessions: true });
    expect(byKey[DEMO_KEYS.narrow]).toMatchObject({
      products: ["residential"],
      subusers: ["sub_01HX2K3PQ4M5"],
    });
    expect(byKey[DEMO_KEYS.narrow]?.app_sessions).not.toBe(true);
    expect(byKey[DEMO_KEYS.other]).toMatchObject({ account: "acct_other", app_sessions: true });
    expect(byKey[DEMO_KEYS.limited]).toMatchObject({ rate_limit_per_minute: 5, app_sessions: true });
  });

  test("a keys file is read and checked", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "keys-")), "keys.json");
    writeFileSync(
      path,
      JSON.stringify({
        keys: [
          { key: "sk_live_abcdef", account: "acct_1", products: ["mobile"], subusers: null },
          {
            key: "sk_live_ghijkl",
            account: "acct_1",
            products: ["mobile"],
            subusers: null,
            app_sessions: true,
          },
        ],
      }),
    );
    expect(await loadApiKeysFile(path)).toEqual([
      { key: "sk_live_abcdef", account: "acct_1", products: ["mobile"], subusers: null },
      { key: "sk_live_ghijkl", account: "acct_1", products: ["mobile"], subusers: null, app_sessions: true },
    ]);
    await expect(loadApiKeysFile(join(tmpdir(), "does-not-exist.json"))).rejects.toThrow(
      /Cannot read the keys file/,
    );
  });

  test.each([
    [[], /non-empty array/],
    [[{ key: "short", account: "a", products: ["mobile"] }], /keys\[0\]\.key/],
    [[{ key: "sk_live_abcdef", account: "", products: ["mobile"] }], /keys\[0\]\.account/],
    [[{ key: "sk_live_abcdef", account: "a", products: ["isp"] }], /keys\[0\]\.products/],
    [
      [{ key: "sk_live_abcdef", account: "a", products: ["mobile"], subusers: ["bob"] }],
      /keys\[0\]\.subusers/,
    ],
    [
      [{ key: "sk_live_abcdef", account: "a", products: ["mobile"], rate_limit_per_minute: -1 }],
      /rate_limit/,
    ],
    [[{ key: "sk_live_abcdef", account: "a", products: ["mobile"], app_sessions: "yes" }], /app_sessions/],
    [
      [
        { key: "sk_live_abcdef", account: "a", products: ["mobile"] },
        { key: "sk_live_abcdef", account: "b", products: ["mobile"] },
      ],
      /repeats/,
    ],
  ])("refuses %j naming the entry at fault", (keys, message) => {
    expect(() => parseApiKeys(keys)).toThrow(message);
  });
});
