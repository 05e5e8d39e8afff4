/**
 * An implementation of the spec given by URL: before the suite runs, checks that it answers, that it
 * takes the key, and whether it has the sandbox operations (`GET /sandbox/clock` with the key: 200
 * means present), which decide whether the stateful scenarios can run.
 *
 * @example
 * const context = await resolveExternalTarget({ baseUrl: "https://staging.example.com", keys: { full: "sk_live_..." } });
 * context.sandbox; // false on a production-like deployment
 */
import type { TargetContext } from "./target-context.js";

/** The run cannot start: the target does not answer, or refuses the key. Its message is one line. */
export class TargetUnusableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TargetUnusableError";
  }
}

export interface ExternalTargetInput {
  /** The origin the API's paths hang off, e.g. `https://staging.example.com`. */
  baseUrl: string;
  keys: { full: string; narrow?: string | undefined; other?: string | undefined };
  fetch?: (request: Request) => Promise<Response>;
  timeoutMs?: number;
}

/**
 * Probes the target and returns its context for the suite.
 *
 * @throws {TargetUnusableError} when the target does not answer or answers the key with 401.
 * @example
 * await resolveExternalTarget({ baseUrl: server.url, keys: { full: "sk_demo_full" } });
 */
export async function resolveExternalTarget(input: ExternalTargetInput): Promise<TargetContext> {
  const baseUrl = input.baseUrl.replace(/\/+$/, "");
  const doFetch = input.fetch ?? ((request: Request) => fetch(request));
  const get = async (path: string, key: string) => {
    try {
      const response = await doFetch(
        new Request(`${baseUrl}${path}`, {
          headers: { authorization: `Bearer ${key}` },
          signal: AbortSignal.timeout(input.timeoutMs ?? 10_000),
        }),
      );
      await response.arrayBuffer();
      return response.status;
    } catch (error) {
      const cause = (error as Error).cause as Error | undefined;
      throw new TargetUnusableError(`cannot reach ${baseUrl}${path}: ${cause?.message ?? String(error)}`);
    }
  };
  const refused = async (name: string, key: string | undefined) => {
    if (key !== undefined && (await get("/v1/residential/sessions?limit=1", key)) === 401)
      throw new TargetUnusableError(
        `the target refuses ${name}: GET /v1/residential/sessions answered 401 with it`,
      );
  };
  await refused("--key", input.keys.full);
  await refused("--narrow-key", input.keys.narrow);
  await refused("--other-account-key", input.keys.other);
  const sandbox = (await get("/sandbox/clock", input.keys.full)) === 200;
  return {
    name: "external",
    baseUrl,
    directUrl: null,
    keys: {
      full: input.keys.full,
      narrow: input.keys.narrow ?? null,
      other: input.keys.other ?? null,
      exhausted: null,
      appPaging: null,
    },
    sandbox,
  };
}
