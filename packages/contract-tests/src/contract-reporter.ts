/**
 * The end-of-run reporter of a contract run: prints the report of failed cases (operation, request, the
 * case and the validator's complaints), the groups the target skipped with the reason for each, and the
 * coverage matrix; keeps the outcome for the runner (`summary`), and writes the report as text and/or
 * Markdown when asked.
 *
 * @example
 * const reporter = new ContractReporter({ target: "server", suiteFiles: ["gateway-sessions.test.ts"] });
 * await startVitest("test", [], { config: false, reporters: ["default", reporter] });
 * reporter.summary?.ok; // true when every case passed
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import type {
  Reporter,
  SerializedError,
  TestCase,
  TestModule,
  TestRunEndReason,
  TestSuite,
  Vitest,
} from "vitest/node";
import { evaluateGate, formatMatrix, type TargetName } from "./coverage.js";
import { contractMetaOf, parsePair } from "./exchange-log.js";
import {
  type FailedCase,
  formatFailureReport,
  formatMarkdownReport,
  formatSkipReport,
  type RunSummary,
  type SkippedGroup,
} from "./report.js";
import { loadSpecModel } from "./spec-model.js";

export interface ContractReporterOptions {
  target: TargetName;
  /** Where the target is, when it was given by URL (shown in the report). */
  targetUrl?: string | undefined;
  /** Whether an external target has the sandbox operations (shown in the report). */
  sandbox?: boolean | undefined;
  /** File names of the whole suite: a run of fewer files is a filtered run. */
  suiteFiles: readonly string[];
  /** Where to write the report as plain text, if anywhere. */
  textFile?: string | undefined;
  /** Where to write the report as Markdown, if anywhere. */
  markdownFile?: string | undefined;
}

// whether a suite around the task skips it for a reason of its own, which the report gives once
function hasReasonedAncestor(task: TestCase | TestSuite): boolean {
  for (let parent = task.parent; parent.type === "suite"; parent = parent.parent)
    if (parent.meta().skipReason !== undefined) return true;
  return false;
}

function writeReport(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text.endsWith("\n") ? text : `${text}\n`);
}

export default class ContractReporter implements Reporter {
  private vitest: Vitest | undefined;
  private readonly startedAt = Date.now();
  private readonly options: ContractReporterOptions;
  /** The outcome of the run, once it ended. */
  summary: RunSummary | undefined;

  constructor(options: ContractReporterOptions) {
    this.options = options;
  }

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const { target } = this.options;
    const pairs: { subject: string; status: string }[] = [];
    const failures: FailedCase[] = [];
    const skipped: SkippedGroup[] = [];
    const counts = { passed: 0, failed: 0, skipped: 0 };
    // a run of some files or some tests cannot cover everything: report, but do not fail on coverage
    const ran = new Set(testModules.map((module) => basename(module.moduleId)));
    const filtered =
      Boolean(this.vitest?.config.testNamePattern) || this.options.suiteFiles.some((file) => !ran.has(file));
    for (const module of testModules) {
      for (const error of module.errors()) {
        counts.failed += 1;
        failures.push({
          test: "(loading the file)",
          file: module.relativeModuleId,
          message: error.message,
          violations: [],
        });
      }
      for (const suite of module.children.allSuites()) {
        // a skipped group is listed once, at its outermost skipped suite that says why; a suite whose
        // cases each skip for reasons of their own is listed case by case; a filter's skips not at all
        if (suite.state() !== "skipped" || hasReasonedAncestor(suite)) continue;
        const reason = suite.meta().skipReason;
        if (reason === undefined) {
          const parentSkipped = suite.parent.type === "suite" && suite.parent.state() === "skipped";
          const casesSayWhy = [...suite.children.allTests(), ...suite.children.allSuites()].some(
            (task) => task.meta().skipReason !== undefined,
          );
          if (parentSkipped || casesSayWhy || filtered) continue;
        }
        skipped.push({
          suite: suite.fullName,
          file: module.relativeModuleId,
          cases: [...suite.children.allTests()].length,
          reason,
        });
      }
      for (const test of module.children.allTests()) {
        const contract = contractMetaOf(test.meta());
        if (contract) pairs.push(...contract.pairs.map(parsePair));
        const result = test.result();
        if (result.state === "failed") {
          counts.failed += 1;
          failures.push({
            test: test.fullName,
            file: module.relativeModuleId,
            message: result.errors?.[0]?.message ?? "failed",
            violations: contract?.violations ?? [],
          });
        } else if (result.state === "passed") {
          counts.passed += 1;
        } else {
          counts.skipped += 1;
          // a single case that skips for a reason of its own
          const reason = test.meta().skipReason;
          if (reason !== undefined && !hasReasonedAncestor(test))
            skipped.push({ suite: test.fullName, file: module.relativeModuleId, cases: 1, reason });
        }
      }
    }
    for (const error of unhandledErrors) {
      counts.failed += 1;
      failures.push({ test: "(unhandled error)", file: "", message: error.message, violations: [] });
    }
    const gate = evaluateGate(loadSpecModel(), target, pairs);
    const gateFails = !gate.passed && !filtered && reason !== "interrupted";
    const nothingRan = counts.passed + counts.failed === 0;
    const matrix = formatMatrix(gate);
    const seconds = ((Date.now() - this.startedAt) / 1000).toFixed(1);
    const text = [
      formatFailureReport(target, failures),
      "",
      formatSkipReport(target, skipped),
      "",
      matrix,
      ...(filtered ? ["", "(filtered run: the coverage gate does not fail it)"] : []),
      ...(nothingRan ? ["", "No case ran: a run that checks nothing does not pass."] : []),
      "",
      `Contract run on ${target}: ${seconds} s`,
    ].join("\n");
    console.log(`\n${text}`);
    this.summary = {
      target,
      targetUrl: this.options.targetUrl,
      sandbox: this.options.sandbox,
      counts,
      ok: counts.failed === 0 && !gateFails && !nothingRan && reason === "passed",
      failures,
      skipped,
      matrix,
    };
    if (this.options.textFile) writeReport(this.options.textFile, text);
    if (this.options.markdownFile) writeReport(this.options.markdownFile, formatMarkdownReport(this.summary));
  }
}
