import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { readPendingBumps, recordReleasedSpec, releasedVersionOf } from "./released-spec.js";

const packageDir = join(import.meta.dirname, "..");
const repoRoot = join(packageDir, "..", "..");
const spec = readFileSync(join(repoRoot, "spec/openapi.yaml"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "spec-gate-"));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// the gate as `pnpm test` runs it, pointed at files of the test's own
function specGate(args: string[]) {
  const run = spawnSync(join(packageDir, "node_modules/.bin/tsx"), ["src/gate-cli.ts", ...args], {
    cwd: packageDir,
    env: { ...process.env, INIT_CWD: dir },
    encoding: "utf8",
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function changesetDir(name: string, files: Record<string, string>): string {
  const path = join(dir, name);
  mkdirSync(path);
  writeFileSync(join(path, "README.md"), "# Changesets\n");
  writeFileSync(join(path, "config.json"), "{}\n");
  for (const [file, text] of Object.entries(files)) writeFileSync(join(path, file), text);
  return name;
}

const minor = '---\n"@sessions-api/client": minor\n---\n\nfeat(client): something new.\n';
const major = '---\n"@sessions-api/client": major\n---\n\nSessions no longer promise `asn`.\n';

describe("spec:gate, the spec against the released one", () => {
  writeFileSync(join(dir, "released.yaml"), `# released: @sessions-api/client@0.3.1\n${spec}`);
  // a breaking edit: the sessions' asn is no longer promised
  writeFileSync(join(dir, "no-asn.yaml"), spec.replace(/^ {8}- asn\n/m, ""));
  const withoutMajor = changesetDir("pending-minor", { "new-thing.md": minor });
  const withMajor = changesetDir("pending-major", { "new-thing.md": minor, "drop-asn.md": major });
  const breakingArgs = (changesets: string) => [
    "--released",
    "released.yaml",
    "--spec",
    "no-asn.yaml",
    "--changesets",
    changesets,
  ];

  test("passes the repository's own spec against its released spec and pending changesets", () => {
    const run = specGate([]);
    expect(run.stdout).toMatch(/^spec\/released\/openapi\.yaml \(as released in @sessions-api\/client \S+\)/);
    expect(run.status).toBe(0);
  });

  test("fails a breaking change without a major changeset, naming each change as breaking", () => {
    const run = specGate(breakingArgs(withoutMajor));
    expect(run.stderr).toContain("released.yaml (as released in @sessions-api/client 0.3.1) -> no-asn.yaml");
    expect(run.stderr).toContain("Breaking: a client built against the base document can fail (2):");
    expect(run.stderr).toContain("  schema Session /asn: no longer required");
    expect(run.stderr).toContain("  schema SessionDetail /asn: no longer required");
    expect(run.stderr).toContain("The 2 change(s) above are breaking for clients of the released spec.");
    expect(run.stderr).toContain('run `pnpm changeset`, pick @sessions-api/client and "major"');
    expect(run.status).toBe(1);
  });

  test("passes the same change when a pending changeset releases the client as major", () => {
    const run = specGate(breakingArgs(withMajor));
    expect(run.stdout).toContain(
      "2 breaking change(s), released as a major version of @sessions-api/client by .changeset/drop-asn.md:",
    );
    expect(run.stdout).toContain("  schema SessionDetail /asn: no longer required");
    expect(run.status).toBe(0);
  });

  test("passes a compatible change without any changeset", () => {
    writeFileSync(join(dir, "same.yaml"), spec);
    const run = specGate(["--released", "released.yaml", "--spec", "same.yaml", "--changesets", "none"]);
    expect(run.stdout).toContain("No breaking change.");
    expect(run.status).toBe(0);
  });

  test("exits 2 naming the file when there is no released spec to compare with", () => {
    const run = specGate(["--released", "missing.yaml", "--spec", "no-asn.yaml"]);
    expect(run.stderr).toMatch(/^spec:gate: cannot read the released spec .*missing\.yaml/);
    expect(run.status).toBe(2);
  });
});

describe("readPendingBumps", () => {
  test("reads every changeset's front matter, not the README", () => {
    const name = changesetDir("read", { "a.md": minor, "b.md": '---\n"@sessions-api/client": patch\n---\n' });
    expect(readPendingBumps(join(dir, name))).toEqual([
      { file: "a.md", bumps: { "@sessions-api/client": "minor" } },
      { file: "b.md", bumps: { "@sessions-api/client": "patch" } },
    ]);
  });

  test("refuses a bump changesets would not understand, naming the file", () => {
    const name = changesetDir("bad", { "c.md": '---\n"@sessions-api/client": huge\n---\n' });
    expect(() => readPendingBumps(join(dir, name))).toThrow(/^c\.md: @sessions-api\/client has bump huge/);
  });
});

describe("recordReleasedSpec, run by `pnpm version-packages`", () => {
  test("records the spec when the client's version changed, and only then", () => {
    const root = join(dir, "repo");
    mkdirSync(join(root, "packages/client"), { recursive: true });
    cpSync(join(repoRoot, "spec/openapi.yaml"), join(root, "spec/openapi.yaml"));
    const manifest = (version: string) =>
      writeFileSync(
        join(root, "packages/client/package.json"),
        JSON.stringify({ name: "@sessions-api/client", version }),
      );
    const released = () => readFileSync(join(root, "spec/released/openapi.yaml"), "utf8");

    manifest("0.1.0");
    expect(recordReleasedSpec(root)).toBe("0.1.0");
    expect(releasedVersionOf(released())).toBe("0.1.0");
    expect(released().endsWith(spec)).toBe(true);

    // the spec moves on between releases: the baseline stays until the next version
    writeFileSync(join(root, "spec/openapi.yaml"), spec.replace(/^ {8}- asn\n/m, ""));
    expect(recordReleasedSpec(root)).toBeUndefined();
    expect(released().endsWith(spec)).toBe(true);

    manifest("1.0.0");
    expect(recordReleasedSpec(root)).toBe("1.0.0");
    expect(releasedVersionOf(released())).toBe("1.0.0");
    expect(released()).not.toContain(spec);
  });
});
