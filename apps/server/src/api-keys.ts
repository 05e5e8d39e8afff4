/**
 * API keys: who a key belongs to (an account) and what it may see (gateway products, optionally
 * sub-users, and whether the account's application sessions), plus its request budget. Keys come from a JSON file (`SESSIONS_API_KEYS_FILE`) or default to the demo keys.
 *
 * @example
 * const keys = await loadApiKeysFile("keys.json"); // {"keys": [{"key": "sk_live_...", "account": "acct_1", ...}]}
 */
import { readFile } from "node:fs/promises";
import type { GatewayProduct } from "@sessions-api/openapi";

/**
 * One API key. Also an element of the keys file's `keys` array.
 *
 * @example
 * const key: ApiKeyConfig = { key: "sk_live_1", account: "acct_1", products: ["residential"], subusers: null };
 */
export interface ApiKeyConfig {
  key: string;
  account: string;
  products: GatewayProduct[];
  /** The sub-users the key is limited to; null for all of the account's. */
  subusers: string[] | null;
  /**
   * Whether the key may list, read and delete the account's application sessions (and create them in the
   * sandbox); default false.
   */
  app_sessions?: boolean;
  /** Requests per minute; default 6000; 0 means unlimited. */
  rate_limit_per_minute?: number;
}

/**
 * The default budget of a key, in requests per minute.
 *
 * @example
 * const perMinute = config.rate_limit_per_minute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
 */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 6000;

/**
 * The demo keys, used when no keys are configured and printed at start.
 *
 * @example
 * fetch("http://127.0.0.1:8080/v1/residential/sessions", { headers: { authorization: `Bearer ${DEMO_KEYS.full}` } });
 */
export const DEMO_KEYS = {
  /** acct_demo, both products, all sub-users, application sessions. */
  full: "sk_demo_full",
  /** acct_demo, residential only, sub-user sub_01HX2K3PQ4M5 only, no application sessions. */
  narrow: "sk_demo_narrow",
  /** acct_other, full scope. */
  other: "sk_demo_other",
  /** acct_demo, full scope, 5 requests per minute (to see a 429). */
  limited: "sk_demo_limited",
} as const;

/**
 * The configuration of the demo keys.
 *
 * @example
 * createSessionsApp({ keys: [...demoKeyConfigs(), { key: "sk_mine", account: "acct_me", products: ["mobile"], subusers: null }] });
 */
export function demoKeyConfigs(): ApiKeyConfig[] {
  return [
    {
      key: DEMO_KEYS.full,
      account: "acct_demo",
      products: ["residential", "mobile"],
      subusers: null,
      app_sessions: true,
    },
    {
      key: DEMO_KEYS.narrow,
      account: "acct_demo",
      products: ["residential"],
      subusers: ["sub_01HX2K3PQ4M5"],
    },
    {
      key: DEMO_KEYS.other,
      account: "acct_other",
      products: ["residential", "mobile"],
      subusers: null,
      app_sessions: true,
    },
    {
      key: DEMO_KEYS.limited,
      account: "acct_demo",
      products: ["residential", "mobile"],
      subusers: null,
      app_sessions: true,
      rate_limit_per_minute: 5,
    },
  ];
}

const products: readonly string[] = ["residential", "mobile"];
const subuserPattern = /^sub_[A-Za-z0-9]{4,32}$/;

/**
 * Checks a list of key configurations, throwing an error that names the first bad entry.
 *
 * @example
 * const keys = parseApiKeys(JSON.parse(text).keys, "keys.json");
 */
export function parseApiKeys(value: unknown, source = "keys"): ApiKeyConfig[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new Error(`${source}: "keys" must be a non-empty array`);
  const seen = new Set<string>();
  return value.map((entry: unknown, index) => {
    const at = `${source}: keys[${index}]`;
    if (entry === null || typeof entry !== "object") throw new Error(`${at} must be an object`);
    const {
      key,
      account,
      products: scope,
      subusers,
      app_sessions: appSessions,
      rate_limit_per_minute: limit,
    } = entry as Record<string, unknown>;
    if (typeof key !== "string" || key.length < 8 || /\s/.test(key)) {
      throw new Error(`${at}.key must be a string of at least 8 characters without spaces`);
    }
    if (seen.has(key)) throw new Error(`${at}.key repeats an earlier key`);
    seen.add(key);
    if (typeof account !== "string" || account.length === 0)
      throw new Error(`${at}.account must be a non-empty string`);
    if (!Array.isArray(scope) || scope.length === 0 || !scope.every((p) => products.includes(p))) {
      throw new Error(`${at}.products must be a non-empty array of "residential" and/or "mobile"`);
    }
    if (
      subusers !== null &&
      subusers !== undefined &&
      (!Array.isArray(subusers) || !subusers.every((s) => typeof s === "string" && subuserPattern.test(s)))
    ) {
      throw new Error(
        `${at}.subusers must be null or an array of sub-user ids (sub_ + 4-32 letters or digits)`,
      );
    }
    if (appSessions !== undefined && typeof appSessions !== "boolean") {
      throw new Error(`${at}.app_sessions must be true or false`);
    }
    if (limit !== undefined && (typeof limit !== "number" || !Number.isInteger(limit) || limit < 0)) {
      throw new Error(`${at}.rate_limit_per_minute must be a whole number, 0 for unlimited`);
    }
    const config: ApiKeyConfig = {
      key,
      account,
      products: [...new Set(scope as GatewayProduct[])],
      subusers: (subusers as string[] | null | undefined) ?? null,
    };
    if (appSessions !== undefined) config.app_sessions = appSessions;
    if (limit !== undefined) config.rate_limit_per_minute = limit;
    return config;
  });
}

/**
 * Reads a keys file: `{"keys": [ApiKeyConfig, ...]}`.
 *
 * @example
 * const keys = await loadApiKeysFile(process.env.SESSIONS_API_KEYS_FILE ?? "keys.json");
 */
export async function loadApiKeysFile(path: string): Promise<ApiKeyConfig[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read the keys file ${path}: ${(error as Error).message}`);
  }
  return parseApiKeys((parsed as { keys?: unknown } | null)?.keys, path);
}
