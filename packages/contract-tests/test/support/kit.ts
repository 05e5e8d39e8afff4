/**
 * What the kit's own tests need to use it as a team outside this repository would: the package packed
 * (`pnpm pack` applies publishConfig) and installed with npm into an empty directory, the reference
 * server started from its own command line (`node apps/server/dist/main.js`, PORT=0), and the
 * installed `sessions-api-contract` run against a URL.
 *
 * @example
 * const kit = await installKit();
 * const server = await startReferenceServer();
 * const run = await runKit(kit, ["--base-url", server.url, "--key", "sk_demo_full"]);
 * run.code; // 0
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export const packageDir = join(import.meta.dirname, "..", "..");

export interface InstalledKit {
  /** The directory of the project the kit was installed into. */
  dir: string;
  /** The installed command. */
  bin: string;
  remove(): Promise<void>;
}

/**
 * Packs the built package and installs the tarball with npm into a fresh project outside the
 * workspace. Needs a built `dist` (turbo's test task builds it first) and the npm registry.
 */
export async function installKit(): Promise<InstalledKit> {
  if (!existsSync(join(packageDir, "dist", "cli.js"))) {
    throw new Error(
      "packages/contract-tests/dist is missing: run `pnpm --filter @sessions-api/contract-tests build` first.",
    );
  }
  const dir = await mkdtemp(join(tmpdir(), "sessions-api-kit-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await run("pnpm", ["pack", "--pack-destination", dir], { cwd: packageDir, timeout: 240_000 });
    const [tarball] = (await readdir(dir)).filter((file) => file.endsWith(".tgz"));
    if (!tarball) throw new Error(`pnpm pack wrote no tarball to ${dir}`);
    const project = join(dir, "their-api");
    await mkdir(project);
    await writeFile(join(project, "package.json"), JSON.stringify({ name: "their-api", private: true }));
    await run(
      "npm",
      ["install", join(dir, tarball), "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
      { cwd: project, timeout: 240_000, killSignal: "SIGKILL" },
    );
    return { dir: project, bin: join(project, "node_modules", ".bin", "sessions-api-contract"), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

export interface ReferenceServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the built reference server from its command line on a free port, over a fresh PGlite data
 * directory without demo data, and resolves once it logged the URL it listens on.
 */
export async function startReferenceServer(): Promise<ReferenceServer> {
  const serverEntry = createRequire(import.meta.url).resolve("@sessions-api/server");
  const main = join(dirname(dirname(serverEntry)), "dist", "main.js");
  if (!existsSync(main)) throw new Error(`${main} is missing: build @sessions-api/server first.`);
  const dataDir = await mkdtemp(join(tmpdir(), "sessions-api-kit-server-"));
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      SESSIONS_API_DATA_DIR: dataDir,
      SESSIONS_API_SEED: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stopped = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await stopped;
    await rm(dataDir, { recursive: true, force: true });
  };
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      for (const line of buffered.split("\n")) {
        if (!line.includes('"listening"')) continue;
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    child.once("exit", (code) => reject(new Error(`the reference server exited with ${code}:\n${output}`)));
  }).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  return { url, close };
}

export interface KitRun {
  code: number | null;
  /** stdout and stderr, in order, without colours. */
  output: string;
}

// the environment of a user's shell: none of the variables vitest sets in this test's own worker
function userEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$|TINYPOOL)/.test(name)),
  );
  return { ...env, NO_COLOR: "1", FORCE_COLOR: "0", CI: "1" };
}

/** Runs the installed command with `args` in the project directory and collects what it printed. */
export function runKit(kit: InstalledKit, args: string[]): Promise<KitRun> {
  return new Promise((resolve) => {
    const child = spawn(kit.bin, args, {
      cwd: kit.dir,
      env: userEnvironment(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}
