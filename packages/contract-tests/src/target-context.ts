/**
 * What a contract test knows about the target it runs against: provided by the global setup, read in
 * the test with `useTarget()`.
 *
 * @example
 * import { useTarget } from "../src/target-context.js";
 * const target = useTarget();
 * const { body } = await target.client().call("getClock", { expect: 200 });
 */
import { inject } from "vitest";
import { type ContractClient, createContractClient } from "./contract-client.js";
import type { TargetName } from "./coverage.js";
import { loadSpecModel } from "./spec-model.js";

/** API keys of the target's accounts (the server's demo keys, plus accounts of the suite's own). */
export interface TargetKeys {
  /** acct_demo, both products, all sub-users, application sessions. */
  full: string;
  /** acct_demo, residential only, sub-user sub_01HX2K3PQ4M5 only, no application sessions. */
  narrow: string;
  /** acct_other, full scope. */
  other: string;
  /** Its own account, one request per minute: every request after the first gets 429. */
  exhausted: string;
  /** Its own account, so that listing all of its application sessions sees only one test's. */
  appPaging: string;
}

export interface TargetContext {
  name: TargetName;
  /** Where the cases send their requests. */
  baseUrl: string;
  /** The server itself, bypassing Prism; set on the proxy target, for the cases Prism answers itself. */
  directUrl: string | null;
  keys: TargetKeys;
}

declare module "vitest" {
  interface ProvidedContext {
    contractTarget: TargetContext;
  }
}

export interface UsableTarget extends TargetContext {
  /** Whether the target is a real server (directly or behind the proxy), with state and semantics. */
  stateful: boolean;
  client(apiKey?: string): ContractClient;
  /** A client of the server itself, bypassing Prism when the target is the proxy. */
  directClient(apiKey?: string): ContractClient;
}

const model = loadSpecModel();

/**
 * The target of the running contract file, with clients bound to it.
 *
 * @example
 * const { client, keys } = useTarget(); await client(keys.narrow).call("listMobileSessions", { expect: 403 });
 */
export function useTarget(): UsableTarget {
  const context = inject("contractTarget");
  return {
    ...context,
    stateful: context.name !== "mock",
    client: (apiKey = context.keys.full) => createContractClient({ baseUrl: context.baseUrl, apiKey, model }),
    directClient: (apiKey = context.keys.full) =>
      createContractClient({ baseUrl: context.directUrl ?? context.baseUrl, apiKey, model }),
  };
}
