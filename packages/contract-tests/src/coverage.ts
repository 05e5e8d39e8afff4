/**
 * The coverage gate. Every (operation, documented status) pair of the spec must be exercised on every
 * target the suite starts itself that can produce it; the one reviewed table below says which pairs a
 * target cannot produce, and why. Pairs come from the spec itself, so adding an operation or a response
 * without a case leaves a pair unexercised and fails the run.
 *
 * On an external target the matrix is a report, not a gate. Coverage is a property of the suite, which
 * the in-repo runs enforce; every case that runs asserts the status it gets, so a pair an external
 * target leaves unexercised comes from a group it skipped (listed, with the reason) and never hides a
 * wrong answer.
 *
 * @example
 * import { evaluateGate, formatMatrix } from "./coverage.js";
 * const gate = evaluateGate(model, "server", exercisedPairs);
 * console.log(formatMatrix(gate));
 * if (gate.missing.length > 0) process.exitCode = 1;
 */
import type { SpecModel } from "./spec-model.js";

/** The targets the suite starts itself, inside this repository (`--target`). */
export const ownTargetNames = ["mock", "server", "proxy"] as const;
/** Every kind of target: the suite's own, and `external`, an implementation given by URL. */
export const targetNames = [...ownTargetNames, "external"] as const;
export type TargetName = (typeof targetNames)[number];

export interface CoveragePair {
  /** An operationId, or the label of one of the spec's conventions. */
  subject: string;
  status: string;
}

export interface DocumentedPair extends CoveragePair {
  kind: "operation" | "convention";
}

export interface Unproducible {
  /** Which documented pairs this entry covers; absent fields match anything. */
  match: { subject?: string; status?: string; kind?: DocumentedPair["kind"] };
  reason: string;
}

const serverCannotProduce: Unproducible[] = [
  {
    match: { status: "500" },
    reason: "no request may make a correct server fail; a 500 is a bug, so no case asks for one",
  },
  {
    match: { status: "503" },
    reason:
      "503 is a store the server cannot reach, and the suite's store is the server's own in-process PGlite, which it does not break (apps/server/test/database-outage.test.ts cuts PostgreSQL away)",
  },
  {
    match: { status: "409" },
    reason:
      "409 idempotency_key_in_use answers a request whose Idempotency-Key another request holds while it runs: the suite cannot keep a request of the server running, so apps/server/test/idempotent-writes.test.ts holds the key in the store instead",
  },
];

/**
 * The reviewed table: for each target, the documented pairs it cannot produce. Everything else the
 * spec documents must be exercised on that target.
 */
export const unproducible: Readonly<Record<TargetName, readonly Unproducible[]>> = {
  // Prism serves every documented response on `Prefer: code=...`, so every pair is required.
  mock: [
    {
      match: { kind: "convention" },
      reason: "Prism answers unknown paths and unsupported methods itself with problem+json (404/405)",
    },
  ],
  server: serverCannotProduce,
  proxy: [
    ...serverCannotProduce,
    {
      match: { kind: "convention" },
      reason: "Prism routes before proxying: unknown paths and unsupported methods never reach the server",
    },
  ],
  external: [
    {
      match: { status: "500" },
      reason: "no request may make a correct implementation fail; a 500 is a bug, so no case asks for one",
    },
    {
      match: { status: "503" },
      reason: "503 is a store the implementation cannot reach; the suite does not take a target's store away",
    },
    {
      match: { status: "429" },
      reason:
        "the suite asks for a 429 only with its own one-request-a-minute account; a target's own rate limit is waited out, not tripped",
    },
  ],
};

/**
 * Whether a run on this target fails when a producible pair was not exercised: yes on the targets the
 * suite starts itself, no on an external one (see the module header).
 *
 * @example
 * gateEnforcedOn("external"); // false
 */
export function gateEnforcedOn(target: TargetName): boolean {
  return target !== "external";
}

/**
 * Every pair the spec documents: each operation's responses, plus the conventions of its description.
 *
 * @example
 * documentedPairs(model).filter((pair) => pair.subject === "getClock"); // 200, 401, 429, 500
 */
export function documentedPairs(model: SpecModel): DocumentedPair[] {
  const pairs: DocumentedPair[] = [];
  for (const op of model.operations) {
    for (const status of op.responses.keys())
      pairs.push({ subject: op.operationId, status, kind: "operation" });
  }
  for (const path of model.paths.keys()) {
    pairs.push({ subject: `unsupported method on ${path}`, status: "405", kind: "convention" });
  }
  for (const family of ["gateway", "app"] as const) {
    pairs.push({ subject: `unknown ${family} path`, status: "404", kind: "convention" });
  }
  return pairs;
}

function matches(entry: Unproducible, pair: DocumentedPair): boolean {
  const { subject, status, kind } = entry.match;
  return (
    (subject === undefined || subject === pair.subject) &&
    (status === undefined || status === pair.status) &&
    (kind === undefined || kind === pair.kind)
  );
}

export type CellState = "exercised" | "missing" | "not-producible" | "undocumented" | "absent";

export interface GateResult {
  target: TargetName;
  documented: DocumentedPair[];
  /** Required pairs that no case exercised: each one fails the gate. */
  missing: DocumentedPair[];
  /** Exercised pairs the spec does not document (each such exchange also failed its own case). */
  undocumented: CoveragePair[];
  /** Table entries that match no documented pair: a stale table fails the gate too. */
  staleEntries: Unproducible[];
  /** Whether missing pairs fail the run (see `gateEnforcedOn`); when false, the matrix is a report. */
  enforced: boolean;
  cell(subject: string, status: string): CellState;
  reasonFor(subject: string, status: string): string | undefined;
  passed: boolean;
}

