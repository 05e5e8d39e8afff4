// What the server acknowledged survives its sudden death: the built server is killed with SIGKILL while
// traffic reports and terminations run against it, then started again on the same store. Every report
// answered 200/201 is in its session (at least the requests and bytes it was answered with) and every
// termination answered 200 reads back `terminated`. On both stores: PGlite in a data directory, and
// PostgreSQL in a schema of its own.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_KEYS } from "../src/index.js";
import { type ChildServer, ensureBuilt, startChildServer } from "./child-server.js";
import { dropSchema, postgresUrl } from "./store-backends.js";

const auth = { authorization: `Bearer ${DEMO_KEYS.full}` };
// only guards against a hang: every wait ends as soon as its condition holds
const BOUND_MS = 60_000;
// how much must be acknowledged before each kill, so that the kill lands among writes of both kinds
const REPORTS_PER_ROUND = 40;
const TERMINATIONS_PER_ROUND = 8;
const ROUNDS = 2;

interface SessionSeen {
  requests: number;
  bytes: number;
}

/** What the server has acknowledged, over every life of it. */
interface Acknowledged {
  reports: number;
  terminations: number;
  // the most each session was answered with
  sessions: Map<string, SessionSeen>;
  terminated: Set<string>;
}

interface Session {
  id: string;
  requests: number;
  bytes_used: number;
  status: "active" | "terminated";
}

async function waitFor(what: string, condition: () => boolean): Promise<void> {
  const giveUpAt = Date.now() + BOUND_MS;
  while (!condition()) {
    if (Date.now() > giveUpAt) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Traffic reports (three at a time; every third one starts a session) and terminations of the sessions
 * they started, until stopped. Only an answer read whole counts as acknowledged.
 */
function driveWrites(baseUrl: string, subuser: string, acknowledged: Acknowledged) {
  let running = true;
  let inFlight = 0;
  const send = async (method: string, path: string, body?: unknown): Promise<Session | undefined> => {
    inFlight++;
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: body === undefined ? auth : { ...auth, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const answer = (await response.json()) as Session;
      return response.ok ? answer : undefined;
    } catch {
      // the server died with this request: not acknowledged
      return undefined;
    } finally {
      inFlight--;
    }
  };
  const started: string[] = [];
  const report = async (worker: number) => {
    for (let n = 0; running; n++) {
      const bytes = 1 + ((worker * 7 + n) % 50);
      const session = await send("POST", "/sandbox/v1/residential/traffic", {
        username: `user-${subuser}-region-us-session-w${worker}r${Math.floor(n / 3)}-sesstime-30`,
        requests: [
          {
            method: "GET",
            target_host: "www.example.com",
            target_port: 443,
            status_code: 200,
            bytes,
            duration_ms: 3,
          },
        ],
      });
      if (session === undefined) continue;
      acknowledged.reports++;
      const seen = acknowledged.sessions.get(session.id);
      acknowledged.sessions.set(session.id, {
        requests: Math.max(seen?.requests ?? 0, session.requests),
        bytes: Math.max(seen?.bytes ?? 0, session.bytes_used),
      });
      if (seen === undefined) started.push(session.id);
    }
  };
  const terminate = async () => {
    while (running) {
      // the oldest session not yet terminated: some of its username's reports may still be on their way
      const id = started.shift();
      if (id === undefined) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        continue;
      }
      const session = await send("DELETE", `/v1/residential/sessions/${id}`);
      if (session?.status !== "terminated") continue;
      acknowledged.terminations++;
      acknowledged.terminated.add(id);
    }
  };
  const loops = [report(0), report(1), report(2), terminate()];
  return {
    inFlight: () => inFlight,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

// every acknowledged write, read back from a server started again on the same store
async function expectAcknowledgedWrites(server: ChildServer, acknowledged: Acknowledged): Promise<void> {
  const missing: string[] = [];
  for (const [id, seen] of acknowledged.sessions) {
    const response = await fetch(`${server.url}/v1/residential/sessions/${id}`, { headers: auth });
    const session = (await response.json()) as Session;
    if (response.status !== 200) {
      missing.push(`${id}: ${response.status}`);
      continue;
    }
    if (session.requests < seen.requests || session.bytes_used < seen.bytes) {
      missing.push(
        `${id}: ${session.requests} requests / ${session.bytes_used} bytes, acknowledged ${seen.requests} / ${seen.bytes}`,
      );
    }
    if (acknowledged.terminated.has(id) && session.status !== "terminated") {
      missing.push(`${id}: ${session.status}, acknowledged terminated`);
    }
  }
  expect(missing).toEqual([]);
}

interface Store {
  name: string;
  /** The environment of a server on this store; the same each time, so a restart finds the data. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

function pgliteStore(): Store {
  const dir = mkdtempSync(join(tmpdir(), "sessions-api-crash-"));
  return {
    name: "PGlite in a data directory",
    env: { SESSIONS_API_DATA_DIR: join(dir, "data") },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresStore(): Store {
  const url = postgresUrl ?? "";
  const schema = `test_crash_${randomBytes(5).toString("hex")}`;
  return {
    name: "PostgreSQL in a schema of its own",
    env: { DATABASE_URL: url, SESSIONS_API_DATABASE_SCHEMA: schema },
    dispose: () => dropSchema(url, schema),
  };
}

const stores = postgresUrl === null ? [pgliteStore] : [pgliteStore, postgresStore];

describe.each(stores.map((make) => ({ make })))("kill -9 during ingest and terminations", ({ make }) => {
  const store = make();
  beforeAll(() => ensureBuilt());
  afterAll(() => store.dispose());

  test(`keeps every acknowledged write on ${store.name}`, {
    timeout: (ROUNDS + 1) * 4 * BOUND_MS,
  }, async () => {
    const acknowledged: Acknowledged = {
      reports: 0,
      terminations: 0,
      sessions: new Map(),
      terminated: new Set(),
    };
    const subuser = `sub_K${randomBytes(5).toString("hex")}`;
    const env = { ...store.env, SESSIONS_API_SEED: "false" };
    for (let round = 1; round <= ROUNDS; round++) {
      const server = await startChildServer(env);
      try {
        if (round > 1) await expectAcknowledgedWrites(server, acknowledged);
        const writes = driveWrites(server.url, subuser, acknowledged);
        const enough = {
          reports: acknowledged.reports + REPORTS_PER_ROUND,
          terminations: acknowledged.terminations + TERMINATIONS_PER_ROUND,
        };
        try {
          await waitFor(
            `${enough.reports} reports and ${enough.terminations} terminations acknowledged`,
            () => acknowledged.reports >= enough.reports && acknowledged.terminations >= enough.terminations,
          );
          await waitFor("writes in flight", () => writes.inFlight() > 0);
          server.child.kill("SIGKILL");
          expect(await server.exit).toBe("SIGKILL");
        } finally {
          await writes.stop();
        }
      } finally {
        if (!server.exited()) server.child.kill("SIGKILL");
      }
    }
    const last = await startChildServer(env);
    try {
      await expectAcknowledgedWrites(last, acknowledged);
    } finally {
      last.child.kill("SIGTERM");
    }
    expect(await last.exit).toBe(0);
  });
});
