/**
 * Header lines of fuzzed requests: the Authorization header (the configured keys, mostly, then missing,
 * unknown, malformed, repeated ones), Host values valid and not, Content-Type variants, and odd headers
 * (line folding, lines without a colon, huge values, forwarding and override headers, upgrades).
 */
import fc from "fast-check";

export type HeaderLine = [string, string | null];

/** Picks one arbitrary most of the time and another now and then. */
export function mostly<T>(usual: fc.Arbitrary<T>, unusual: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: usual }, { weight: 1, arbitrary: unusual });
}

/**
 * Authorization lines: a configured key (weighted as given) most of the time, else one that is missing,
 * unknown, of another scheme, padded, repeated, huge or not ASCII.
 *
 * @example
 * authorizationArbitrary([{ key: "sk_demo_full", weight: 10 }]);
 */
export function authorizationArbitrary(
  keys: readonly { key: string; weight: number }[],
): fc.Arbitrary<HeaderLine[]> {
  const [first] = keys;
  if (first === undefined) throw new Error("authorizationArbitrary needs at least one key");
  const valid = fc.oneof(...keys.map(({ key, weight }) => ({ weight, arbitrary: fc.constant(key) })));
  const line = (value: string): HeaderLine[] => [["Authorization", value]];
  const odd = fc.oneof(
    fc.constant<HeaderLine[]>([]),
    fc.constant(line("")),
    fc.constant(line("Bearer")),
    fc.constant(line("Bearer ")),
    fc.constant(line("sk_demo_nope")),
    fc.constant(line("Bearer sk_demo_nope")),
    fc.constant(line("Basic c2tfZGVtb19mdWxsOg==")),
    valid.map((key) => line(`bearer ${key}`)),
    valid.map((key) => line(`BEARER  ${key}`)),
    valid.map((key) => line(`Bearer ${key} extra`)),
    valid.map((key) => line(`Bearer ${key}, Bearer ${key}`)),
    valid.map((key) => line(`Bearer ${key.toUpperCase()}`)),
    valid.map((key) => line(`Bearer ${key.slice(0, -1)}`)),
    valid.map((key) => line(`Bearer ${key}é`)),
    valid.map((key): HeaderLine[] => [
      ["Authorization", `Bearer ${key}`],
      ["Authorization", "Bearer sk_demo_nope"],
    ]),
    valid.map((key): HeaderLine[] => [
      ["Authorization", "Bearer sk_demo_nope"],
      ["Authorization", `Bearer ${key}`],
    ]),
    valid.map((key): HeaderLine[] => [["authorization", `Bearer ${key}`]]),
    fc.constant(line(`Bearer ${"k".repeat(8000)}`)),
    fc.stringMatching(/^[\x21-\x7e]{1,40}$/).map((key) => line(`Bearer ${key}`)),
  );
  return mostly(
    valid.map((key) => line(`Bearer ${key}`)),
    odd,
    6,
  );
}

/**
 * Host lines: the server's own address most of the time, else none, two, or values that are no host.
 *
 * @example
 * hostArbitrary("127.0.0.1:8080");
 */
export function hostArbitrary(host: string): fc.Arbitrary<HeaderLine[]> {
  const line = (value: string): HeaderLine[] => [["Host", value]];
  return mostly(
    fc.constant(line(host)),
    fc.oneof(
      fc.constant<HeaderLine[]>([]),
      fc
        .constantFrom(
          "",
          "[::1",
          "a b",
          ":99999",
          "127.0.0.1:99999",
          "localhost",
          "example.com",
          "[::1]:80",
          "evil.example, 127.0.0.1",
          "h\u00f6st",
          "@",
          "x".repeat(300),
          `${host}/path`,
        )
        .map(line),
      fc.constant<HeaderLine[]>([
        ["Host", host],
        ["Host", "evil.example"],
      ]),
    ),
    20,
  );
}

/** Content-Type values for a JSON body: the right one mostly, else others and broken ones. */
export const contentTypeArbitrary: fc.Arbitrary<string | null> = mostly(
  fc.constant<string | null>("application/json"),
  fc.constantFrom<string | null>(
    null,
    "",
    "application/json; charset=utf-8",
    "Application/JSON",
    "application/json; charset=utf-16",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/merge-patch+json",
    "application/json, text/plain",
    "*/*",
    "application/",
  ),
  8,
);

/** Headers that are not needed and sometimes not valid; a few at a time, seldom. */
export const oddHeadersArbitrary: fc.Arbitrary<HeaderLine[]> = mostly(
  fc.constant<HeaderLine[]>([]),
  fc
    .array(
      fc.constantFrom<HeaderLine[]>(
        [["X-Forwarded-For", "203.0.113.9, 198.51.100.1"]],
        [["X-Forwarded-Host", "evil.example"]],
        [["X-Forwarded-Proto", "https"]],
        [["X-HTTP-Method-Override", "DELETE"]],
        [["X-Request-Id", "client-chosen"]],
        [["Accept", "application/xml"]],
        [["Accept-Encoding", "gzip, deflate, br"]],
        [["Accept-Charset", "utf-16"]],
        [["Cookie", "session=1; a=b"]],
        [["Origin", "https://evil.example"]],
        [["Range", "bytes=0-1"]],
        [["If-None-Match", "*"]],
        [["TE", "trailers"]],
        [["Expect", "100-continue"]],
        [["Expect", "something-else"]],
        [["Connection", "close"]],
        [["Connection", "keep-alive"]],
        [
          ["Connection", "Upgrade"],
          ["Upgrade", "websocket"],
        ],
        [
          ["Connection", "Upgrade, HTTP2-Settings"],
          ["Upgrade", "h2c"],
          ["HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA"],
        ],
        [["User-Agent", "fuzz \u00e9\u00e8"]],
        [["X-Empty", ""]],
        [["X-Folded", "a\r\n b"]],
        [["no colon here", null]],
        [["Bad Name", "x"]],
        [["X-Nul", "a\u0000b"]],
        [["X-Long", "v".repeat(20_000)]],
        [
          ["X-Many", "1"],
          ["X-Many", "2"],
          ["X-Many", "3"],
        ],
      ),
      { minLength: 1, maxLength: 2 },
    )
    .map((groups) => groups.flat()),
  10,
);
