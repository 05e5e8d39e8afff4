/**
 * The released spec as the baseline of compatibility. `pnpm version-packages` records the spec that a
 * release of the published client was built from (`spec/released/openapi.yaml`); `pnpm test` then holds
 * the working spec to it: a breaking change fails unless a pending changeset releases the client as a
 * major version.
 *
 * @example
 * const verdict = judgeSpecAgainstRelease({ released, spec, pendingBumps: readPendingBumps(".changeset") });
 * console.log(verdict.report);
 * process.exitCode = verdict.pass ? 0 : 1;
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { diffSpecs, renderChanges, type SpecChange } from "./spec-diff.js";

/** The package whose releases carry the spec to its users: its major version is the breaking-change budget. */
export const releasedPackage = "@sessions-api/client";

/** Where the baseline lives, relative to the repository root. */
export const releasedSpecPath = "spec/released/openapi.yaml";

export type Bump = "major" | "minor" | "patch" | "none";

/** One pending changeset: its file and the bump it asks for each package it names. */
export interface PendingChangeset {
  file: string;
  bumps: Record<string, Bump>;
}

/**
 * Reads the front matter of every pending changeset in `dir` (`.changeset/*.md` but its README).
 *
 * @throws {Error} naming the file, when its front matter is not a map of package names to bumps.
 * @example
 * readPendingBumps(".changeset"); // [{ file: "client-first-release.md", bumps: { "@sessions-api/client": "minor" } }]
 */
export function readPendingBumps(dir: string): PendingChangeset[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".md") && file.toLowerCase() !== "readme.md")
    .sort()
    .map((file) => ({ file, bumps: frontMatterBumps(file, readFileSync(join(dir, file), "utf8")) }));
}

function frontMatterBumps(file: string, text: string): Record<string, Bump> {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---/.exec(text);
  if (!match) throw new Error(`${file} has no front matter (--- "package": bump ---)`);
  const data: unknown = parse(match[1] ?? "") ?? {};
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new Error(`${file}: the front matter must map package names to bumps`);
  }
  for (const [name, bump] of Object.entries(data)) {
    if (!["major", "minor", "patch", "none"].includes(String(bump))) {
      throw new Error(`${file}: ${name} has bump ${String(bump)}; expected major, minor, patch or none`);
    }
  }
  return data as Record<string, Bump>;
}

/** The outcome of holding the spec to the released one. */
export interface Verdict {
  /** False when a change is breaking and no pending changeset releases it as major. */
  pass: boolean;
  breaking: SpecChange[];
  /** The changesets that make a breaking change a major release (empty when none is pending). */
  majorChangesets: string[];
  /** What to print: the breaking changes, each named, and what to do about them. */
  report: string;
}

/**
 * Compares the working spec with the released one and decides whether its breaking changes, if any, are
 * released as they must be: as a major version of the published client.
 *
 * @example
 * judgeSpecAgainstRelease({ released: parse(old), spec: parse(now), pendingBumps: [] }).pass;
 */
export function judgeSpecAgainstRelease(input: {
  released: unknown;
  spec: unknown;
  pendingBumps: readonly PendingChangeset[];
  /** How the two documents are named in the report. */
  names?: { released: string; spec: string; version?: string | undefined };
}): Verdict {
  const names = input.names ?? { released: releasedSpecPath, spec: "spec/openapi.yaml" };
  const changes = diffSpecs(input.released, input.spec);
  const breaking = changes.filter((change) => change.severity === "breaking");
  const majorChangesets = input.pendingBumps
    .filter((changeset) => changeset.bumps[releasedPackage] === "major")
    .map((changeset) => changeset.file);
  const release = `${releasedPackage}${names.version === undefined ? "" : ` ${names.version}`}`;
  const heading = `${names.released} (as released in ${release}) -> ${names.spec}`;
  if (breaking.length === 0) {
    return { pass: true, breaking, majorChangesets, report: `${heading}\n\nNo breaking change.` };
  }
  const listed = renderChanges(breaking);
  if (majorChangesets.length > 0) {
    return {
      pass: true,
      breaking,
      majorChangesets,
      report: [
        heading,
        "",
        `${breaking.length} breaking change(s), released as a major version of ${releasedPackage} by ${majorChangesets.map((file) => `.changeset/${file}`).join(", ")}:`,
        listed,
      ].join("\n"),
    };
  }
  return {
    pass: false,
    breaking,
    majorChangesets,
    report: [
      heading,
      "",
      listed,
      "",
      `The ${breaking.length} change(s) above are breaking for clients of the released spec.`,
      "Make the change compatible (see packages/spec-diff/README.md for the rules), or release it as a",
      `major version: run \`pnpm changeset\`, pick ${releasedPackage} and "major", and say in the summary`,
      "what breaks for its users and what they change.",
    ].join("\n"),
  };
}

/**
 * The first line of the baseline file: which release of the published package it is the spec of.
 *
 * @example
 * releasedHeader("0.2.0"); // "# released: @sessions-api/client@0.2.0"
 */
export function releasedHeader(version: string): string {
  return `# released: ${releasedPackage}@${version}`;
}

/**
 * The version of the published package that `text` (a baseline file) was released with, if it says.
 *
 * @example
 * releasedVersionOf("# released: @sessions-api/client@0.2.0\nopenapi: 3.1.0\n"); // "0.2.0"
 */
export function releasedVersionOf(text: string): string | undefined {
  const prefix = `${releasedHeader("")}`;
  const first = text.split("\n", 1)[0] ?? "";
  return first.startsWith(prefix) ? first.slice(prefix.length).trim() : undefined;
}

/**
 * Records `spec/openapi.yaml` as the released spec when the published package's version differs from the
 * one the baseline was recorded for (as after `changeset version` releases it); otherwise leaves it.
 *
 * @returns the version recorded, or undefined when the baseline was already that release's.
 * @example
 * recordReleasedSpec(repoRoot); // "0.2.0" right after `changeset version` bumped the client to 0.2.0
 */
export function recordReleasedSpec(root: string): string | undefined {
  const manifestPath = join(root, "packages/client/package.json");
  const { name, version } = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    name?: string;
    version?: string;
  };
  if (name !== releasedPackage || typeof version !== "string") {
    throw new Error(`${manifestPath} is not ${releasedPackage} with a version`);
  }
  const target = join(root, releasedSpecPath);
  if (existsSync(target) && releasedVersionOf(readFileSync(target, "utf8")) === version) return undefined;
  const spec = readFileSync(join(root, "spec/openapi.yaml"), "utf8");
  const header = [
    releasedHeader(version),
    "# spec/openapi.yaml as it was when this version was released: the baseline `pnpm test` (spec:gate)",
    "# holds the spec to. Written by `pnpm version-packages`; never edited by hand.",
  ].join("\n");
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${header}\n${spec}`);
  return version;
}
