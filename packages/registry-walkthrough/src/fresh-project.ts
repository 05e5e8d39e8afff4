/**
 * A fresh npm project outside the workspace (in a temporary directory), as a new user starts one:
 * a package.json, the user's files, and `npm install` of some packages from the local registry.
 *
 * @example
 * const dir = await createFreshProject(registry, { dir, type: "module", files: { "index.mjs": code }, install: ["@sessions-api/client"] });
 */
import { mkdir, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { LocalRegistry } from "./local-registry.js";
import { run } from "./run.js";

export interface FreshProject {
  /** Where to create it; must not exist yet or be empty. */
  dir: string;
  /** The package.json `type`. */
  type: "module" | "commonjs";
  /** Files by path relative to `dir`. */
  files: Record<string, string>;
  /** What `npm install` gets, e.g. `@sessions-api/client` or `openapi-fetch@0.17.0`. */
  install: readonly string[];
}

/**
 * Writes the project and installs its packages with plain `npm` from the local registry.
 *
 * @returns the project's directory.
 * @example
 * await createFreshProject(registry, { dir, type: "commonjs", files: {}, install: ["@sessions-api/client"] });
 */
export async function createFreshProject(registry: LocalRegistry, project: FreshProject): Promise<string> {
  const { dir } = project;
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, "package.json"),
    `${JSON.stringify({ name: basename(dir), private: true, type: project.type }, null, 2)}\n`,
  );
  // the project's own .npmrc, as a user's would be; the environment says the same
  await writeFile(join(dir, ".npmrc"), `registry=${registry.url}\n`);
  for (const [path, text] of Object.entries(project.files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  await run("npm", ["install", ...project.install, "--ignore-scripts", "--loglevel=error"], {
    cwd: dir,
    env: registry.env,
  });
  return dir;
}
