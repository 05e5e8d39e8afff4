/**
 * `pnpm test`'s spec gate (turbo task `spec:gate`): the working spec against the spec of the last release
 * of the published client. Exits 1 naming each breaking change unless a pending changeset releases the
 * client as a major version, 2 when it cannot compare.
 *
 *   pnpm --filter @sessions-api/spec-diff spec:gate
 *   ... --spec other.yaml --released old.yaml --changesets dir   (paths relative to where pnpm ran)
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import {
  judgeSpecAgainstRelease,
  readPendingBumps,
  releasedSpecPath,
  releasedVersionOf,
} from "./released-spec.js";

const repoRoot = join(import.meta.dirname, "..", "..", "..");

function main(): number {
  const { values } = parseArgs({
    options: {
      spec: { type: "string" },
      released: { type: "string" },
      changesets: { type: "string" },
    },
  });
  // the user's paths are relative to where they ran pnpm (pnpm runs this in the package's directory)
  const userPath = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);
  const specFile = values.spec === undefined ? join(repoRoot, "spec/openapi.yaml") : userPath(values.spec);
  const releasedFile =
    values.released === undefined ? join(repoRoot, releasedSpecPath) : userPath(values.released);
  const changesetDir =
    values.changesets === undefined ? join(repoRoot, ".changeset") : userPath(values.changesets);
  const releasedText = readText(releasedFile, "the released spec (written by `pnpm version-packages`)");
  const verdict = judgeSpecAgainstRelease({
    released: parseYaml(releasedFile, releasedText),
    spec: parseYaml(specFile, readText(specFile, "the spec")),
    pendingBumps: readPendingBumps(changesetDir),
    names: {
      released: values.released ?? releasedSpecPath,
      spec: values.spec ?? "spec/openapi.yaml",
      version: releasedVersionOf(releasedText),
    },
  });
  (verdict.pass ? console.log : console.error)(verdict.report);
  return verdict.pass ? 0 : 1;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(
      `cannot read ${what} at ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function parseYaml(path: string, text: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`spec:gate: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
