/**
 * The proxy username grammar of gateway sticky sessions. The full username is the session key:
 *
 * `user-<subuser>-region-<cc>[-state-<st>][-city-<city>][-asn-<n>]-session-<id>-sesstime-<minutes>`
 *
 * Segments come in this order, each at most once; `-` only separates, so no value contains it.
 * The reference server keys sessions with it; `@sessions-api/client` bundles it as `@sessions-api/client/username`.
 *
 * @example
 * import { formatUsername, parseUsername } from "@sessions-api/username";
 * const username = formatUsername({ subuser: "sub_01HX2K3PQ4M5", region: "us", session_id: "job1", sesstime: 30 });
 * // "user-sub_01HX2K3PQ4M5-region-us-session-job1-sesstime-30"
 * parseUsername(username).sesstime; // 30
 */
import type { UsernameViolation } from "@sessions-api/openapi";

export type { UsernameViolation };

/**
 * Longest username accepted, in characters.
 *
 * @example
 * if (username.length > USERNAME_MAX_LENGTH) throw new Error("username too long");
 */
export const USERNAME_MAX_LENGTH = 256;
/**
 * Shortest `sesstime`, in minutes.
 *
 * @example
 * const sesstime = Math.max(SESSTIME_MIN_MINUTES, minutesWanted);
 */
export const SESSTIME_MIN_MINUTES = 1;
/**
 * Longest `sesstime`, in minutes (one day).
 *
 * @example
 * const sesstime = Math.min(SESSTIME_MAX_MINUTES, minutesWanted);
 */
export const SESSTIME_MAX_MINUTES = 1440;

/**
 * The parts of a proxy username. Optional targeting that the username leaves out is `null`.
 *
 * @example
 * const parts: ProxyUsername = parseUsername("user-sub_acme-region-us-session-job1-sesstime-30");
 * parts.city; // null
 */
export interface ProxyUsername {
  subuser: string;
  region: string;
  state: string | null;
  city: string | null;
  asn: number | null;
  session_id: string;
  /** Session lifetime in minutes: `expires_at = started_at + sesstime`. */
  sesstime: number;
}

/**
 * What `formatUsername` takes: optional targeting may be left out.
 *
 * @example
 * const parts: ProxyUsernameParts = { subuser: "sub_acme", region: "us", session_id: "job1", sesstime: 30 };
 */
export type ProxyUsernameParts = Pick<ProxyUsername, "subuser" | "region" | "session_id" | "sesstime"> &
  Partial<Pick<ProxyUsername, "state" | "city" | "asn">>;

/**
 * A username that breaks the grammar. `code` names the rule, as the API's `reason` field does.
 *
 * @example
 * try {
 *   parseUsername("user-sub_acme-region-us-session-job1-sesstime-2000");
 * } catch (error) {
 *   if (error instanceof UsernameError) console.error(error.code); // "sesstime_out_of_range"
 * }
 */
export class UsernameError extends Error {
  override readonly name = "UsernameError";
  constructor(
    readonly code: UsernameViolation,
    message: string,
  ) {
    super(message);
  }
}

const patterns = {
  subuser: /^sub_[A-Za-z0-9]{4,32}$/,
  region: /^[a-z]{2}$/,
  state: /^[a-z0-9]{1,3}$/,
  city: /^[a-z][a-z0-9_]{0,31}$/,
  asn: /^[1-9][0-9]{0,9}$/,
  session: /^[A-Za-z0-9_]{1,64}$/,
  sesstime: /^(0|[1-9][0-9]{0,8})$/,
} as const;

const rules = {
  subuser: "a sub-user id: sub_ followed by 4 to 32 letters or digits",
  region: "two lowercase letters (ISO 3166-1 alpha-2)",
  state: "1 to 3 lowercase letters or digits",
  city: "a lowercase letter, then up to 31 lowercase letters, digits or _",
  asn: "an AS number from 1 to 4294967295",
  session: "1 to 64 letters, digits or _",
  sesstime: "a whole number of minutes",
} as const;

const segmentOrder = ["region", "state", "city", "asn", "session", "sesstime"] as const;
type Segment = (typeof segmentOrder)[number];
const requiredSegments: readonly Segment[] = ["region", "session", "sesstime"];
const violationOf: Record<Exclude<Segment, "session">, UsernameViolation> & { session: UsernameViolation } = {
  region: "invalid_region",
  state: "invalid_state",
  city: "invalid_city",
  asn: "invalid_asn",
  session: "invalid_session_id",
  sesstime: "invalid_sesstime",
};

const isSegment = (name: string): name is Segment => (segmentOrder as readonly string[]).includes(name);

