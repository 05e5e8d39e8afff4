/**
 * Mutations of opaque tokens the server hands out (list cursors): a token that decodes as base64url JSON
 * is changed inside, a leaf at a time, and encoded again, so that what reaches the server's decoder is
 * well-formed but wrong; timestamps inside get the calendar's edge cases (February 30th, hour 24, a leap
 * second, year 0). Any other token gets a string mutation.
 */
import fc from "fast-check";
import { mutatedString } from "./invalid-arbitrary.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A timestamp with one field moved to an edge of the calendar, keeping its format.
 *
 * @example
 * fc.sample(mutatedTimestamp("2026-05-28T07:00:00.000Z"), 1); // ["2026-02-30T07:00:00.000Z"]
 */
export function mutatedTimestamp(text: string): fc.Arbitrary<string> {
  const match = rfc3339.exec(text);
  if (match === null) return mutatedString(text);
  const [, year, month, day, hour, minute, second, fraction = "", zone] = match;
  const at = (parts: Partial<Record<"y" | "mo" | "d" | "h" | "mi" | "s" | "z", string>>) =>
    `${parts.y ?? year}-${parts.mo ?? month}-${parts.d ?? day}T${parts.h ?? hour}:${parts.mi ?? minute}:${parts.s ?? second}${fraction}${parts.z ?? zone}`;
  return fc.constantFrom(
    at({ mo: "02", d: "30" }),
    at({ mo: "02", d: "31" }),
    at({ mo: "02", d: "29" }),
    at({ mo: "04", d: "31" }),
    at({ mo: "00" }),
    at({ mo: "13" }),
    at({ d: "00" }),
    at({ d: "32" }),
    at({ h: "24" }),
    at({ mi: "60" }),
    at({ s: "60" }),
    at({ y: "0000" }),
    at({ y: "9999", mo: "12", d: "31", h: "23", mi: "59", s: "59" }),
    at({ z: "+25:00" }),
    at({ z: "-00:00" }),
  );
}

function decodeJsonToken(token: string): Json | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  try {
    const value = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Json;
    return value !== null && typeof value === "object" ? value : undefined;
  } catch {
    return undefined;
  }
}

const encodeJsonToken = (value: Json) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");

function leafPaths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [path];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  return entries.flatMap(([key, child]) => leafPaths(child, [...path, key]));
}

function replaceAt(value: Json, path: readonly (string | number)[], replacement: Json | undefined): Json {
  const [head, ...rest] = path;
  if (head === undefined) return replacement ?? null;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = replaceAt(value[head as number] ?? null, rest, replacement);
    return copy;
  }
  const record = { ...(value as Record<string, Json>) };
  if (rest.length === 0 && replacement === undefined) delete record[head as string];
  else record[head as string] = replaceAt(record[head as string] ?? null, rest, replacement);
  return record;
}

function mutatedLeaf(leaf: Json): fc.Arbitrary<Json | undefined> {
  const others = fc.constantFrom<Json | undefined>(undefined, null, 0, -1, 1e308, "", [], {}, true);
  if (typeof leaf === "string") {
    return fc.oneof({ weight: 3, arbitrary: mutatedTimestamp(leaf) }, { weight: 1, arbitrary: others });
  }
  return others;
}

/**
 * A token changed in one place: inside it when it is base64url JSON, as a string otherwise.
 *
 * @example
 * fc.sample(mutatedToken(cursor), 1); // a cursor whose timestamp is 2026-02-30
 */
export function mutatedToken(token: string): fc.Arbitrary<string> {
  const decoded = decodeJsonToken(token);
  if (decoded === undefined) return mutatedString(token);
  const leafAt = (path: readonly (string | number)[]) =>
    path.reduce<Json>((at, key) => (at as Record<string, Json>)[key] ?? null, decoded);
  // a timestamp is the leaf with the most structure to get wrong: it is picked three times as often
  const paths = leafPaths(decoded).flatMap((path) => {
    const leaf = leafAt(path);
    return typeof leaf === "string" && rfc3339.test(leaf) ? [path, path, path] : [path];
  });
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .constantFrom(...paths)
        .chain((path) =>
          mutatedLeaf(leafAt(path)).map((leaf) => encodeJsonToken(replaceAt(decoded, path, leaf))),
        ),
    },
    { weight: 1, arbitrary: mutatedString(token) },
  );
}
