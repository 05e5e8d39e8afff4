// `sessions-api-server` (dist/main.js) as a user at a terminal meets it: --help, one-line mistakes with
// exit codes 2 and 1, a busy port reported before any data directory is made, a banner that names the
// data directory and whether it was created, --reset, and Ctrl-C (SIGINT) ending with exit 0 and no
// error text.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensureBuilt } from "./child-server.js";

const mainJs = fileURLToPath(new URL("../dist/main.js", import.meta.url));

interface Run {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exit: Promise<number | NodeJS.Signals | null>;
}

// every child still running when the tests end is stopped, so that a failing test leaves no server behind
const children = new Set<ChildProcess>();

// the settings of this process's environment are cleared, so that only the flags given count
function runBin(args: string[], cwd: string): Run {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name === "PORT" || name === "HOST" || name === "DATABASE_URL" || name.startsWith("SESSIONS_API_"))
      delete env[name];
  }
  const child = spawn(process.execPath, [mainJs, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  child.on("close", () => children.delete(child));
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk) => {
    out += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    err += chunk;
  });
  const exit = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.on("close", (code, signal) => resolve(code ?? signal)),
  );
  return { child, stdout: () => out, stderr: () => err, exit };
}

// resolves with the URL once the banner (stderr) and the listening line (stdout) are both out
async function started(run: Run): Promise<string> {
  const exited = run.exit.then((code) => {
    throw new Error(`exited with ${code} before listening:\n${run.stdout()}\n${run.stderr()}`);
  });
  const listening = expect
    .poll(() => run.stdout().includes('"msg":"listening"') && run.stderr().includes("Try:"), {
      timeout: 240_000,
    })
    .toBe(true);
  await Promise.race([listening, exited]);
  const line = run
    .stdout()
    .split("\n")
    .find((l) => l.includes('"msg":"listening"'));
  return (JSON.parse(line ?? "") as { url: string }).url;
}

const auth = { authorization: "Bearer sk_demo_full" };
const sessionStatus = async (url: string) => {
  const response = await fetch(`${url}/v1/residential/sessions/ses_01HX2K3PQ4M5`, { headers: auth });
  return ((await response.json()) as { status: string }).status;
};