/**
 * Compares what a run exercised against what the target must produce.
 *
 * @example
 * if (!evaluateGate(model, "mock", pairs).passed) process.exitCode = 1;
 */
export function evaluateGate(
  model: SpecModel,
  target: TargetName,
  exercised: readonly CoveragePair[],
  table: Readonly<Record<TargetName, readonly Unproducible[]>> = unproducible,
): GateResult {
  const documented = documentedPairs(model);
  const key = (pair: CoveragePair) => `${pair.subject} ${pair.status}`;
  const seen = new Set(exercised.map(key));
  const documentedKeys = new Set(documented.map(key));
  const entries = table[target];
  const exclusionOf = (pair: DocumentedPair) => entries.find((entry) => matches(entry, pair));
  const missing = documented.filter((pair) => !seen.has(key(pair)) && !exclusionOf(pair));
  const undocumented = [
    ...new Map(exercised.filter((p) => !documentedKeys.has(key(p))).map((p) => [key(p), p])).values(),
  ];
  const staleEntries = entries.filter((entry) => !documented.some((pair) => matches(entry, pair)));
  const byKey = new Map(documented.map((pair) => [key(pair), pair]));
  const enforced = gateEnforcedOn(target);
  return {
    target,
    documented,
    missing,
    undocumented,
    staleEntries,
    enforced,
    passed: !enforced || (missing.length === 0 && staleEntries.length === 0),
    cell(subject, status) {
      const pair = byKey.get(`${subject} ${status}`);
      if (!pair) return seen.has(`${subject} ${status}`) ? "undocumented" : "absent";
      if (seen.has(key(pair))) return "exercised";
      return exclusionOf(pair) ? "not-producible" : "missing";
    },
    reasonFor(subject, status) {
      const pair = byKey.get(`${subject} ${status}`);
      return pair ? exclusionOf(pair)?.reason : undefined;
    },
  };
}

const symbols: Record<CellState, string> = {
  exercised: "ok",
  missing: "MISSING",
  "not-producible": "n/p",
  undocumented: "UNDOC",
  absent: "",
};

// on a target where the matrix is a report, an unexercised pair is a fact, not a failure
const reportSymbols: Record<CellState, string> = { ...symbols, missing: "-" };

/**
 * The matrix printed at the end of a run: one row per operation or convention, one column per status.
 *
 * @example
 * console.log(formatMatrix(evaluateGate(model, "server", pairs)));
 */
export function formatMatrix(gate: GateResult): string {
  const subjects = [...new Set([...gate.documented, ...gate.undocumented].map((pair) => pair.subject))];
  const statuses = [...new Set([...gate.documented, ...gate.undocumented].map((pair) => pair.status))].sort();
  const width = Math.max(...subjects.map((subject) => subject.length), 9);
  const column = (text: string) => text.padEnd(8);
  const cellSymbols = gate.enforced ? symbols : reportSymbols;
  const lines = [
    gate.enforced
      ? `Coverage matrix (${gate.target}): ok = exercised, n/p = not producible on this target, MISSING = required but not exercised`
      : `Coverage matrix (${gate.target}, a report): ok = exercised, n/p = not producible on this target, - = not exercised here`,
    `${"operation".padEnd(width)}  ${statuses.map(column).join("")}`.trimEnd(),
  ];
  for (const subject of subjects) {
    lines.push(
      `${subject.padEnd(width)}  ${statuses.map((s) => column(cellSymbols[gate.cell(subject, s)])).join("")}`.trimEnd(),
    );
  }
  const reasons = new Set(
    gate.documented.map((pair) => gate.reasonFor(pair.subject, pair.status)).filter((r): r is string => !!r),
  );
  if (reasons.size > 0)
    lines.push("", "Not producible here, by the reviewed table:", ...[...reasons].map((r) => `  n/p: ${r}`));
  if (gate.missing.length > 0 && gate.enforced) {
    lines.push("", `Coverage gate FAILED: ${gate.missing.length} documented pair(s) were not exercised:`);
    for (const pair of gate.missing) lines.push(`  - ${pair.subject} ${pair.status}`);
  }
  if (gate.missing.length > 0 && !gate.enforced) {
    lines.push(
      "",
      `Not exercised here: ${gate.missing.length} documented pair(s), mostly those of the groups skipped above. An external target is not held to the matrix: each case asserts the statuses it needs, and only a failed case fails the run.`,
    );
  }
  if (gate.undocumented.length > 0) {
    lines.push("", "Statuses the spec does not document were answered:");
    for (const pair of gate.undocumented) lines.push(`  - ${pair.subject} ${pair.status}`);
  }
  if (gate.staleEntries.length > 0 && gate.enforced) {
    lines.push("", "Coverage gate FAILED: table entries that match nothing the spec documents:");
    for (const entry of gate.staleEntries) lines.push(`  - ${JSON.stringify(entry.match)}: ${entry.reason}`);
  }
  if (gate.passed && gate.enforced)
    lines.push("", `Coverage gate passed: every producible pair was exercised on ${gate.target}.`);
  return lines.join("\n");
}
