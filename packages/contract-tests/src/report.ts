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
  /** The exchanges of the case that broke the contract (empty when it failed on a case's own check). */
  violations: ExchangeSummary[];
}

/**
 * The end-of-run report of a target: its failed cases, contract violations grouped by operation (each
 * naming its case), then the cases that failed on their own checks.
 *
 * @example
 * console.log(formatFailureReport("server", failures));
 */
export function formatFailureReport(target: string, failures: FailedCase[]): string {
  if (failures.length === 0) return `Contract report (${target}): every case passed.`;
  const lines = [`Contract report (${target}): ${failures.length} failed case(s).`];
  const byLabel = new Map<string, { exchange: ExchangeSummary; failure: FailedCase }[]>();
  for (const failure of failures)
    for (const exchange of failure.violations)
      byLabel.set(exchange.label, [...(byLabel.get(exchange.label) ?? []), { exchange, failure }]);
  for (const [label, list] of [...byLabel].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`\n${label}`);
    for (const { exchange, failure } of list) {
      lines.push(`  ${exchange.method} ${exchange.url} -> ${exchange.status}`);
      lines.push(`    in ${failure.file} > ${failure.test}`);
      for (const problem of exchange.problems) lines.push(`    - ${formatProblem(problem)}`);
    }
  }
  const others = failures.filter((failure) => failure.violations.length === 0);
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

/** What a finished contract run found: the input of its Markdown report. */
export interface RunSummary {
  target: string;
  /** Where the target was reached, when it was given by URL. */
  targetUrl?: string | undefined;
  /** Whether the target had the sandbox operations; absent for the suite's own targets. */
  sandbox?: boolean | undefined;
  counts: { passed: number; failed: number; skipped: number };
  /** Whether the run passes: every case that ran passed (and, where enforced, the coverage gate). */
  ok: boolean;
  failures: FailedCase[];
  skipped: SkippedGroup[];
  /** The coverage matrix as `formatMatrix` writes it. */
  matrix: string;
}

const fence = (text: string) => ["```text", text.replaceAll("```", "'''"), "```"].join("\n");

/**
 * The run's report as Markdown, for a CI job summary or an artifact: result, failed cases by
 * operation, skipped groups with their reason, and the coverage matrix.
 *
 * @example
 * writeFileSync("contract.md", formatMarkdownReport(summary));
 */
export function formatMarkdownReport(summary: RunSummary): string {
  const { counts } = summary;
  const lines = [`# Sessions API contract report: ${summary.target}`, ""];
  if (summary.targetUrl) lines.push(`- Target: ${summary.targetUrl}`);
  if (summary.sandbox !== undefined)
    lines.push(
      summary.sandbox
        ? "- Sandbox operations: present (`GET /sandbox/clock` answered 200): the stateful scenarios ran"
        : "- Sandbox operations: absent: the scenarios that seed data through them were skipped (see below)",
    );
  lines.push(
    `- Result: **${summary.ok ? "passed" : "FAILED"}**: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
    "",
  );
  if (summary.failures.length > 0) {
    lines.push(`## Failed cases (${summary.failures.length})`, "");
    lines.push(fence(formatFailureReport(summary.target, summary.failures)), "");
  }
  lines.push(`## Skipped`, "", fence(formatSkipReport(summary.target, summary.skipped)), "");
  lines.push("## Coverage", "", fence(summary.matrix), "");
  return lines.join("\n");
}