describe("sessions-api-server", () => {
  const work = mkdtempSync(join(tmpdir(), "sessions-api-bin-"));
  beforeAll(() => ensureBuilt());
  afterAll(async () => {
    await Promise.all(
      [...children].map((child) => {
        const closed = new Promise((resolve) => child.on("close", resolve));
        child.kill("SIGKILL");
        return closed;
      }),
    );
    rmSync(work, { recursive: true, force: true });
  });

  test("--help lists every flag with its environment variable and default, and exits 0", async () => {
    const run = runBin(["--help"], work);
    expect(await run.exit).toBe(0);
    for (const [flag, variable] of [
      ["--port <n>", "PORT"],
      ["--host <addr>", "HOST"],
      ["--data-dir <dir>", "SESSIONS_API_DATA_DIR"],
      ["--database-url <url>", "DATABASE_URL"],
      ["--database-schema <name>", "SESSIONS_API_DATABASE_SCHEMA"],
      ["--keys-file <file>", "SESSIONS_API_KEYS_FILE"],
      ["--no-seed", "SESSIONS_API_SEED"],
      ["--public-url <url>", "SESSIONS_API_PUBLIC_URL"],
      ["--failed-auth-per-minute <n>", "SESSIONS_API_FAILED_AUTH_PER_MINUTE"],
      ["--metrics-token <token>", "SESSIONS_API_METRICS_TOKEN"],
      ["--max-connections <n>", "SESSIONS_API_MAX_CONNECTIONS"],
      ["--headers-timeout-ms <ms>", "SESSIONS_API_HEADERS_TIMEOUT_MS"],
      ["--request-timeout-ms <ms>", "SESSIONS_API_REQUEST_TIMEOUT_MS"],
      ["--keep-alive-timeout-ms <ms>", "SESSIONS_API_KEEP_ALIVE_TIMEOUT_MS"],
    ]) {
      expect(run.stdout()).toMatch(new RegExp(`${flag}\\s+${variable}\\s+\\S`));
    }
    expect(run.stdout()).toContain("--reset");
    expect(run.stderr()).toBe("");
  });

  test.each([
    [["--prot", "8080"], "sessions-api-server: Unknown option '--prot'; see --help"],
    [["--port", "99999"], "sessions-api-server: --port must be 0-65535; got 99999"],
    [
      ["--max-connections", "lots"],
      "sessions-api-server: --max-connections must be a positive integer; got lots",
    ],
    [
      ["--database-schema", "tenant_a"],
      "sessions-api-server: --database-schema needs DATABASE_URL: the embedded store has no schemas to pick.",
    ],
    [
      ["--reset", "--database-url", "postgres://127.0.0.1:1/none"],
      "sessions-api-server: --reset empties the embedded store's data directory only; with a database URL, drop the schema yourself or pick a new --database-schema.",
    ],
  ])("%j is a usage error: exit 2, one line naming the flag, no data directory", async (args, line) => {
    const cwd = mkdtempSync(join(work, "usage-"));
    const run = runBin([...args, "--data-dir", join(cwd, "data")], cwd);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toBe(`${line}\n`);
    expect(existsSync(join(cwd, "data"))).toBe(false);
  });

  test("a busy port is reported at once by number, exit 1, before any data directory is made", async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const run = runBin(["--port", String(port), "--data-dir", join(work, "busy")], work);
      expect(await run.exit).toBe(1);
      expect(run.stderr()).toBe(
        `sessions-api-server: port ${port} is in use on 127.0.0.1 (--port / PORT): stop what listens there or pick another port, 0 for a free one.\n`,
      );
      expect(existsSync(join(work, "busy"))).toBe(false);
    } finally {
      holder.close();
    }
  });

  test("names its data directory, created then reused; --reset brings fresh demo data; SIGINT exits 0 quietly", async () => {
    const dataDir = join(work, "sandbox");
    const first = runBin(["--port", "0", "--data-dir", dataDir], work);
    const firstUrl = await started(first);
    try {
      expect(first.stderr()).toContain(`Data directory: ${dataDir} (created, demo data seeded)`);
      const deleted = await fetch(`${firstUrl}/v1/residential/sessions/ses_01HX2K3PQ4M5`, {
        method: "DELETE",
        headers: auth,
      });
      expect(deleted.status).toBe(200);
    } finally {
      const banner = first.stderr();
      first.child.kill("SIGINT");
      expect(await first.exit).toBe(0);
      expect(first.stderr()).toBe(banner);
    }

    const second = runBin(["--port", "0", "--data-dir", dataDir], work);
    const secondUrl = await started(second);
    try {
      expect(second.stderr()).toContain(
        `Data directory: ${dataDir} (existing data reused; --reset starts over)`,
      );
      expect(await sessionStatus(secondUrl)).toBe("terminated");
    } finally {
      second.child.kill("SIGINT");
      expect(await second.exit).toBe(0);
    }

    const third = runBin(
      ["--port", "0", "--data-dir", dataDir, "--reset", "--metrics-token", "m3trics"],
      work,
    );
    const thirdUrl = await started(third);
    try {
      expect(third.stderr()).toContain(`Data directory: ${dataDir} (created, demo data seeded)`);
      expect(await sessionStatus(thirdUrl)).toBe("active");
      const scrape = (authorization: string) => fetch(`${thirdUrl}/metrics`, { headers: { authorization } });
      expect((await scrape("Bearer wrong")).status).toBe(401);
      expect((await scrape("Bearer m3trics")).status).toBe(200);
    } finally {
      third.child.kill("SIGINT");
      expect(await third.exit).toBe(0);
    }
  });

  test("--reset refuses a directory that is not one of ours and deletes nothing", async () => {
    const dataDir = join(work, "not-ours");
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, "thesis.tex"), "years of work");
    const run = runBin(["--port", "0", "--data-dir", dataDir, "--reset"], work);
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toBe(
      `sessions-api-server: --reset: ${dataDir} is not a data directory of this server (it holds thesis.tex); nothing was deleted. Remove it yourself or pick another data directory.\n`,
    );
    expect(existsSync(join(dataDir, "thesis.tex"))).toBe(true);
  });
});
