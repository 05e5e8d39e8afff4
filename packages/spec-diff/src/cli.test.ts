import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const spec = readFileSync(join(packageDir, "../../spec/openapi.yaml"), "utf8");

// `pnpm spec:diff ARGS`, as pnpm runs it: in the package's directory, with the user's directory in INIT_CWD
function specDiff(args: string[], userDir: string) {
  const run = spawnSync(join(packageDir, "node_modules/.bin/tsx"), ["src/cli.ts", ...args], {
    cwd: packageDir,
    env: { ...process.env, INIT_CWD: userDir },
    encoding: "utf8",
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("pnpm spec:diff", () => {
  const dir = mkdtempSync(join(tmpdir(), "spec-diff-"));
  writeFileSync(join(dir, "same.yaml"), spec);
  // the sessions' asn is no longer promised
  writeFileSync(join(dir, "no-asn.yaml"), spec.replace(/^ {8}- asn\n/m, ""));

  test("exits 0 and says so when nothing a client can observe changed", () => {
    const run = specDiff(["--base-file", "same.yaml"], dir);
    expect(run.stdout).toContain("No change a client can observe.");
    expect(run.status).toBe(0);
  });

  test("exits 1 on a breaking change, naming it and the operations it reaches", () => {
    const run = specDiff(["--base-file", "same.yaml", "--head-file", "no-asn.yaml"], dir);
    expect(run.stdout).toContain("same.yaml -> no-asn.yaml");
    expect(run.stdout).toContain("  schema SessionDetail /asn: no longer required");
    expect(run.stdout).toContain("GET /v1/{product}/sessions/{id} (200)");
    expect(run.status).toBe(1);
  });

  test("prints the changes as JSON on request", () => {
    const run = specDiff(["--base-file", "same.yaml", "--head-file", "no-asn.yaml", "--json"], dir);
    const changes = JSON.parse(run.stdout) as { severity: string }[];
    expect(changes.filter((change) => change.severity === "breaking")).toHaveLength(2);
  });

  test("exits 2 with a clear message when it cannot read the base", () => {
    const run = specDiff(["--base", "no-such-ref-anywhere"], dir);
    expect(run.stderr).toMatch(/^spec:diff: cannot read no-such-ref-anywhere:spec\/openapi\.yaml from git/);
    expect(run.status).toBe(2);
  });

  test("exits 2 naming the problem when a file is not YAML", () => {
    writeFileSync(join(dir, "broken.yaml"), "openapi: 3.1.0\npaths: [unclosed\n");
    const run = specDiff(["--base-file", "same.yaml", "--head-file", "broken.yaml"], dir);
    expect(run.stderr).toMatch(/^spec:diff: /);
    expect(run.stderr).toContain("broken.yaml");
    expect(run.status).toBe(2);
  });

  test("exits 2 on an option it does not know", () => {
    const run = specDiff(["--bse", "main"], dir);
    expect(run.stderr).toContain("spec:diff: Unknown option '--bse'");
    expect(run.status).toBe(2);
  });
});
