/**
 * The end-of-run reporter of a contract run: prints the report of failed cases (operation, request and
 * the validator's complaints), the coverage matrix, and fails the run when the coverage gate fails. The
 * same text is written to `reports/contract-<target>.txt` for CI artifacts.
 *
 * @example
 * // vitest.contract.config.ts
 * export default defineConfig({ test: { reporters: ["default", "./src/contract-reporter.ts"] } });
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import type { Reporter, SerializedError, TestModule, TestRunEndReason, Vitest } from "vitest/node";
import { evaluateGate, formatMatrix, type TargetName } from "./coverage.js";
import { targetFromEnvironment } from "./environment.js";
import { contractMetaOf, parsePair } from "./exchange-log.js";
import {
  type ExchangeSummary,
  type FailedCase,
  formatFailureReport,
  formatSkipReport,
  type SkippedGroup,
} from "./report.js";
import { loadSpecModel } from "./spec-model.js";

const testsDir = fileURLToPath(new URL("../test/", import.meta.url));
const reportsDir = fileURLToPath(new URL("../reports/", import.meta.url));

export default class ContractReporter implements Reporter {
  private vitest: Vitest | undefined;
  private readonly target: TargetName = targetFromEnvironment();
  private readonly startedAt = Date.now();

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    _unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const pairs: { subject: string; status: string }[] = [];
    const violations: ExchangeSummary[] = [];
    const failures: FailedCase[] = [];
    const skipped: SkippedGroup[] = [];
    for (const module of testModules) {
      for (const suite of module.children.allSuites()) {
        // a skipped group is listed once, at its outermost skipped suite
        const parentSkipped = suite.parent.type === "suite" && suite.parent.state() === "skipped";
        if (suite.state() !== "skipped" || parentSkipped) continue;
        skipped.push({
          suite: suite.fullName,
          file: module.relativeModuleId,
          cases: [...suite.children.allTests()].length,
          reason: suite.meta().skipReason,
        });
      }
      for (const test of module.children.allTests()) {
        const contract = contractMetaOf(test.meta());
        if (contract) pairs.push(...contract.pairs.map(parsePair));
        const result = test.result();
        if (result.state === "failed") {
          violations.push(...(contract?.violations ?? []));
          failures.push({
            test: test.fullName,
            file: module.relativeModuleId,
            message: result.errors?.[0]?.message ?? "failed",
          });
        }
      }
    }
    const gate = evaluateGate(loadSpecModel(), this.target, pairs);
    // a run of some files or some tests cannot cover everything: report, but do not fail it
    const ran = new Set(testModules.map((module) => basename(module.moduleId)));
    const filtered =
      Boolean(this.vitest?.config.testNamePattern) ||
      readdirSync(testsDir).some((file) => file.endsWith(".test.ts") && !ran.has(file));
    const seconds = ((Date.now() - this.startedAt) / 1000).toFixed(1);
    const text = [
      formatFailureReport(this.target, failures, violations),
      "",
      formatSkipReport(this.target, skipped),
      "",
      formatMatrix(gate),
      filtered ? "\n(filtered run: the coverage gate does not fail it)" : "",
      `\nContract run on ${this.target}: ${seconds} s`,
    ].join("\n");
    console.log(`\n${text}`);
    mkdirSync(reportsDir, { recursive: true });
    writeFileSync(`${reportsDir}contract-${this.target}.txt`, `${text}\n`);
    if (!gate.passed && !filtered && reason !== "interrupted") process.exitCode = 1;
  }
}
