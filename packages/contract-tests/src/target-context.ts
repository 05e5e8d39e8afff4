/**
 * What a contract test knows about the target it runs against: provided by the global setup, read in
 * the test with `useTarget()`.
 *
 * @example
 * import { useTarget } from "../src/target-context.js";
 * const target = useTarget();
 * const { body } = await target.client().call("getClock", { expect: 200 });
 */
import { inject, type SuiteOptions } from "vitest";
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
  interface TaskMeta {
    /** Why a group of cases does not run on this target: what the target lacks that they need. */
    skipReason?: string;
  }
}

/**
 * What a group of cases needs from its target. Each entry says which targets have it and, for the
 * others, why the cases cannot run there: the report lists that reason beside every skipped group.
 */
const requirements = {
  state: {
    holds: (name: TargetName) => name !== "mock",
    unmet: "seeds its data through the sandbox operations and reads it back: Prism's mock is stateless",
  },
  serverToBreak: {
    holds: (name: TargetName) => name !== "mock",
    unmet: "wraps the reference server to break its contract on purpose: the mock has no server to wrap",
  },
  mockExamples: {
    holds: (name: TargetName) => name === "mock",
    unmet:
      "picks each documented response with Prism's Prefer header, which only the mock honours; on a real server the scenarios reach each response",
  },
  ownRouting: {
    holds: (name: TargetName) => name === "server",
    unmet:
      "checks how the implementation answers unknown paths and methods: Prism answers those itself (problem+json) before anything reaches an implementation",
  },
} as const;

/** A need of a group of cases, from the table above. */
export type Requirement = keyof typeof requirements;

export interface UsableTarget extends TargetContext {
  /** Whether the target is a real server (directly or behind the proxy), with state and semantics. */
  stateful: boolean;
  client(apiKey?: string): ContractClient;
  /** A client of the server itself, bypassing Prism when the target is the proxy. */
  directClient(apiKey?: string): ContractClient;
  /**
   * Options for a `describe` whose cases need `requirement`: skipped on a target without it, with the
   * reason in the suite's meta for the report.
   */
  requires(requirement: Requirement): SuiteOptions;
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
    stateful: requirements.state.holds(context.name),
    client: (apiKey = context.keys.full) => createContractClient({ baseUrl: context.baseUrl, apiKey, model }),
    directClient: (apiKey = context.keys.full) =>
      createContractClient({ baseUrl: context.directUrl ?? context.baseUrl, apiKey, model }),
    requires(requirement) {
      const { holds, unmet } = requirements[requirement];
      return holds(context.name) ? {} : { skip: true, meta: { skipReason: unmet } };
    },
  };
}
