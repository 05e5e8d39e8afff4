/**
 * PostgreSQL for the benchmark: started through the project's own scripts/ensure-postgres.sh (which
 * installs and starts it if needed), with a database of its own that is dropped afterwards. If the
 * benchmark started the cluster, it stops it again.
 *
 * @example
 * const postgres = await preparePostgres();
 * console.log(postgres.databaseUrl);
 * await postgres.release();
 */
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import pg from "pg";
import { repoRoot } from "./servers.js";

const benchDatabase = "sessions_api_bench";

export interface PreparedPostgres {
  databaseUrl: string;
  /** Drops the benchmark database, and stops the cluster if the benchmark started it. */
  release(): Promise<void>;
}

function isReady(url: string | undefined): boolean {
  const args = url === undefined ? ["-h", "127.0.0.1", "-p", "5432", "-t", "1"] : ["-d", url, "-t", "1"];
  return spawnSync("pg_isready", args, { stdio: "ignore" }).status === 0;
}

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Ensures a PostgreSQL server and a fresh, empty benchmark database on it.
 *
 * @example
 * const { databaseUrl, release } = await preparePostgres();
 */
export async function preparePostgres(): Promise<PreparedPostgres> {
  const wasRunning = isReady(process.env.DATABASE_URL);
  const output = execFileSync("bash", [join(repoRoot, "scripts/ensure-postgres.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = output.trim().split("\n").at(-1);
  if (url === undefined || !url.startsWith("postgres")) {
    throw new Error(`scripts/ensure-postgres.sh printed no DATABASE_URL as its last line:\n${output}`);
  }
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${benchDatabase}`;
  const recreate = async () =>
    admin(url, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${benchDatabase} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${benchDatabase}`);
    });
  await recreate();
  return {
    databaseUrl: benchUrl.href,
    async release() {
      await admin(url, (client) => client.query(`DROP DATABASE IF EXISTS ${benchDatabase} WITH (FORCE)`));
      if (!wasRunning && process.env.DATABASE_URL === undefined) {
        // started by ensure-postgres.sh for this run: leave the machine as it was
        const clusters = execFileSync("pg_lsclusters", ["-h"], { encoding: "utf8" });
        for (const line of clusters.trim().split("\n")) {
          const [version, name, , status] = line.split(/\s+/);
          if (version !== undefined && name !== undefined && status === "online") {
            spawnSync("pg_ctlcluster", [version, name, "stop"], { stdio: "inherit" });
          }
        }
      }
    },
  };
}
