/**
 * A fuzz campaign against a running server: the sandbox is seeded, then a fixed-seed run of fuzz cases
 * goes out one by one, every exchange is checked, and findings are gathered by kind instead of stopping
 * at the first. Then each kind's first case is replayed (fast-check's `path`) and shrunk, within a budget
 * of exchanges, to the smallest request that still shows it.
 */
import fc from "fast-check";
import { type Exchange, type FuzzCase, runExchange } from "./exchange.js";
import { type CheckContext, checkExchange, type Finding } from "./exchange-checker.js";
import { type FollowUp, followUpCaseArbitrary } from "./follow-up-arbitrary.js";
import type { KnownValues } from "./known-values.js";
import { rawSocketCaseArbitrary } from "./raw-socket-cases.js";
import { type RequestContext, requestCaseArbitrary, validRequestArbitrary } from "./request-arbitrary.js";
import { judgeRequest } from "./request-oracle.js";
import { MOVE_CLOCK_ID, type SeedContext, seedSandbox } from "./sandbox-seed.js";
import { toWireRequest } from "./spec-request.js";

export interface CampaignOptions {
  request: RequestContext;
  check: CheckContext;
  known: KnownValues;
  address: { host: string; port: number };
  seed: number;
  numRuns: number;
  /** Replay only this fast-check path (`12:3:1`) instead of a whole run. */
  path?: string | undefined;
  /** One key per account, for the seeding. */
  seedAccounts: SeedContext["accounts"];
  /** Exchanges each kind's shrinking may spend. */
  shrinkBudget: number;
}

/** One kind of finding, as the campaign saw it. */
export interface KindOfFinding {
  kind: string;
  /** Cases that showed it. */
  count: number;
  /** How many of them had each case label (what was unusual about them). */
  seenWith: Map<string, number>;
  /** The run it was first seen at (`seed` for the seeding's own requests). */
  firstRun: number | "seed";
  first: { fuzzCase: FuzzCase; exchange: Exchange; finding: Finding };
  /** The smallest case that still shows it, and its fast-check path; undefined when replay lost it. */
  shrunk?: { fuzzCase: FuzzCase; exchange: Exchange; finding: Finding; path: string } | undefined;
}

export interface CampaignReport {
  seed: number;
  cases: number;
  /** Requests sent by the run (the seeding's included, the shrinking's not). */
  requests: number;
  /** Wall time of the run and of the shrinking, in ms: reported, never asserted. */
  runMs: number;
  /** CPU time of this process (the server runs in it too) during the run, in ms. */
  runCpuMs: number;
  shrinkMs: number;
  kinds: KindOfFinding[];
}

// seeding again after every move of the sandbox clock would cost a tenth of a run's requests
const RUNS_BETWEEN_SEEDINGS = 40;

// the whole requests a case carries, and its tail if it has one
const requestsIn = (fuzzCase: FuzzCase) => fuzzCase.requests.length + (fuzzCase.tail.length > 0 ? 1 : 0);

/**
 * Every fuzz case: single requests derived from the document mostly, follow-ups of the seeding's
 * answers, and raw-socket cases.
 */
export function fuzzCaseArbitrary(
  context: RequestContext,
  followUps: () => readonly FollowUp[],
): fc.Arbitrary<FuzzCase> {
  const single = requestCaseArbitrary(context);
  return fc.oneof(
    { weight: 80, arbitrary: single },
    {
      weight: 8,
      arbitrary: followUpCaseArbitrary(context, followUps).chain((c) =>
        c === undefined ? single : fc.constant(c),
      ),
    },
    { weight: 12, arbitrary: rawSocketCaseArbitrary(validRequestArbitrary(context), context.host) },
  );
}

/**
 * Runs a campaign.
 *
 * @example
 * const report = await runCampaign({ request, check, known, address, seed: 23, numRuns: 4000, ... });
 */
