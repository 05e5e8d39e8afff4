/**
 * Values the server answered with, kept under the keys of the schema they were found at (its pattern,
 * the property's name; see `knownKeysOf`), newest first, so that generated requests can name sessions
 * that exist. Values found at a pattern (ids) also remember the accounts they were seen under: a request
 * that names one with another account's key must not succeed.
 */
import { knownKeysOf } from "./schema-arbitrary.js";
import type { FuzzSpec, Schema } from "./spec-walk.js";

/** A value found in an answer, and the keys it was kept under. */
export interface HarvestedValue {
  value: string;
  keys: string[];
}

/**
 * The pool of known values.
 *
 * @example
 * const known = new KnownValues(spec);
 * known.harvest({ $ref: "#/components/schemas/SessionPage" }, page, "acct_demo");
 * known.values("pattern ^ses_[0-9A-HJKMNP-TV-Z]{12}$"); // ["ses_...", ...]
 */
export class KnownValues {
  private readonly byKey = new Map<string, string[]>();
  private readonly owners = new Map<string, Set<string>>();
  private readonly identities = new Set<string>();

  /** `perKey`: how many values each key keeps (the oldest go first). */
  constructor(
    private readonly spec: FuzzSpec,
    private readonly perKey = 48,
  ) {}

  /** The values kept under `key`, newest first. */
  readonly values = (key: string): readonly string[] => this.byKey.get(key) ?? [];

  /** The accounts an id (a value found at a pattern) was seen under; undefined for other values. */
  readonly ownersOf = (value: string): ReadonlySet<string> | undefined =>
    this.identities.has(value) ? this.owners.get(value) : undefined;

  /** The values under `key` seen under `account`, newest first. */
  valuesOwnedBy(key: string, account: string): string[] {
    return this.values(key).filter((value) => this.owners.get(value)?.has(account) === true);
  }

  /** Keeps every string of `value`, read along `schema`, as seen under `account`; returns what it kept. */
  harvest(schema: Schema, value: unknown, account: string): HarvestedValue[] {
    const found: HarvestedValue[] = [];
    this.walk(schema, value, undefined, (text, keys) => {
      for (const key of keys) this.add(key, text);
      if (keys.some((key) => key.startsWith("pattern "))) this.identities.add(text);
      const owners = this.owners.get(text) ?? new Set<string>();
      owners.add(account);
      this.owners.set(text, owners);
      found.push({ value: text, keys });
    });
    return found;
  }

  private add(key: string, value: string): void {
    const list = (this.byKey.get(key) ?? []).filter((kept) => kept !== value);
    list.unshift(value);
    this.byKey.set(key, list.slice(0, this.perKey));
  }

  private walk(
    node: unknown,
    value: unknown,
    name: string | undefined,
    keep: (text: string, keys: string[]) => void,
  ): void {
    const schema = this.spec.flatten(node);
    const alternatives = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
    if (Array.isArray(alternatives)) {
      const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = schema;
      const branch = alternatives.find(
        (candidate) => this.spec.validator.validate(candidate as Schema, value).valid,
      );
      if (branch !== undefined) this.walk({ ...rest, ...this.spec.flatten(branch) }, value, name, keep);
      return;
    }
    if (typeof value === "string") {
      const pattern = typeof schema.pattern === "string" ? new RegExp(schema.pattern, "u") : undefined;
      const keys = knownKeysOf(schema, name);
      if (keys.length > 0 && (pattern === undefined || pattern.test(value))) keep(value, keys);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) this.walk(schema.items ?? {}, item, name, keep);
      return;
    }
    if (value !== null && typeof value === "object") {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      for (const [property, child] of Object.entries(value)) {
        const childSchema = properties[property];
        if (childSchema !== undefined) this.walk(childSchema, child, property, keep);
      }
    }
  }
}
