/**
 * Where exchanges are recorded: in the running test's `meta`, which vitest carries from the worker to
 * the reporter in the main process. The coverage gate and the end-of-run report read it from there.
 *
 * @example
 * import { TestRunner } from "vitest";
 * recordExchange(TestRunner.getCurrentTest()?.meta, { label: "getClock", method: "GET", url: "/sandbox/clock", status: 200, problems: [] });
 */
import type { ExchangeSummary } from "./report.js";

export interface ContractMeta {
  /** Every (operation, status) pair the test exercised, as `operationId status`. */
  pairs: string[];
  /** The exchanges that broke the contract. */
  violations: ExchangeSummary[];
}

/**
 * The suite's part of a test's meta (vitest's `TaskMeta` is open for this, untyped).
 *
 * @example
 * contractMetaOf(testCase.meta())?.pairs; // ["getClock 200"]
 */
export function contractMetaOf(meta: object | undefined): ContractMeta | undefined {
  return (meta as { contract?: ContractMeta } | undefined)?.contract;
}

/**
 * Adds an exchange to a test's meta: its pair always, the exchange itself if it broke the contract.
 *
 * @example
 * recordExchange(TestRunner.getCurrentTest()?.meta, summary);
 */
export function recordExchange(taskMeta: object | undefined, exchange: ExchangeSummary): void {
  if (!taskMeta) return;
  const meta = taskMeta as { contract?: ContractMeta };
  meta.contract ??= { pairs: [], violations: [] };
  const pair = `${exchange.label} ${exchange.status}`;
  if (!meta.contract.pairs.includes(pair)) meta.contract.pairs.push(pair);
  if (exchange.problems.length > 0) meta.contract.violations.push(exchange);
}

/**
 * Splits a recorded pair back into subject and status (subjects may contain spaces).
 *
 * @example
 * parsePair("unsupported method on /healthz 405"); // { subject: "unsupported method on /healthz", status: "405" }
 */
export function parsePair(pair: string): { subject: string; status: string } {
  const at = pair.lastIndexOf(" ");
  return { subject: pair.slice(0, at), status: pair.slice(at + 1) };
}
