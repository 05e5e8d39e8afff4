/**
 * The workspace as `pnpm release` sees it: its packages, which of them are public (published), and the
 * release itself, pointed at a registry.
 *
 * @example
 * const published = (await readWorkspacePackages()).filter((pkg) => !pkg.private);
 */
import { join } from "node:path";
import type { LocalRegistry } from "./local-registry.js";
import { run } from "./run.js";

/** The repository root. */
export const repoRoot = join(import.meta.dirname, "..", "..", "..");

export interface WorkspacePackage {
  name: string;
  version: string;
  /** Absolute path of its directory. */
  path: string;
  private: boolean;
}

/**
 * Every package of the workspace but the root, as `pnpm ls -r` lists them.
 *
 * @example
 * await readWorkspacePackages(); // [{ name: "@sessions-api/client", version: "0.1.0", path, private: false }, ...]
 */
export async function readWorkspacePackages(): Promise<WorkspacePackage[]> {
  const { stdout } = await run("pnpm", ["ls", "-r", "--depth", "-1", "--json"], { cwd: repoRoot });
  const listed = JSON.parse(stdout) as { name?: string; version?: string; path: string; private?: boolean }[];
  return listed
    .filter((pkg) => pkg.path !== repoRoot && pkg.name !== undefined)
    .map((pkg) => ({
      name: pkg.name ?? "",
      version: pkg.version ?? "",
      path: pkg.path,
      private: pkg.private === true,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Runs the release as a maintainer does, `pnpm release` (`turbo run build && changeset publish`), with
 * npm and pnpm pointed at `registry`. `--no-git-tag`: the walk-through is not a release of the
 * repository, so it leaves git alone.
 *
 * @returns what it printed, for a failure's message.
 * @example
 * await releaseTo(registry);
 */
export async function releaseTo(registry: LocalRegistry): Promise<string> {
  const { stdout, stderr } = await run("pnpm", ["release", "--no-git-tag"], {
    cwd: repoRoot,
    env: { ...registry.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
  return `${stdout}\n${stderr}`;
}
