/**
 * What a change to the OpenAPI document breaks for the API's consumers. The types and the contract
 * suite say what a spec change breaks in this repository's own code; they cannot say what it breaks for
 * a client built against the previous document, since the server, the client and the tests all move
 * with the spec. This compares two versions of the document operation by operation and classifies
 * every difference a client can observe:
 *
 * - `breaking`: a client that worked against the base document can fail against the head one (an
 *   operation or a response field removed, a request field newly required, an enum value a client may
 *   not handle, a tighter request bound);
 * - `review`: may break, depending on what clients do (a new success status, a changed pattern, a
 *   looser response bound, a keyword this comparison does not know);
 * - `compatible`: new operations, optional parameters, fields and error statuses, looser request bounds.
 *
 * Requests and responses are judged in opposite directions: a request schema may only accept more, a
 * response schema may only promise more. Descriptions, examples and summaries are not compared.
 *
 * @example
 * const changes = diffSpecs(parse(baseYaml), parse(headYaml));
 * console.log(renderChanges(changes));
 * process.exitCode = changes.some((change) => change.severity === "breaking") ? 1 : 0;
 */

export type Severity = "breaking" | "review" | "compatible";

export interface SpecChange {
  severity: Severity;
  /**
   * Where: in one operation (`GET /v1/{product}/sessions/{id} 200 application/json /asn`,
   * `GET /v1/residential/sessions query asn`), or in a schema of `components` that both versions use
   * under one name (`schema SessionFields /asn`), reported once for all its uses.
   */
  at: string;
  message: string;
  /** For a change in a shared schema: the operations it reaches, with where (`200`, `request body`). */
  usedBy: { operation: string; via: string }[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Direction = "request" | "response";

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

// keywords that document rather than constrain: never compared
const documentation = new Set([
  "description",
  "summary",
  "title",
  "examples",
  "example",
  "$comment",
  "externalDocs",
]);
// schema keywords compared one by one below; any other keyword that differs is reported for review
const schemaKeywords = new Set([
  "type",
  "enum",
  "const",
  "properties",
  "required",
  "items",
  "additionalProperties",
  "unevaluatedProperties",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "pattern",
  "format",
  "anyOf",
  "oneOf",
  "deprecated",
  "default",
]);

// a place inside a schema, as a pointer after the schema's place: `schema Session /data[]/asn`
function inside(at: string, step: string): string {
  const root = at.trimEnd();
  if (!/ \//.test(root)) return step === "[]" ? `${root} /[]` : `${root} /${step}`;
  return step === "[]" ? `${root}[]` : `${root}/${step}`;
}

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function equal(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

// the same value with its keys sorted, so that two documents that differ only in key order are equal
function canonical(value: Json | undefined): Json | undefined {
  if (Array.isArray(value)) return value.map((member) => canonical(member) ?? null);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical(value[key]) ?? null]),
  );
}

const show = (value: Json | undefined) => JSON.stringify(value);

// `10 -> 5`, `(none) -> "^t_"`
const transition = (before: Json | undefined, after: Json | undefined) =>
  `${before === undefined ? "(none)" : show(before)} -> ${after === undefined ? "(none)" : show(after)}`;

/** One version of the document, with its internal `$ref`s resolvable. */
class Document {
  constructor(readonly root: JsonObject) {}

  /** The value a `$ref` chain ends at (internal references only). */
  resolve(value: Json | undefined): Json | undefined {
    let current = value;
    const seen = new Set<string>();
    while (isObject(current) && typeof current.$ref === "string") {
      const ref = current.$ref;
      if (!ref.startsWith("#/") || seen.has(ref)) throw new Error(`cannot resolve $ref ${ref}`);
      seen.add(ref);
      let target: Json | undefined = this.root;
      for (const part of ref.slice(2).split("/")) {
        const key = part.replaceAll("~1", "/").replaceAll("~0", "~");
        target = isObject(target) ? target[key] : undefined;
      }
      if (target === undefined) throw new Error(`$ref ${ref} points at nothing`);
      // a $ref beside other keywords (OpenAPI 3.1): those keywords apply too
      const siblings: JsonObject = { ...current };
      delete siblings.$ref;
      current = isObject(target) ? { ...target, ...siblings } : target;
    }
    return current;
  }

