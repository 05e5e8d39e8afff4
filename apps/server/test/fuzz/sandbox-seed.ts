/**
 * Gives the fuzzer things that exist: with each account's key it reports traffic through the sandbox
 * (new or continued gateway sessions of every product), creates an application session, then lists
 * everything; every answer's values go into the known-values pool, and every value an answer gave for
 * one of its own request's parameters (a next cursor, an id) becomes a follow-up. Run at the start and
 * again whenever the sandbox clock has moved (which expires what was there).
 */

import type { FollowUp } from "./follow-up-arbitrary.js";
import type { KnownValues } from "./known-values.js";
import type { SpecRequest } from "./spec-request.js";
import type { FuzzSpec, SpecOperation } from "./spec-walk.js";

/** Sends a request and gives back its status and JSON body (undefined when there is none). */
export type SendRequest = (request: SpecRequest) => Promise<{ status: number; body: unknown }>;

export interface SeedContext {
  spec: FuzzSpec;
  known: KnownValues;
  send: SendRequest;
  /** One key per account to seed: `{ key, account }`. */
  accounts: readonly { key: string; account: string }[];
}

// the sandbox operations that make data, by id: a fixture of the harness, not of the generation
const reportTrafficId = "reportTraffic";
const createApplicationSessionId = "createApplicationSession";
/** The sandbox operation that moves the clock: after it, what the pool names has likely expired. */
export const MOVE_CLOCK_ID = "advanceClock";

function operationById(spec: FuzzSpec, id: string): SpecOperation {
  const operation = spec.operations.find((candidate) => candidate.id === id);
  if (operation === undefined) throw new Error(`The document has no operation ${id}, which the seeding uses`);
  return operation;
}

/** The list operations: GET, no path parameters, some query parameters. */
function listOperations(spec: FuzzSpec): SpecOperation[] {
  return spec.operations.filter(
    (operation) =>
      operation.method === "GET" &&
      operation.secured &&
      !operation.parameters.some((p) => p.in === "path") &&
      operation.parameters.some((p) => p.in === "query"),
  );
}

// the widest list: no filter (a parameter without a default), and of the settings (those with one) each
// enum at its last value (`all`); in pages of one (each integer setting at its minimum) when `smallest`,
// so that the answer has a next page to point at
function widestQuery(operation: SpecOperation, smallest: boolean): [string, string][] {
  return operation.parameters.flatMap((parameter): [string, string][] => {
    const schema = parameter.resolved;
    if (parameter.in !== "query" || schema.default === undefined) return [];
    if (Array.isArray(schema.enum)) return [[parameter.name, String(schema.enum.at(-1))]];
    if (smallest && schema.type === "integer" && typeof schema.minimum === "number") {
      return [[parameter.name, String(schema.minimum)]];
    }
    return [];
  });
}

function firstExample(operation: SpecOperation): Record<string, unknown> {
  const example = operation.body?.examples[0];
  return example !== null && typeof example === "object" ? (example as Record<string, unknown>) : {};
}

async function sendAndHarvest(
  context: SeedContext,
  request: SpecRequest,
  account: string,
): Promise<FollowUp[]> {
  const { status, body } = await context.send(request);
  const schema = request.operation.responses.get(status)?.schema;
  if (status >= 300 || schema === undefined || body === undefined) return [];
  const harvested = context.known.harvest(schema, body, account);
  const followUps: FollowUp[] = [];
  for (const parameter of request.operation.parameters) {
    if (parameter.in !== "query" && parameter.in !== "path") continue;
    const pattern = parameter.resolved.pattern;
    if (typeof pattern !== "string") continue;
    const value = harvested.find((found) => found.keys.includes(`pattern ${pattern}`))?.value;
    if (value !== undefined) followUps.push({ request, parameter, value });
  }
  return followUps;
}

/**
 * Seeds the sandbox and returns the follow-ups its answers allow.
 *
 * @example
 * const followUps = await seedSandbox({ spec, known, send, accounts: [{ key: "sk_demo_full", account: "acct_demo" }] });
 */
export async function seedSandbox(context: SeedContext): Promise<FollowUp[]> {
  const { spec, known } = context;
  const traffic = operationById(spec, reportTrafficId);
  const create = operationById(spec, createApplicationSessionId);
  const lists = listOperations(spec);
  const example = firstExample(traffic);
  const followUps: FollowUp[] = [];
  for (const { key, account } of context.accounts) {
    // the lists first, the first time, for this account's usernames and products; then the traffic that renews them
    if (known.valuesOwnedBy("name username", account).length === 0) {
      for (const operation of lists) {
        await sendAndHarvest(
          context,
          { operation, path: {}, query: widestQuery(operation, false), key },
          account,
        );
      }
    }
    // two sessions of each product at least, so that a page of one has a next page
    const usernames = known.valuesOwnedBy("name username", account).slice(0, 2);
    if (usernames.length === 0 && typeof example.username === "string") usernames.push(example.username);
    const owned = known.valuesOwnedBy("name product", account);
    const products = [...new Set(owned.length > 0 ? owned : known.values("name product"))];
    for (const username of usernames) {
      for (const product of products) {
        await sendAndHarvest(
          context,
          { operation: traffic, path: { product }, query: [], key, body: { ...example, username } },
          account,
        );
      }
    }
    await sendAndHarvest(
      context,
      { operation: create, path: {}, query: [], key, body: firstExample(create) },
      account,
    );
    for (const operation of lists) {
      const query = widestQuery(operation, true);
      followUps.push(...(await sendAndHarvest(context, { operation, path: {}, query, key }, account)));
    }
  }
  return followUps;
}
