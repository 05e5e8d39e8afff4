/**
 * `pnpm spec:diff`: what the working tree's spec/openapi.yaml breaks for clients of another version.
 *
 *   pnpm spec:diff                        against the last commit (HEAD)
 *   pnpm spec:diff --base main            against a branch, tag or commit
 *   pnpm spec:diff --base-file old.yaml   against a file (either side: --head-file)
 *   pnpm spec:diff --json                 the changes as JSON
 *
 * Exits 1 when a change is breaking, 0 otherwise, 2 when it cannot compare.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { diffSpecs, renderChanges, type SpecChange } from "./spec-diff.js";

const specPath = "spec/openapi.yaml";

function main(): number {
  const { values } = parseArgs({
    options: {
      base: { type: "string" },
      "base-file": { type: "string" },
      "head-file": { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(
      "usage: pnpm spec:diff [--base <git ref> | --base-file <path>] [--head-file <path>] [--json]",
    );
    return 0;
  }
  if (values.base !== undefined && values["base-file"] !== undefined) {
    throw new Error("give --base or --base-file, not both");
  }
  const root = execFileSync("git", ["rev-parse", "--show-toplevel"], { encoding: "utf8" }).trim();
  // paths are the user's, relative to where they ran pnpm (pnpm runs this in the package's directory)
  const userPath = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);
  const ref = values.base ?? "HEAD";
  const baseName = values["base-file"] ?? `${ref}:${specPath}`;
  const baseText =
    values["base-file"] !== undefined
      ? readFileSync(userPath(values["base-file"]), "utf8")
      : gitShow(root, `${ref}:${specPath}`);
  const headName = values["head-file"] ?? specPath;
  const headText = readFileSync(
    values["head-file"] !== undefined ? userPath(values["head-file"]) : resolve(root, specPath),
    "utf8",
  );
  let changes: SpecChange[];
  try {
    changes = diffSpecs(parseYaml(baseName, baseText), parseYaml(headName, headText));
  } catch (error) {
    throw new Error(`${baseName} -> ${headName}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (values.json) console.log(JSON.stringify(changes, null, 2));
  else console.log(`${baseName} -> ${headName}\n\n${renderChanges(changes)}`);
  return changes.some((change) => change.severity === "breaking") ? 1 : 0;
}

function parseYaml(name: string, text: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    throw new Error(`${name} is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function gitShow(root: string, object: string): string {
  try {
    return execFileSync("git", ["show", object], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    throw new Error(`cannot read ${object} from git: ${stderr || String(error)}`);
  }
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`spec:diff: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