  /** A schema with its `$ref` resolved and its `allOf` members merged into it. */
  schema(value: Json | undefined): JsonObject {
    const resolved = this.resolve(value);
    if (resolved === false) return { not: {} }; // the schema nothing is valid against
    if (!isObject(resolved)) return {};
    const { allOf, ...own } = resolved;
    if (!Array.isArray(allOf)) return own;
    const merged: JsonObject = { ...own };
    for (const member of allOf.map((part) => this.schema(part))) {
      for (const [key, memberValue] of Object.entries(member)) {
        const mine = merged[key];
        if (key === "properties" && isObject(mine) && isObject(memberValue)) {
          merged[key] = { ...memberValue, ...mine };
        } else if (key === "required" && Array.isArray(mine) && Array.isArray(memberValue)) {
          merged[key] = [...new Set([...memberValue, ...mine])];
        } else if (!(key in merged)) {
          merged[key] = memberValue;
        }
      }
    }
    return merged;
  }
}

interface Occurrence {
  severity: Severity;
  at: string;
  message: string;
  operation: string;
  via: string;
  /** Whether `at` is inside a shared schema rather than the operation's own. */
  shared: boolean;
}

/** Where the changes found go, and what they are found in: an operation, a place in it, a shared schema. */
class Collector {
  constructor(
    private readonly sink: Occurrence[],
    private readonly operation: string,
    private readonly via = "",
    private readonly shared = false,
  ) {}

  add(severity: Severity, at: string, message: string): void {
    const { operation, via, shared } = this;
    this.sink.push({ severity, at: at.trim(), message, operation, via, shared });
  }

  /** The same operation, at one of its places (a status, the request body, a parameter). */
  place(via: string): Collector {
    return new Collector(this.sink, this.operation, via, this.shared);
  }

  /** Inside a schema of `components` that both versions share. */
  inShared(): Collector {
    return new Collector(this.sink, this.operation, this.via, true);
  }
}

// the name both versions give a `$ref`'d schema of components, if they reference the same one
function sharedSchemaName(a: Json | undefined, b: Json | undefined): string | undefined {
  if (!isObject(a) || !isObject(b) || a.$ref !== b.$ref || typeof a.$ref !== "string") return undefined;
  return /^#\/components\/schemas\/([^/]+)$/.exec(a.$ref)?.[1];
}

const typesOf = (schema: JsonObject): Set<string> =>
  new Set(
    Array.isArray(schema.type)
      ? schema.type.map(String)
      : schema.type === undefined
        ? []
        : [String(schema.type)],
  );

const valuesOf = (schema: JsonObject): Json[] | undefined =>
  Array.isArray(schema.enum) ? schema.enum : "const" in schema ? [schema.const ?? null] : undefined;

const requiredOf = (schema: JsonObject) =>
  new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);

// an inline alternative without a type of its own accepts only its owner's types (a value must match
// both): `type: string` added to a branch of a `type: string` schema changes nothing
function withOwnerType(member: Json | undefined, owner: JsonObject): Json | undefined {
  if (!isObject(member) || "$ref" in member || "type" in member || owner.type === undefined) return member;
  return { ...member, type: owner.type };
}

// a schema that accepts no property it does not list
const closed = (schema: JsonObject) =>
  schema.additionalProperties === false || schema.unevaluatedProperties === false;

// bounds where a larger value accepts more (max*) or less (min*)
const upperBounds = ["maximum", "exclusiveMaximum", "maxLength", "maxItems"];
const lowerBounds = ["minimum", "exclusiveMinimum", "minLength", "minItems"];

