// The built server (`node dist/main.js`) as a child process, for tests that must see the process itself:
// whether it stays up, how it exits, what it logs.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const mainJs = join(packageDir, "dist/main.js");

/** Builds dist/main.js when it is missing: turbo builds before testing, a direct `vitest run` may not. */
export function ensureBuilt(): void {
  if (!existsSync(mainJs)) execFileSync("pnpm", ["build"], { cwd: packageDir, stdio: "ignore" });
}

export interface ChildServer {
  child: ChildProcess;
  /** `http://127.0.0.1:port`, from the first log line. */
  url: string;
  stdout(): string;
  stderr(): string;
  /** Whether the process has exited (by itself or killed). */
  exited(): boolean;
  /** Resolves with the exit code, or the signal that ended it. */
  exit: Promise<number | NodeJS.Signals | null>;
}

/**
 * Starts `node dist/main.js` on a free loopback port with `env` added to this process's environment;
 * resolves once it logs that it listens.
 *
 * @example
 * const server = await startChildServer({ SESSIONS_API_DATA_DIR: dir, SESSIONS_API_SEED: "false" });
 */
export function startChildServer(env: Record<string, string>, cwd = packageDir): Promise<ChildServer> {
  const child = spawn(process.execPath, [mainJs], {
    cwd,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr?.on("data", (chunk) => {
    err += chunk;
  });
  const exit = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? signal)),
  );
  return new Promise((resolve, reject) => {
    let started = false;
    child.stdout?.on("data", (chunk) => {
      out += chunk;
      if (started || !out.includes("\n")) return;
      started = true;
      const line = out.slice(0, out.indexOf("\n"));
      const parsed = JSON.parse(line) as { msg?: string; url?: string };
      if (parsed.msg !== "listening" || parsed.url === undefined) {
        reject(new Error(`unexpected first line ${line}\n${err}`));
        return;
      }
      resolve({
        child,
        url: parsed.url,
        stdout: () => out,
        stderr: () => err,
        exited: () => child.exitCode !== null || child.signalCode !== null,
        exit,
      });
    });
    void exit.then((code) => reject(new Error(`exited with ${code} before listening:\n${out}\n${err}`)));
  });
}
