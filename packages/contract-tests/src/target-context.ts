/**
 * What a contract test knows about the target it runs against: provided by the global setup (targets the
 * suite starts itself) or by the runner (an external target given by URL), read in the test with
 * `useTarget()`.
 *
 * @example
 * import { useTarget } from "../src/target-context.js";
 * const target = useTarget();
 * const { body } = await target.client().call("getHealth", { apiKey: null, expect: 200 });
 */
import { inject, type SuiteOptions } from "vitest";
import { type ContractClient, createContractClient } from "./contract-client.js";
import type { TargetName } from "./coverage.js";
import { loadSpecModel } from "./spec-model.js";

/**
 * API keys of the target's accounts. `full` is always there; the others are null when the target has no
 * such account (an external target given no `--narrow-key`, say), and the cases that need them skip.
 */
export interface TargetKeys {
  /** An account's key with both products, all of its sub-users and its application sessions. */
  full: string;
  /** Same account as `full`, residential only, sub-user sub_01HX2K3PQ4M5 only, no application sessions. */
  narrow: string | null;
  /** Another account, full scope. */
  other: string | null;
  /** An account of the suite's own, one request per minute: every request after the first gets 429. */
  exhausted: string | null;
  /** An account of the suite's own, so that listing all of its application sessions sees only the test's. */
  appPaging: string | null;
}

export interface TargetContext {
  name: TargetName;
  /** Where the cases send their requests. */
  baseUrl: string;
  /** The server itself, bypassing Prism; set on the proxy target, for the cases Prism answers itself. */
  directUrl: string | null;
  keys: TargetKeys;
  /**
   * Whether the target answers the sandbox operations (`/sandbox/...`) that seed state and move the clock
   * (Prism's mock answers them too, statelessly).
   */
  sandbox: boolean;
}

declare module "vitest" {
  interface ProvidedContext {
    contractTarget: TargetContext;
    /** Which target the global setup starts; set by the runner for the targets the suite starts itself. */
    contractTargetName: TargetName;
  }
  interface TaskMeta {
    /** Why a group of cases (or one case) does not run on this target: what the target lacks. */
    skipReason?: string;
  }
}

interface RequirementRule {
  holds(context: TargetContext): boolean;
  /** Why the cases cannot run on a target without it; completes "Because the group ...". */
  unmet(context: TargetContext): string;
}

const noSandbox = "which this target does not have (GET /sandbox/clock did not answer 200)";

const suiteStarted = (context: TargetContext) => context.name === "server" || context.name === "proxy";

/**
 * What a group of cases needs from its target. Each entry says which targets have it and, for the
 * others, why the cases cannot run there: the report lists that reason beside every skipped group.
 */
const requirements = {
  state: {
    holds: (context) => context.name !== "mock",
    unmet: () =>
      "needs an implementation that answers with real semantics: Prism's mock serves the spec's examples",
  },
  sandbox: {
    holds: (context) => context.sandbox && context.name !== "mock",
    unmet: (context) =>
      context.name === "mock"
        ? "seeds its data through the sandbox operations and reads it back: Prism's mock is stateless"
        : `seeds its data through the sandbox operations, ${noSandbox}`,
  },
  sandboxOperations: {
    holds: (context) => context.sandbox,
    unmet: () => `sends its requests to the sandbox operations, ${noSandbox}`,
  },
  narrowKey: {
    holds: (context) => context.keys.narrow !== null,
    unmet: () =>
      "needs a second key of the same account, limited to residential and sub-user sub_01HX2K3PQ4M5 (--narrow-key)",
  },
  otherAccountKey: {
    holds: (context) => context.keys.other !== null,
    unmet: () =>
      "needs a key of another account, to check that accounts do not see each other (--other-account-key)",
  },
  suiteAccounts: {
    holds: (context) =>
      suiteStarted(context) && context.keys.exhausted !== null && context.keys.appPaging !== null,
    unmet: () =>
      "uses accounts that exist only on servers the suite starts itself: a key with a budget of one request a minute, and an account whose application sessions are only the test's own",
  },
  serverToBreak: {
    holds: suiteStarted,
    unmet: () =>
      "wraps the reference server to break its contract on purpose: only a server the suite starts can be wrapped",
  },
  mockExamples: {
    holds: (context) => context.name === "mock",
    unmet: () =>
      "picks each documented response with Prism's Prefer header, which only the mock honours; on a real server the scenarios reach each response",
  },
  ownRouting: {
    holds: (context) => context.name === "server" || context.name === "external",
    unmet: () =>
      "checks how the implementation answers unknown paths and methods: Prism answers those itself (problem+json) before anything reaches an implementation",
  },
} as const satisfies Record<string, RequirementRule>;

/** A need of a group of cases, from the table above. */
export type Requirement = keyof typeof requirements;

/**
 * The reason the first unmet requirement gives, or undefined when the target has them all.
 *
 * @example
 * unmetRequirement(context, ["sandbox", "otherAccountKey"]); // undefined on the server target
 */
export function unmetRequirement(context: TargetContext, needs: readonly Requirement[]): string | undefined {
  const rule = needs.map((need) => requirements[need] as RequirementRule).find((r) => !r.holds(context));
  return rule?.unmet(context);
}

export interface UsableTarget extends TargetContext {
  /** Whether the target is an implementation (not Prism's mock): its error codes and semantics count. */
  stateful: boolean;
  client(apiKey?: string | null): ContractClient;
  /** A client of the server itself, bypassing Prism when the target is the proxy. */
  directClient(apiKey?: string | null): ContractClient;
  /**
   * Options for a `describe` or a `test` whose cases need every one of `needs`: skipped on a target that
   * lacks one, with the reason in the task's meta for the report.
   */
  requires(...needs: Requirement[]): SuiteOptions;
}

const model = loadSpecModel();

// a key the target does not have: a case reaching for it forgot to declare what it requires
function missingKeyClient(baseUrl: string): ContractClient {
  const refuse = () =>
    Promise.reject(
      new Error("This target has no such key: declare the case's need with target.requires(...) so it skips"),
    );
  return { model, baseUrl, call: refuse, send: refuse };
}

/**
 * The target of the running contract file, with clients bound to it. A client asked for with a key the
 * target does not have (null) is never called: the cases that need it are skipped by `requires`.
 *
 * @example
 * const { client, keys } = useTarget(); await client(keys.narrow).call("listMobileSessions", { expect: 403 });
 */
export function useTarget(): UsableTarget {
  const context = inject("contractTarget");
  // an external target's own rate limit may answer a case with 429: wait it out rather than fail the case
  const retryRateLimited = context.name === "external";
  const clientFor = (baseUrl: string, apiKey: string | null | undefined) =>
    apiKey === null
      ? missingKeyClient(baseUrl)
      : createContractClient({ baseUrl, apiKey: apiKey ?? context.keys.full, model, retryRateLimited });
  return {
    ...context,
    stateful: requirements.state.holds(context),
    client: (apiKey) => clientFor(context.baseUrl, apiKey),
    directClient: (apiKey) => clientFor(context.directUrl ?? context.baseUrl, apiKey),
    requires(...needs) {
      const reason = unmetRequirement(context, needs);
      return reason === undefined ? {} : { skip: true, meta: { skipReason: reason } };
    },
  };
}