function compareSchemas(
  base: Document,
  head: Document,
  baseValue: Json | undefined,
  headValue: Json | undefined,
  direction: Direction,
  at: string,
  out: Collector,
  // the pairs of $refs being compared further up: a recursive schema is compared once, not forever
  refs: ReadonlySet<string> = new Set(),
): void {
  const refA = isObject(baseValue) && typeof baseValue.$ref === "string" ? baseValue.$ref : "";
  const refB = isObject(headValue) && typeof headValue.$ref === "string" ? headValue.$ref : "";
  if (refA !== "" || refB !== "") {
    const pair = `${refA} ${refB}`;
    if (refs.has(pair)) return;
    refs = new Set([...refs, pair]);
  }
  // a change inside a shared schema is reported once, at the schema, with every operation it reaches
  const sharedName = sharedSchemaName(baseValue, headValue);
  if (sharedName !== undefined) {
    at = `schema ${sharedName}`;
    out = out.inShared();
  }
  // no shortcut on equal text: a $ref may read the same in both documents and point at different schemas
  const a = base.schema(baseValue);
  const b = head.schema(headValue);
  // "accepts more" is compatible for a request and breaking for a response, and the other way round
  const wider: Severity = direction === "request" ? "compatible" : "breaking";
  const narrower: Severity = direction === "request" ? "breaking" : "compatible";

  const typesA = typesOf(a);
  const typesB = typesOf(b);
  if (typesA.size > 0 || typesB.size > 0) {
    const removed = [...typesA].filter((type) => !typesB.has(type));
    const added = [...typesB].filter((type) => !typesA.has(type));
    // no type at all means any type
    if (typesB.size === 0) out.add(wider, at, `type ${[...typesA].join("|")} is no longer restricted`);
    else if (typesA.size === 0) out.add(narrower, at, `now restricted to type ${[...typesB].join("|")}`);
    else {
      if (removed.length > 0) out.add(narrower, at, `type ${removed.join("|")} no longer allowed`);
      if (added.length > 0) out.add(wider, at, `type ${added.join("|")} now allowed`);
    }
  }

  const valuesA = valuesOf(a);
  const valuesB = valuesOf(b);
  if (valuesA !== undefined || valuesB !== undefined) {
    if (valuesB === undefined) out.add(wider, at, "no longer limited to listed values");
    else if (valuesA === undefined) out.add(narrower, at, `now limited to ${show(valuesB)}`);
    else {
      const removed = valuesA.filter((value) => !valuesB.some((other) => equal(value, other)));
      const added = valuesB.filter((value) => !valuesA.some((other) => equal(value, other)));
      if (removed.length > 0) out.add(narrower, at, `value ${removed.map(show).join(", ")} removed`);
      if (added.length > 0) {
        // a response value a client has never seen breaks only a client that assumed it knew them all
        const values = added.map(show).join(", ");
        if (direction === "request") out.add("compatible", at, `value ${values} added`);
        else out.add("review", at, `value ${values} added: a client that handles every value must handle it`);
      }
    }
  }

  compareProperties(base, head, a, b, direction, at, out, refs);

  if ("items" in a || "items" in b) {
    compareSchemas(base, head, a.items, b.items, direction, inside(at, "[]"), out, refs);
  }

  for (const keyword of ["additionalProperties", "unevaluatedProperties"]) {
    const before = a[keyword];
    const after = b[keyword];
    // schemas are compared even when their text is equal: it may be a $ref to a schema that changed
    if (isObject(before) && isObject(after)) {
      compareSchemas(base, head, before, after, direction, inside(at, "*"), out, refs);
      continue;
    }
    if (equal(before, after)) continue;
    if (after === false) out.add(narrower, at, `${keyword}: no longer accepts unlisted properties`);
    else if (before === false) out.add(wider, at, `${keyword}: now accepts unlisted properties`);
    else out.add("review", at, `${keyword} ${transition(before, after)}`);
  }

  const bound = (keyword: string, largerAcceptsMore: boolean) => {
    const before = a[keyword];
    const after = b[keyword];
    if (equal(before, after)) return;
    const described = `${keyword} ${transition(before, after)}`;
    let acceptsMore: boolean;
    if (after === undefined) acceptsMore = true;
    else if (before === undefined) acceptsMore = false;
    else acceptsMore = largerAcceptsMore ? Number(after) > Number(before) : Number(after) < Number(before);
    // a response that may now be longer or larger is for the reader to judge, not a certain break
    if (acceptsMore) out.add(direction === "request" ? "compatible" : "review", at, described);
    else out.add(narrower, at, described);
  };
  for (const keyword of upperBounds) bound(keyword, true);
  for (const keyword of lowerBounds) bound(keyword, false);

  for (const keyword of ["pattern", "format"]) {
    const before = a[keyword];
    const after = b[keyword];
    if (equal(before, after)) continue;
    const described = `${keyword} ${transition(before, after)}`;
    if (after === undefined) out.add(direction === "request" ? "compatible" : "review", at, described);
    else if (before === undefined) out.add(narrower, at, described);
    else out.add(direction === "request" ? "breaking" : "review", at, described);
  }

  for (const keyword of ["anyOf", "oneOf"]) {
    const before = a[keyword];
    const after = b[keyword];
    if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
      before.forEach((member, i) => {
        compareSchemas(
          base,
          head,
          withOwnerType(member, a),
          withOwnerType(after[i], b),
          direction,
          `${at} ${keyword}[${i}]`,
          out,
          refs,
        );
      });
    } else if (!equal(before, after)) {
      out.add(
        "review",
        at,
        `${keyword} changed: ${Array.isArray(before) ? before.length : 0} -> ${Array.isArray(after) ? after.length : 0} alternatives`,
      );
    }
  }

  if (!equal(a.deprecated, b.deprecated)) {
    out.add("compatible", at, b.deprecated === true ? "deprecated" : "no longer deprecated");
  }
  if (!equal(a.default, b.default)) {
    out.add(
      direction === "request" ? "review" : "compatible",
      at,
      `default ${transition(a.default, b.default)}`,
    );
  }

  for (const keyword of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (schemaKeywords.has(keyword) || documentation.has(keyword) || equal(a[keyword], b[keyword])) continue;
    out.add("review", at, `${keyword} changed: ${transition(a[keyword], b[keyword])}`);
  }
}

