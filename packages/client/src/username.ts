/**
 * The proxy username helpers, the very module the reference server keys sessions with: build the
 * username a session is keyed by, or read one back.
 *
 * `user-<subuser>-region-<cc>[-state-<st>][-city-<city>][-asn-<n>]-session-<id>-sesstime-<minutes>`
 *
 * @example
 * import { formatUsername, parseUsername, UsernameError } from "@sessions-api/client/username";
 * const username = formatUsername({ subuser: "sub_01HX2K3PQ4M5", region: "us", session_id: "job1", sesstime: 30 });
 * // "user-sub_01HX2K3PQ4M5-region-us-session-job1-sesstime-30"
 * parseUsername(username).sesstime; // 30
 */
export {
  formatUsername,
  type ProxyUsername,
  type ProxyUsernameParts,
  parseUsername,
  SESSTIME_MAX_MINUTES,
  SESSTIME_MIN_MINUTES,
  safeParseUsername,
  USERNAME_MAX_LENGTH,
  UsernameError,
  type UsernameViolation,
} from "@sessions-api/username";