function checkValue(segment: Segment | "subuser", value: string): void {
  if (!patterns[segment].test(value)) {
    const code = segment === "subuser" ? "invalid_subuser" : violationOf[segment];
    throw new UsernameError(code, `${segment} must be ${rules[segment]}; got ${JSON.stringify(value)}.`);
  }
  if (segment === "asn" && Number(value) > 4294967295) {
    throw new UsernameError("invalid_asn", `asn must be ${rules.asn}; got ${value}.`);
  }
  if (segment === "sesstime") {
    const minutes = Number(value);
    if (minutes < SESSTIME_MIN_MINUTES || minutes > SESSTIME_MAX_MINUTES) {
      throw new UsernameError(
        "sesstime_out_of_range",
        `sesstime must be from ${SESSTIME_MIN_MINUTES} to ${SESSTIME_MAX_MINUTES} minutes; got ${minutes}.`,
      );
    }
  }
}

/**
 * Parses a proxy username into its parts.
 *
 * @throws {UsernameError} naming the first rule the username breaks.
 * @example
 * parseUsername("user-sub_01HX2K3PQ4M5-region-us-state-ca-city-la-session-job1-sesstime-30");
 * // { subuser: "sub_01HX2K3PQ4M5", region: "us", state: "ca", city: "la", asn: null, session_id: "job1", sesstime: 30 }
 */
export function parseUsername(username: string): ProxyUsername {
  if (username.length > USERNAME_MAX_LENGTH) {
    throw new UsernameError(
      "username_too_long",
      `A username has at most ${USERNAME_MAX_LENGTH} characters; got ${username.length}.`,
    );
  }
  const tokens = username.split("-");
  if (tokens[0] !== "user" || tokens.length < 2) {
    throw new UsernameError("missing_user_prefix", "A username starts with user-<subuser>.");
  }
  const subuser = tokens[1] ?? "";
  checkValue("subuser", subuser);

  const values = new Map<Segment, string>();
  let lastIndex = -1;
  for (let i = 2; i < tokens.length; i += 2) {
    const name = tokens[i] ?? "";
    // a trailing name with no value reads as an empty value, which its own rule then rejects
    const value = tokens[i + 1] ?? "";
    if (!isSegment(name)) {
      throw new UsernameError(
        "unknown_segment",
        `Unknown username segment ${JSON.stringify(name)}; segments are ${segmentOrder.join(", ")}.`,
      );
    }
    if (values.has(name)) throw new UsernameError("duplicate_segment", `The ${name} segment appears twice.`);
    const index = segmentOrder.indexOf(name);
    if (index < lastIndex) {
      throw new UsernameError(
        "segment_out_of_order",
        `The ${name} segment must come before ${segmentOrder[lastIndex]}; the order is ${segmentOrder.join(", ")}.`,
      );
    }
    lastIndex = index;
    checkValue(name, value);
    values.set(name, value);
  }
  for (const segment of requiredSegments) {
    if (!values.has(segment)) {
      throw new UsernameError("missing_segment", `A username needs a ${segment} segment.`);
    }
  }
  const asn = values.get("asn");
  return {
    subuser,
    region: values.get("region") as string,
    state: values.get("state") ?? null,
    city: values.get("city") ?? null,
    asn: asn === undefined ? null : Number(asn),
    session_id: values.get("session") as string,
    sesstime: Number(values.get("sesstime")),
  };
}

/**
 * Like `parseUsername`, but returns the error instead of throwing it.
 *
 * @example
 * const result = safeParseUsername(input);
 * if (!result.ok) console.error(result.error.code); // e.g. "sesstime_out_of_range"
 */
export function safeParseUsername(
  username: string,
): { ok: true; value: ProxyUsername } | { ok: false; error: UsernameError } {
  try {
    return { ok: true, value: parseUsername(username) };
  } catch (error) {
    if (error instanceof UsernameError) return { ok: false, error };
    throw error;
  }
}

/**
 * Builds the proxy username for the given parts, in the grammar's order.
 *
 * @throws {UsernameError} when a part breaks its rule.
 * @example
 * formatUsername({ subuser: "sub_01HX2K3PQ4M5", region: "de", asn: 3320, session_id: "crawl_7", sesstime: 120 });
 * // "user-sub_01HX2K3PQ4M5-region-de-asn-3320-session-crawl_7-sesstime-120"
 */
export function formatUsername(parts: ProxyUsernameParts): string {
  const segments: [Segment, string | number | null | undefined][] = [
    ["region", parts.region],
    ["state", parts.state],
    ["city", parts.city],
    ["asn", parts.asn],
    ["session", parts.session_id],
    ["sesstime", parts.sesstime],
  ];
  checkValue("subuser", parts.subuser);
  let username = `user-${parts.subuser}`;
  for (const [segment, value] of segments) {
    if (value === null || value === undefined) continue;
    checkValue(segment, String(value));
    username += `-${segment}-${value}`;
  }
  // parsing what was built checks the length and the required segments in one place
  parseUsername(username);
  return username;
}