function compareProperties(
  base: Document,
  head: Document,
  a: JsonObject,
  b: JsonObject,
  direction: Direction,
  at: string,
  out: Collector,
  refs: ReadonlySet<string>,
): void {
  const propsA = isObject(a.properties) ? a.properties : {};
  const propsB = isObject(b.properties) ? b.properties : {};
  const requiredA = requiredOf(a);
  const requiredB = requiredOf(b);
  const path = (name: string) => inside(at, name);
  for (const name of Object.keys(propsA)) {
    if (name in propsB) continue;
    if (direction === "response") out.add("breaking", path(name), "removed from the response");
    // a client may still send it: a closed schema now refuses it, an open one ignores it
    else out.add(closed(b) ? "breaking" : "review", path(name), "removed from the request");
  }
  for (const name of Object.keys(propsB)) {
    if (name in propsA) continue;
    if (direction === "request") {
      out.add(
        requiredB.has(name) ? "breaking" : "compatible",
        path(name),
        requiredB.has(name) ? "added, required" : "added, optional",
      );
    } else {
      out.add("compatible", path(name), requiredB.has(name) ? "added" : "added, optional");
    }
  }
  for (const name of Object.keys(propsA)) {
    if (!(name in propsB)) continue;
    const wasRequired = requiredA.has(name);
    const isRequired = requiredB.has(name);
    if (wasRequired && !isRequired) {
      out.add(direction === "request" ? "compatible" : "breaking", path(name), "no longer required");
    } else if (!wasRequired && isRequired) {
      out.add(direction === "request" ? "breaking" : "compatible", path(name), "now required");
    }
    compareSchemas(base, head, propsA[name], propsB[name], direction, path(name), out, refs);
  }
}

