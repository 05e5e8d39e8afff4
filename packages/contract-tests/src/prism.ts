/**
 * Starts Prism (the CLI of @stoplight/prism-cli) on a free loopback port, waits until it answers, and
 * stops it again: as a mock of the spec, or as a validating proxy in front of an upstream server.
 *
 * @example
 * import { startPrism } from "./prism.js";
 * const prism = await startPrism({ mode: "mock" });
 * await fetch(`${prism.url}/healthz`);
 * await prism.close();
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The spec every target is held to. */
export const specPath = fileURLToPath(new URL("../../../spec/openapi.yaml", import.meta.url));

export interface PrismOptions {
  mode: "mock" | "proxy";
  /** Upstream origin for proxy mode. */
  upstream?: string;
  /** The document to serve; the repository's spec by default. */
  document?: string;
  /** How long Prism may take to answer its first request. */
  startTimeoutMs?: number;
}

export interface RunningPrism {
  url: string;
  pid: number | undefined;
  close(): Promise<void>;
}

/**
 * A port the OS reports free now; Prism takes no port 0, so the race window is one spawn.
 *
 * @example
 * const port = await freePort();
 */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function prismBin(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("@stoplight/prism-cli/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: Record<string, string> | string };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin.prism;
  if (!bin) throw new Error("@stoplight/prism-cli declares no prism binary");
  return join(dirname(manifestPath), bin);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolveStop();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Whether the process `pid` holds the listening socket on `port` (Linux `/proc`; elsewhere assumed).
 * Several targets start in parallel under turbo: an answer on the port must come from our own Prism,
 * not from another run's that happened to get the same free port.
 *
 * @example
 * listensOn(child.pid, 4010); // true once Prism is up
 */
export function listensOn(pid: number | undefined, port: number): boolean {
  if (pid === undefined || !existsSync("/proc/net/tcp")) return true;
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  const inodes = new Set(
    fds.flatMap((fd) => {
      try {
        const link = readlinkSync(`/proc/${pid}/fd/${fd}`, { encoding: "utf8" });
        return link.startsWith("socket:[") ? [link.slice(8, -1)] : [];
      } catch {
        // the descriptor closed between listing and reading it (readdir's own, for one)
        return [];
      }
    }),
  );
  const portHex = port.toString(16).toUpperCase().padStart(4, "0");
  return ["/proc/net/tcp", "/proc/net/tcp6"].some(
    (table) =>
      existsSync(table) &&
      readFileSync(table, "utf8")
        .split("\n")
        .slice(1)
        .some((line) => {
          const fields = line.trim().split(/\s+/);
          // fields: sl, local_address, rem_address, st (0A = LISTEN), ..., inode (index 9)
          return fields[1]?.endsWith(`:${portHex}`) && fields[3] === "0A" && inodes.has(fields[9] ?? "");
        }),
  );
}

/**
 * Starts Prism and resolves once it answers `GET /healthz` on a port it holds itself.
 *
 * @example
 * const proxy = await startPrism({ mode: "proxy", upstream: server.url });
 */
export async function startPrism(options: PrismOptions): Promise<RunningPrism> {
  const port = await freePort();
  const document = options.document ?? specPath;
  const args =
    options.mode === "mock"
      ? ["mock", document]
      : // request validation off: bad input must reach the server, whose answers Prism then validates
        ["proxy", document, options.upstream ?? "", "--errors", "--validate-request", "false"];
  const child = spawn(
    process.execPath,
    [prismBin(), ...args, "-p", String(port), "-h", "127.0.0.1", "-v", "error"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`prism ${options.mode} exited with ${child.exitCode}:\n${output}`);
    try {
      await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
      if (listensOn(child.pid, port)) return { url, pid: child.pid, close: () => stop(child) };
      await new Promise((wait) => setTimeout(wait, 150));
    } catch {
      await new Promise((wait) => setTimeout(wait, 150));
    }
  }
  await stop(child);
  throw new Error(`prism ${options.mode} did not answer on ${url} within the start timeout:\n${output}`);
}