export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const { address, check } = options;
  const kinds = new Map<string, KindOfFinding>();
  let requests = 0;
  let followUps: FollowUp[] = [];
  let stale = false;
  let seededAtRun = 0;

  const exchange = async (fuzzCase: FuzzCase) => {
    const result = await runExchange(address, fuzzCase, check.idleTimeoutMs);
    requests += requestsIn(fuzzCase);
    const findings = checkExchange(check, result);
    const clockMoved = result.answers.some((answer, index) => {
      const request = fuzzCase.requests[index];
      return (
        answer.status === 200 &&
        request !== undefined &&
        judgeRequest(check, request).operation?.id === MOVE_CLOCK_ID
      );
    });
    // the clock moved: what the pool names has likely expired; more is made a few runs later
    if (clockMoved) stale = true;
    return { result, findings };
  };
  const record = (run: number | "seed", fuzzCase: FuzzCase, result: Exchange, findings: Finding[]) => {
    for (const finding of new Map(findings.map((f) => [f.kind, f])).values()) {
      const kind = kinds.get(finding.kind) ?? {
        kind: finding.kind,
        count: 0,
        seenWith: new Map<string, number>(),
        firstRun: run,
        first: { fuzzCase, exchange: result, finding },
      };
      kind.count += 1;
      kind.seenWith.set(fuzzCase.label, (kind.seenWith.get(fuzzCase.label) ?? 0) + 1);
      kinds.set(finding.kind, kind);
    }
  };
  const seed = () =>
    seedSandbox({
      spec: check.spec,
      known: options.known,
      accounts: options.seedAccounts,
      send: async (request) => {
        const fuzzCase: FuzzCase = {
          label: "seeding request",
          requests: [toWireRequest(request, options.request.host)],
          tail: Buffer.alloc(0),
          ending: "answers",
          wellFormed: true,
        };
        const result = await runExchange(address, fuzzCase, check.idleTimeoutMs);
        requests += 1;
        record("seed", fuzzCase, result, checkExchange(check, result));
        const answer = result.answers[0];
        let body: unknown;
        try {
          body =
            answer === undefined || answer.body.length === 0
              ? undefined
              : JSON.parse(answer.body.toString("utf8"));
        } catch {
          body = undefined;
        }
        return { status: answer?.status ?? 0, body };
      },
    });

  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  followUps = await seed();
  const cases = fuzzCaseArbitrary(options.request, () => followUps);
  let run = 0;
  await fc.check(
    fc.asyncProperty(cases, async (fuzzCase) => {
      const index = run++;
      if (stale && index - seededAtRun >= RUNS_BETWEEN_SEEDINGS) {
        followUps = await seed();
        stale = false;
        seededAtRun = index;
      }
      const { result, findings } = await exchange(fuzzCase);
      record(index, fuzzCase, result, findings);
      return true;
    }),
    {
      seed: options.seed,
      numRuns: options.path === undefined ? options.numRuns : 1,
      ...(options.path === undefined ? {} : { path: options.path }),
    },
  );

  const requestsOfRun = requests;
  const runMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuAtStart);
  const runCpuMs = (cpu.user + cpu.system) / 1000;
  for (const kind of kinds.values()) {
    if (kind.firstRun === "seed") continue;
    let spent = 0;
    let last: KindOfFinding["shrunk"];
    const details = await fc.check(
      fc.asyncProperty(cases, async (fuzzCase) => {
        spent += 1;
        if (spent > options.shrinkBudget) return true;
        const { result, findings } = await exchange(fuzzCase);
        const finding = findings.find((candidate) => candidate.kind === kind.kind);
        if (finding !== undefined) last = { fuzzCase, exchange: result, finding, path: "" };
        return finding === undefined;
      }),
      { seed: options.seed, path: options.path ?? String(kind.firstRun), numRuns: 1 },
    );
    if (details.failed && last !== undefined)
      kind.shrunk = { ...last, path: details.counterexamplePath ?? "" };
  }
  return {
    seed: options.seed,
    cases: run,
    requests: requestsOfRun,
    kinds: [...kinds.values()],
    runMs,
    runCpuMs,
    shrinkMs: performance.now() - started - runMs,
  };
}