// path templates match whatever their parameters are named
const pathKey = (path: string) => path.replace(/\{[^}]*\}/g, "{}");

interface Operation {
  method: string;
  path: string;
  value: JsonObject;
  pathItem: JsonObject;
}

function operationsOf(document: Document): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  const paths = isObject(document.root.paths) ? document.root.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const pathItem = document.resolve(rawItem);
    if (!isObject(pathItem)) continue;
    for (const method of methods) {
      const value = document.resolve(pathItem[method]);
      if (isObject(value)) operations.set(`${method} ${pathKey(path)}`, { method, path, value, pathItem });
    }
  }
  return operations;
}

// the parameters of an operation by place and name, its own overriding its path's
function parametersOf(document: Document, operation: Operation): Map<string, JsonObject> {
  const parameters = new Map<string, JsonObject>();
  const list = [
    ...(Array.isArray(operation.pathItem.parameters) ? operation.pathItem.parameters : []),
    ...(Array.isArray(operation.value.parameters) ? operation.value.parameters : []),
  ];
  for (const raw of list) {
    const parameter = document.resolve(raw);
    if (!isObject(parameter)) continue;
    const place = String(parameter.in);
    const name = place === "header" ? String(parameter.name).toLowerCase() : String(parameter.name);
    // path parameters match by position in the template, not by name
    const key =
      place === "path"
        ? `path #${operation.path.split("{").findIndex((part) => part.startsWith(`${parameter.name}}`))}`
        : `${place} ${name}`;
    parameters.set(key, parameter);
  }
  return parameters;
}

function compareParameters(base: Document, head: Document, a: Operation, b: Operation, out: Collector): void {
  const before = parametersOf(base, a);
  const after = parametersOf(head, b);
  for (const [key, parameter] of before) {
    const at = `${parameter.in} ${parameter.name}`;
    const next = after.get(key);
    if (next === undefined) {
      out.add("breaking", at, "parameter removed");
      continue;
    }
    if (parameter.required !== true && next.required === true) out.add("breaking", at, "now required");
    if (parameter.required === true && next.required !== true)
      out.add("compatible", at, "no longer required");
    for (const keyword of ["style", "explode", "allowReserved"]) {
      if (!equal(parameter[keyword], next[keyword])) {
        out.add("breaking", at, `${keyword} ${show(parameter[keyword])} -> ${show(next[keyword])}`);
      }
    }
    if (!equal(parameter.deprecated, next.deprecated)) {
      out.add("compatible", at, next.deprecated === true ? "deprecated" : "no longer deprecated");
    }
    compareSchemas(base, head, parameter.schema, next.schema, "request", at, out.place(at));
  }
  for (const [key, parameter] of after) {
    if (before.has(key)) continue;
    const required = parameter.required === true;
    out.add(
      required ? "breaking" : "compatible",
      `${parameter.in} ${parameter.name}`,
      required ? "parameter added, required" : "parameter added, optional",
    );
  }
}

function compareContent(
  base: Document,
  head: Document,
  a: Json | undefined,
  b: Json | undefined,
  direction: Direction,
  at: string,
  out: Collector,
): void {
  const before = isObject(a) ? a : {};
  const after = isObject(b) ? b : {};
  for (const [mediaType, media] of Object.entries(before)) {
    const next = after[mediaType];
    if (next === undefined) {
      out.add(direction === "request" ? "breaking" : "review", `${at} ${mediaType}`, "media type removed");
      continue;
    }
    compareSchemas(
      base,
      head,
      isObject(media) ? media.schema : undefined,
      isObject(next) ? next.schema : undefined,
      direction,
      `${at} ${mediaType} `,
      out,
    );
  }
  for (const mediaType of Object.keys(after)) {
    if (!(mediaType in before)) {
      out.add(direction === "request" ? "compatible" : "review", `${at} ${mediaType}`, "media type added");
    }
  }
}

