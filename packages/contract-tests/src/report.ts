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
