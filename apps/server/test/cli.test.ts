// The built CLI as a new user runs it: starts on a fresh data directory, prints its URL, docs URL and
// demo keys, serves the seeds' curl examples, stops on SIGTERM, and keeps its data across a restart.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const mainJs = join(packageDir, "dist/main.js");

interface Running {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
}

function startCli(dataDir: string, env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [mainJs], {
    cwd: dataDir,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      SESSIONS_API_DATA_DIR: join(dataDir, ".data"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr?.on("data", (chunk) => {
    err += chunk;
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      out += chunk;
      const first = out.split("\n")[0] ?? "";
      if (out.includes("\n")) {
        const line = JSON.parse(first) as { msg: string; url: string };
        if (line.msg === "listening") resolve({ child, url: line.url, stdout: () => out, stderr: () => err });
        else reject(new Error(`unexpected first line ${first}\n${err}`));
      }
    });
    child.on("exit", (code) => reject(new Error(`exited with ${code} before listening:\n${out}\n${err}`)));
  });
}

function stop(running: Running): Promise<number | null> {
  return new Promise((resolve) => {
    running.child.on("exit", (code) => resolve(code));
    running.child.kill("SIGTERM");
  });
}

describe("node dist/main.js", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "sessions-api-cli-"));
  const auth = { authorization: "Bearer sk_demo_full" };
  beforeAll(() => {
    // turbo builds before testing; a direct `vitest run` builds here
    if (!existsSync(mainJs)) execFileSync("pnpm", ["build"], { cwd: packageDir, stdio: "ignore" });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test("serves the seeds' curl examples, stops on SIGTERM and keeps its data across a restart with a keys file", async () => {
    const first = await startCli(dataDir);
    let firstExit: number | null;
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(JSON.parse(first.stdout().split("\n")[0] ?? "")).toMatchObject({
        level: "info",
        msg: "listening",
        docs_url: `${first.url}/docs`,
      });
      // stderr is another pipe: its banner may arrive just after the stdout line
      await expect.poll(() => first.stderr(), { timeout: 120_000 }).toContain("sk_demo_limited");
      for (const key of ["sk_demo_full", "sk_demo_narrow", "sk_demo_other"])
        expect(first.stderr()).toContain(key);
      const list = await fetch(`${first.url}/v1/residential/sessions?subuser=sub_01HX2K3PQ4M5`, {
        headers: auth,
      });
      expect(list.status).toBe(200);
      const ids = ((await list.json()) as { data: { id: string }[] }).data.map((s) => s.id);
      expect(ids).toContain("ses_01HX2K3PQ4M5");
      const got = await fetch(`${first.url}/v1/residential/sessions/ses_01HX2K3PQ4M5`, { headers: auth });
      expect(((await got.json()) as { status: string }).status).toBe("active");
      const deleted = await fetch(`${first.url}/v1/residential/sessions/ses_01HX2K3PQ4M5`, {
        method: "DELETE",
        headers: auth,
      });
      expect(((await deleted.json()) as { status: string }).status).toBe("terminated");
      const again = await fetch(`${first.url}/v1/residential/sessions/ses_01HX2K3PQ4M5`, { headers: auth });
      expect(((await again.json()) as { status: string }).status).toBe("terminated");
      // request lines are written in batches, some milliseconds after their response
      const deleteLine = () =>
        first
          .stdout()
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .find((line) => line.msg === "request" && line.method === "DELETE");
      await expect.poll(deleteLine, { timeout: 120_000 }).toMatchObject({
        path: "/v1/residential/sessions/ses_01HX2K3PQ4M5",
        status: 200,
        request_id: deleted.headers.get("x-request-id"),
      });
    } finally {
      firstExit = await stop(first);
    }
    expect(firstExit).toBe(0);
    expect(first.stdout()).toContain('"msg":"stopped"');

    // restarted with a keys file: only its keys work, and the data is still there
    const keysFile = join(dataDir, "keys.json");
    writeFileSync(
      keysFile,
      JSON.stringify({
        keys: [{ key: "sk_test_own_key", account: "acct_demo", products: ["residential"], subusers: null }],
      }),
    );
    const second = await startCli(dataDir, { SESSIONS_API_KEYS_FILE: keysFile });
    try {
      const demo = await fetch(`${second.url}/v1/residential/sessions/ses_01HX2K3PQ4M5`, { headers: auth });
      expect(demo.status).toBe(401);
      const kept = await fetch(`${second.url}/v1/residential/sessions/ses_01HX2K3PQ4M5`, {
        headers: { authorization: "Bearer sk_test_own_key" },
      });
      expect(((await kept.json()) as { status: string }).status).toBe("terminated");
    } finally {
      expect(await stop(second)).toBe(0);
    }
  });

  test.each([
    [
      "SESSIONS_API_MAX_CONNECTIONS",
      "lots",
      "SESSIONS_API_MAX_CONNECTIONS must be a positive integer; got lots",
    ],
    [
      "SESSIONS_API_HEADERS_TIMEOUT_MS",
      "60000",
      "headersTimeoutMs (SESSIONS_API_HEADERS_TIMEOUT_MS) must not be longer than requestTimeoutMs (SESSIONS_API_REQUEST_TIMEOUT_MS); got 60000 and 30000.",
    ],
  ])("%s=%s stops it at start, naming the variable", async (variable, value, error) => {
    const failed = startCli(dataDir, { [variable]: value });
    await expect(failed).rejects.toThrow(/"msg":"failed to start"/);
    await expect(failed).rejects.toThrow(error);
  });
});
