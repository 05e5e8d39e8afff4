/**
 * The checks of `@sessions-api/contract-tests` as published: a fresh project outside the workspace
 * installs it from the local registry with npm, and its bin, `sessions-api-contract`, runs as a team's CI
 * would run it: against a server, passing and writing its reports. (The kit's own tests, in its package,
 * cover the failing and the skipping cases.)
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEMO_KEYS, type SessionsServer, startSessionsServer } from "@sessions-api/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createFreshProject } from "../../src/fresh-project.js";
import { run } from "../../src/run.js";
import type { Walkthrough } from "./walkthrough.js";

const name = "@sessions-api/contract-tests";

export function describeContractKitChecks(walkthrough: Walkthrough): void {
  describe(`${name}, as published`, () => {
    let project: string;
    let server: SessionsServer;
    const kit = (args: string[]) =>
      run("npx", ["--no-install", "sessions-api-contract", ...args], {
        cwd: project,
        env: walkthrough.registry.env,
      });

    beforeAll(async () => {
      project = await createFreshProject(walkthrough.registry, {
        dir: join(walkthrough.dir, "contract-kit"),
        type: "module",
        files: {},
        install: [name],
      });
      server = await startSessionsServer({ port: 0, seedDemoData: true });
    });
    afterAll(async () => {
      await server?.close();
    });

    test("its bin is on the project's path and says how to use it", async () => {
      const { stdout } = await kit(["--help"]);
      expect(stdout).toMatch(/^Usage: sessions-api-contract --base-url URL --key KEY/);
    });

    test("checks a server, says the sandbox is there, exits 0 and writes its reports", async () => {
      const { stdout } = await kit([
        "--base-url",
        server.url,
        "--key",
        DEMO_KEYS.full,
        "--grep",
        "service",
        "--junit",
        "junit.xml",
        "--markdown",
        "report.md",
      ]);
      expect(stdout).toContain("Sandbox operations: present");
      expect(stdout).toContain(`PASSED on ${server.url}: `);
      expect(stdout).toMatch(/: [1-9]\d* passed, 0 failed, \d+ skipped/);
      expect(await readFile(join(project, "junit.xml"), "utf8")).toMatch(/<testsuites[^>]* failures="0"/);
      expect(await readFile(join(project, "report.md"), "utf8")).toContain("- Result: **passed**");
    });
  });
}
