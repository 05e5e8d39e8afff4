/**
 * A team's deployment in miniature: two instances of the reference server over one PostgreSQL database
 * (a fresh schema), behind HAProxy balancing round robin, each started by the project's own scripts
 * (scripts/ensure-postgres.sh, scripts/ensure-haproxy.sh). The balancer names the instance that answered
 * in `X-Served-By` (`a` or `b`), so a test can see that consecutive requests went to different ones.
 *
 * @example
 * const deployment = await startBalancedInstances();
 * await fetch(`${deployment.url}/readyz`); // through the balancer
 * await fetch(`${deployment.instances.a}/sandbox/clock`, ...); // one instance directly
 * await deployment.close();
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type SessionsServer, startSessionsServer } from "@sessions-api/server";
import pg from "pg";

const run = promisify(execFile);
const scripts = join(import.meta.dirname, "..", "..", "..", "..", "scripts");

/** The last line a project script printed: the URL or path it makes available. */
async function ensure(script: string): Promise<string> {
  const { stdout } = await run("bash", [join(scripts, script)], { timeout: 300_000 });
  const last = stdout.trim().split("\n").at(-1) ?? "";
  if (last === "") throw new Error(`${script} printed nothing`);
  return last;
}

export interface BalancedInstances {
  /** The balancer's origin: requests alternate between the instances. */
  url: string;
  /** Each instance's own origin, to reach one directly. */
  instances: { a: string; b: string };
  /** The PostgreSQL URL and the schema both instances keep their tables in. */
  database: { url: string; schema: string };
  close(): Promise<void>;
}

// a free loopback port for the balancer to bind (the instances pick their own)
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function haproxyConfig(port: number, a: string, b: string): string {
  const address = (url: string) => new URL(url).host;
  return [
    "global",
    "  maxconn 512",
    "defaults",
    "  mode http",
    "  timeout connect 5s",
    "  timeout client 60s",
    "  timeout server 60s",
    "frontend api",
    `  bind 127.0.0.1:${port}`,
    "  default_backend instances",
    "backend instances",
    // each request goes to the next instance, whichever connection it came on
    "  balance roundrobin",
    "  option httpchk GET /readyz",
    "  http-response set-header X-Served-By %[srv_name]",
    `  server a ${address(a)} check inter 2s`,
    `  server b ${address(b)} check inter 2s`,
    "",
  ].join("\n");
}

async function waitForBalancer(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}: ${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`haproxy did not answer on ${url}: ${output()}`);
}

/**
 * Starts PostgreSQL and HAProxy if needed, two instances in a fresh schema, and the balancer before them.
 *
 * @example
 * const { url, close } = await startBalancedInstances();
 */
export async function startBalancedInstances(): Promise<BalancedInstances> {
  const [databaseUrl, haproxy] = await Promise.all([
    ensure("ensure-postgres.sh"),
    ensure("ensure-haproxy.sh"),
  ]);
  const schema = `test_balanced_${randomBytes(5).toString("hex")}`;
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => {});
  };
  try {
    closers.push(async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    });
    const options = { port: 0, host: "127.0.0.1", databaseUrl, databaseSchema: schema, seedDemoData: true };
    // started together: migrations and demo data are applied once
    const servers: SessionsServer[] = await Promise.all([
      startSessionsServer(options),
      startSessionsServer(options),
    ]);
    for (const server of servers) closers.push(() => server.close());
    const [a, b] = servers.map((server) => server.url) as [string, string];

    const port = await freePort();
    const dir = await mkdtemp(join(tmpdir(), "sessions-api-haproxy-"));
    closers.push(() => rm(dir, { recursive: true, force: true }));
    const config = join(dir, "haproxy.cfg");
    await writeFile(config, haproxyConfig(port, a, b));
    // -db: in the foreground, so that it ends with this process's kill
    const child = spawn(haproxy, ["-db", "-f", config], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    );
    const url = `http://127.0.0.1:${port}`;
    await waitForBalancer(url, child, () => output);
    return { url, instances: { a, b }, database: { url: databaseUrl, schema }, close };
  } catch (error) {
    await close();
    throw error;
  }
}