function compareRequestBodies(
  base: Document,
  head: Document,
  a: Operation,
  b: Operation,
  out: Collector,
): void {
  const before = base.resolve(a.value.requestBody);
  const after = head.resolve(b.value.requestBody);
  if (!isObject(before) && !isObject(after)) return;
  if (!isObject(after)) {
    out.add("breaking", "request body", "removed");
  } else if (!isObject(before)) {
    const required = after.required === true;
    out.add(
      required ? "breaking" : "compatible",
      "request body",
      required ? "added, required" : "added, optional",
    );
  } else {
    if (before.required !== true && after.required === true)
      out.add("breaking", "request body", "now required");
    if (before.required === true && after.required !== true) {
      out.add("compatible", "request body", "no longer required");
    }
    compareContent(
      base,
      head,
      before.content,
      after.content,
      "request",
      "request body",
      out.place("request body"),
    );
  }
}

const isSuccess = (status: string) => /^[23]/.test(status);

function compareResponses(base: Document, head: Document, a: Operation, b: Operation, out: Collector): void {
  const before = isObject(a.value.responses) ? a.value.responses : {};
  const after = isObject(b.value.responses) ? b.value.responses : {};
  for (const [status, raw] of Object.entries(before)) {
    const response = base.resolve(raw);
    const next = head.resolve(after[status]);
    if (next === undefined) {
      out.add(isSuccess(status) ? "breaking" : "compatible", status, "response no longer documented");
      continue;
    }
    if (!isObject(response) || !isObject(next)) continue;
    compareContent(base, head, response.content, next.content, "response", status, out.place(status));
    const headersBefore = isObject(response.headers) ? response.headers : {};
    const headersAfter = isObject(next.headers) ? next.headers : {};
    const lower = (headers: JsonObject) =>
      new Map(Object.entries(headers).map(([name, header]) => [name.toLowerCase(), { name, header }]));
    const namesBefore = lower(headersBefore);
    const namesAfter = lower(headersAfter);
    for (const [key, { name, header }] of namesBefore) {
      const found = namesAfter.get(key);
      if (found === undefined) {
        out.add("breaking", `${status} header ${name}`, "header removed");
        continue;
      }
      const headerBefore = base.resolve(header);
      const headerAfter = head.resolve(found.header);
      if (isObject(headerBefore) && isObject(headerAfter)) {
        if (headerBefore.required === true && headerAfter.required !== true) {
          out.add("breaking", `${status} header ${name}`, "no longer always sent");
        }
        compareSchemas(
          base,
          head,
          headerBefore.schema,
          headerAfter.schema,
          "response",
          `${status} header ${name}`,
          out.place(`${status} header ${name}`),
        );
      }
    }
    for (const [key, { name }] of namesAfter) {
      if (!namesBefore.has(key)) out.add("compatible", `${status} header ${name}`, "header added");
    }
  }
  for (const status of Object.keys(after)) {
    if (status in before) continue;
    // a success a client has never seen is for the reader to judge; a new error was always possible
    out.add(isSuccess(status) ? "review" : "compatible", status, "response added");
  }
}

function securityOf(document: Document, operation: Operation): Json | undefined {
  return operation.value.security ?? document.root.security;
}

/**
 * Every difference a client can observe between two versions of an OpenAPI 3.x document, operation by
 * operation, breaking ones first.
 *
 * @example
 * diffSpecs(base, head).filter((change) => change.severity === "breaking");
 */
