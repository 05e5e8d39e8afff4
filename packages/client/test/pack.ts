/**
 * Packs the client as it would be published: `pnpm pack` applies `publishConfig` (the dist exports map),
 * which `npm pack` would not. Needs a built `dist` (turbo's test task builds it first).
 *
 * @example
 * const { tarball, dir } = await packClient();
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

export const packageDir = join(import.meta.dirname, "..");
export const run = promisify(execFile);

export async function packClient(): Promise<{ tarball: string; dir: string }> {
  if (!existsSync(join(packageDir, "dist", "index.js"))) {
    throw new Error("packages/client/dist is missing: run `pnpm --filter @sessions-api/client build` first.");
  }
  const dir = await mkdtemp(join(tmpdir(), "sessions-api-client-pack-"));
  await run("pnpm", ["pack", "--pack-destination", dir], { cwd: packageDir, timeout: 240_000 });
  const [name] = (await readdir(dir)).filter((file) => file.endsWith(".tgz"));
  if (!name) throw new Error(`pnpm pack wrote no tarball to ${dir}`);
  return { tarball: join(dir, name), dir };
}
