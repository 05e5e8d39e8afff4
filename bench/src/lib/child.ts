/**
 * Servers under test run in child processes of their own, so that their resident memory is theirs alone
 * and the load generator does not share their event loop. Every child is registered and stopped on exit,
 * also when the benchmark fails or is interrupted.
 *
 * @example
 * const server = await startChild({ name: "ceiling", command: process.execPath, args: ["ceiling.mjs"],
 *   ready: { kind: "listening-line" } });
 * console.log(server.url, server.rss());
 * await server.stop();
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type Readiness =
  /** The child prints a JSON line `{"msg":"listening","url":...}` on stdout (the server's CLI does). */
  | { kind: "listening-line" }
  /** The child listens on a port we chose; ready once `probe` answers with any HTTP status. */
  | { kind: "http-probe"; url: string; probePath: string };

export interface StartChildOptions {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
  ready: Readiness;
  /** How long to wait for readiness before giving up (and stopping the child). */
  timeoutMs?: number;
}

export interface ChildServer {
  name: string;
  pid: number;
  url: string;
  /** Resident set size now, in bytes (Linux /proc). */
  rss(): number;
  /** Peak resident set size since start, in bytes (VmHWM). */
  peakRss(): number;
  /**
   * CPU time the process has used (user + system), in seconds, at 10 ms resolution. Unlike wall time it
   * hardly depends on what else the machine runs, so CPU per request compares servers on a busy machine.
   */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let started = 0;

function stopAllSync(): void {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}
process.on("exit", stopAllSync);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopAllSync();
    process.exit(130);
  });
}

function readCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // fields after the parenthesised command name, which may itself contain spaces
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; in clock ticks (100 Hz)
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

function readStatusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    return match ? Number(match[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * A free TCP port on 127.0.0.1, for a child (Prism) that cannot listen on port 0 and report its port.
 *
 * @example
 * const port = await freePort();
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a child process and resolves once it serves HTTP; rejects (and stops it) if it exits or is not
 * ready in time, with its output in the error.
 *
 * @example
 * const prism = await startChild({ name: "prism", command: process.execPath, args: [prismBin, "mock", spec],
 *   ready: { kind: "http-probe", url: "http://127.0.0.1:4010", probePath: "/healthz" } });
 */
export async function startChild(options: StartChildOptions): Promise<ChildServer> {
  // output goes to a file, not a pipe: a server logging every request would otherwise cost this process
  // (the load generator's) CPU, or block on a full pipe
  const logDir = join(tmpdir(), "sessions-bench-logs");
  mkdirSync(logDir, { recursive: true });
  const logPath = join(logDir, `${options.name}-${process.pid}-${++started}.log`);
  const logFd = openSync(logPath, "w");
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", logFd, logFd],
  });
  closeSync(logFd);
  running.add(child);
  const log = () => {
    try {
      return readFileSync(logPath, "utf8");
    } catch {
      return "";
    }
  };
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(child);
      rmSync(logPath, { force: true });
      return;
    }
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
    running.delete(child);
    rmSync(logPath, { force: true });
  };

  const timeoutMs = options.timeoutMs ?? 60_000;
  const fail = async (reason: string): Promise<never> => {
    const output = log().slice(-4000);
    await stop();
    throw new Error(`${options.name} did not start: ${reason}\n--- output ---\n${output}`);
  };

  const url = await new Promise<string>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`not ready after ${timeoutMs} ms`)), timeoutMs);
    const done = (value: string) => {
      clearTimeout(deadline);
      resolve(value);
    };
    exited.then((code) => {
      clearTimeout(deadline);
      reject(new Error(`exited with code ${code}`));
    });
    if (options.ready.kind === "listening-line") {
      const poll = () => {
        if (child.exitCode !== null) return;
        for (const line of log().split("\n")) {
          try {
            const parsed = JSON.parse(line) as { msg?: unknown; url?: unknown };
            if (parsed.msg === "listening" && typeof parsed.url === "string") {
              done(parsed.url);
              return;
            }
          } catch {
            // not a JSON log line
          }
        }
        setTimeout(poll, 50);
      };
      poll();
    } else {
      const { url: base, probePath } = options.ready;
      const probe = async () => {
        while (child.exitCode === null) {
          try {
            await fetch(new URL(probePath, base), { signal: AbortSignal.timeout(1000) });
            done(base);
            return;
          } catch {
            await new Promise((r) => setTimeout(r, 200));
          }
        }
      };
      void probe();
    }
  }).catch((error: Error) => fail(error.message));

  return {
    name: options.name,
    pid: child.pid as number,
    url,
    rss: () => readStatusKb(child.pid as number, "VmRSS"),
    peakRss: () => readStatusKb(child.pid as number, "VmHWM"),
    cpuSeconds: () => readCpuSeconds(child.pid as number),
    stop,
  };
}