export function diffSpecs(baseRoot: unknown, headRoot: unknown): SpecChange[] {
  const base = new Document(openApiDocument(baseRoot, "the base"));
  const head = new Document(openApiDocument(headRoot, "the head"));
  const found: Occurrence[] = [];
  const before = operationsOf(base);
  const after = operationsOf(head);
  const name = (operation: Operation) => `${operation.method.toUpperCase()} ${operation.path}`;
  for (const [key, operation] of before) {
    const out = new Collector(found, name(operation));
    const next = after.get(key);
    if (next === undefined) {
      out.add("breaking", "", "operation removed");
      continue;
    }
    if (!equal(securityOf(base, operation), securityOf(head, next))) {
      out.add("review", "security", "security requirements changed");
    }
    if (!equal(operation.value.deprecated, next.value.deprecated)) {
      out.add("compatible", "", next.value.deprecated === true ? "deprecated" : "no longer deprecated");
    }
    compareParameters(base, head, operation, next, out);
    compareRequestBodies(base, head, operation, next, out);
    compareResponses(base, head, operation, next, out);
  }
  for (const [key, operation] of after) {
    if (!before.has(key)) new Collector(found, name(operation)).add("compatible", "", "operation added");
  }
  return grouped(found);
}

function openApiDocument(root: unknown, name: string): JsonObject {
  const value = root as Json | undefined;
  if (!isObject(value) || typeof value.openapi !== "string" || !value.openapi.startsWith("3.")) {
    throw new Error(`${name} is not an OpenAPI 3 document (no "openapi: 3.x" at its top)`);
  }
  return value;
}

// one change per place and message: those in a shared schema gather the operations they reach
function grouped(found: readonly Occurrence[]): SpecChange[] {
  const changes = new Map<string, SpecChange>();
  for (const occurrence of found) {
    const at = occurrence.shared ? occurrence.at : `${occurrence.operation} ${occurrence.at}`.trim();
    const key = `${occurrence.severity}\n${at}\n${occurrence.message}`;
    let change = changes.get(key);
    if (change === undefined) {
      change = { severity: occurrence.severity, at, message: occurrence.message, usedBy: [] };
      changes.set(key, change);
    }
    const use = { operation: occurrence.operation, via: occurrence.via };
    if (occurrence.shared && !change.usedBy.some((u) => u.operation === use.operation && u.via === use.via)) {
      change.usedBy.push(use);
    }
  }
  const rank: Record<Severity, number> = { breaking: 0, review: 1, compatible: 2 };
  return [...changes.values()].sort((x, y) => rank[x.severity] - rank[y.severity]);
}

/**
 * The changes as text, grouped by severity.
 *
 * @example
 * console.log(renderChanges(diffSpecs(base, head)));
 */
export function renderChanges(changes: readonly SpecChange[]): string {
  if (changes.length === 0) return "No change a client can observe.";
  const titles: Record<Severity, string> = {
    breaking: "Breaking: a client built against the base document can fail",
    review: "To review: may break, depending on what clients do",
    compatible: "Compatible",
  };
  const lines: string[] = [];
  for (const severity of ["breaking", "review", "compatible"] as const) {
    const group = changes.filter((change) => change.severity === severity);
    if (group.length === 0) continue;
    if (lines.length > 0) lines.push("");
    lines.push(`${titles[severity]} (${group.length}):`);
    for (const change of group) {
      lines.push(`  ${change.at}: ${change.message}`);
      if (change.usedBy.length > 0) lines.push(`    used by ${usesText(change.usedBy)}`);
    }
  }
  return lines.join("\n");
}

// `GET /a (200, 201), POST /b (request body)`: each operation once, with the places it is reached from
function usesText(uses: SpecChange["usedBy"]): string {
  const places = new Map<string, string[]>();
  for (const { operation, via } of uses) places.set(operation, [...(places.get(operation) ?? []), via]);
  return [...places].map(([operation, vias]) => `${operation} (${vias.join(", ")})`).join(", ");
}
