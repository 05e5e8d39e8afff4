// Makes a PostgreSQL server available to the store tests through the project's own script
// (scripts/ensure-postgres.sh installs and starts it when needed) and passes its URL to them.
// Under CI=true a failure fails the run: the PostgreSQL half of the store suite must never be skipped there.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the test PostgreSQL server, or null when it could not be started outside CI. */
    databaseUrl: string | null;
    /** Why there is no PostgreSQL server, when there is none. */
    databaseUnavailable: string | null;
  }
}

const script = fileURLToPath(new URL("../../../scripts/ensure-postgres.sh", import.meta.url));

export default async function setup(project: TestProject): Promise<void> {
  try {
    const { stdout } = await promisify(execFile)("bash", [script], { timeout: 300_000 });
    const url = stdout.trim().split("\n").at(-1) ?? "";
    if (!url.startsWith("postgres")) throw new Error(`ensure-postgres.sh printed no URL: ${stdout}`);
    project.provide("databaseUrl", url);
    project.provide("databaseUnavailable", null);
  } catch (error) {
    if (process.env.CI === "true") throw error;
    const reason = (error as Error).message;
    console.warn(`\n[server tests] PostgreSQL unavailable, its store tests are skipped: ${reason}\n`);
    project.provide("databaseUrl", null);
    project.provide("databaseUnavailable", reason);
  }
}
