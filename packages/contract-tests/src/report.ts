/**
 * Turns contract problems into the messages a developer reads: which operation, which request, which
 * status, and for each problem where it is (the JSON pointer into the body, or the header), what the
 * spec expects there and what the target sent.
 *
 * @example
 * import { formatViolation } from "./report.js";
 * formatViolation({ label: "getSession", method: "GET", url: "/v1/residential/sessions/ses_01HX2K3PQ4M5",
 *   status: 200, problems: [{ where: "body /asn", message: "must be integer", actual: "\"7922\"" }] });
 * // getSession: GET /v1/residential/sessions/ses_01HX2K3PQ4M5 -> 200 breaks the contract:
 * //   - body /asn: must be integer; actual "7922"
 */
import type { ContractProblem } from "./response-check.js";

export interface ExchangeSummary {
  /** The operationId (or convention label) the exchange exercised. */
  label: string;
  method: string;
  /** Path and query, without the origin (the port changes every run). */
  url: string;
  status: number;
  problems: ContractProblem[];
}

/**
 * One problem on one line: where, what, expected and actual.
 *
 * @example
 * formatProblem({ where: "body /asn", message: "must be integer", actual: "\"7922\"" }); // body /asn: must be integer; actual "7922"
 */
export function formatProblem(problem: ContractProblem): string {
  const expected = problem.expected === undefined ? "" : `; expected ${problem.expected}`;
  const actual = problem.actual === undefined ? "" : `; actual ${problem.actual}`;
  return `${problem.where}: ${problem.message}${expected}${actual}`;
}

/**
 * The message of a failed case: the operation, the request, then each problem.
 *
 * @example
 * throw new Error(formatViolation(summary));
 */
export function formatViolation(exchange: ExchangeSummary): string {
  return [
    `${exchange.label}: ${exchange.method} ${exchange.url} -> ${exchange.status} breaks the contract:`,
    ...exchange.problems.map((problem) => `  - ${formatProblem(problem)}`),
  ].join("\n");
}

/** Thrown by the contract client when a response breaks the contract; its message is the report. */
export class ContractViolationError extends Error {
  readonly exchange: ExchangeSummary;

  constructor(exchange: ExchangeSummary) {
    super(formatViolation(exchange));
    this.name = "ContractViolationError";
    this.exchange = exchange;
  }
}

/** One failed case of a run, as the end-of-run report lists it. */
export interface FailedCase {
  test: string;
  file: string;
  message: string;
}

/**
 * The end-of-run report of a target: its failed cases, grouped by operation.
 *
 * @example
 * console.log(formatFailureReport("server", failures, violations));
 */
export function formatFailureReport(
  target: string,
  failures: FailedCase[],
  violations: ExchangeSummary[],
): string {
  if (failures.length === 0 && violations.length === 0)
    return `Contract report (${target}): every case passed.`;
  const lines = [`Contract report (${target}): ${failures.length} failed case(s).`];
  const byLabel = new Map<string, ExchangeSummary[]>();
  for (const violation of violations)
    byLabel.set(violation.label, [...(byLabel.get(violation.label) ?? []), violation]);
  for (const [label, list] of [...byLabel].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`\n${label}`);
    for (const exchange of list) {
      lines.push(`  ${exchange.method} ${exchange.url} -> ${exchange.status}`);
      for (const problem of exchange.problems) lines.push(`    - ${formatProblem(problem)}`);
    }
  }
  const others = failures.filter((failure) => !failure.message.includes("breaks the contract"));
  if (others.length > 0) {
    lines.push("\nOther failed cases");
    for (const failure of others)
      lines.push(`  ${failure.file} > ${failure.test}\n    ${failure.message.split("\n")[0]}`);
  }
  return lines.join("\n");
}

/** A group of cases a target did not run, and why. */
export interface SkippedGroup {
  /** The suite's full name. */
  suite: string;
  file: string;
  /** How many cases the group holds. */
  cases: number;
  /** What the target lacks that the cases need; absent when the suite gave no reason. */
  reason: string | undefined;
}

/**
 * The part of the report that says which groups of cases a target skipped, and why, grouped by reason.
 *
 * @example
 * console.log(formatSkipReport("mock", [{ suite: "the test clock", file: "test/test-clock.test.ts", cases: 4, reason: "..." }]));
 */
export function formatSkipReport(target: string, skipped: SkippedGroup[]): string {
  if (skipped.length === 0) return `Skipped on ${target}: nothing.`;
  const total = skipped.reduce((sum, group) => sum + group.cases, 0);
  const lines = [`Skipped on ${target}: ${total} case(s) in ${skipped.length} group(s).`];
  const byReason = new Map<string | undefined, SkippedGroup[]>();
  for (const group of skipped) byReason.set(group.reason, [...(byReason.get(group.reason) ?? []), group]);
  for (const [reason, groups] of byReason) {
    lines.push(
      reason === undefined
        ? "\n  Without a reason (a bug of the suite: every skip must say why):"
        : `\n  Because the group ${reason}:`,
    );
    for (const group of groups) lines.push(`    ${group.file} > ${group.suite} (${group.cases})`);
  }
  return lines.join("\n");
}
