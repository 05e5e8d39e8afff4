// The server over PostgreSQL while the database goes away and comes back: a TCP proxy between them is cut
// (every connection ended, new ones refused) and restored, while ingest, reads and terminations run
// through real HTTP. The server stays up and answers every request, 2xx or the documented 503, says 503
// on /readyz while the database is away (and 200 on /healthz: it is alive), and serves again by itself
// once it is back. The embedded store
// failing is answered the same way.
import { randomBytes } from "node:crypto";
import { openapiDocument } from "@sessions-api/openapi/document";
import { createSchemaValidator } from "@sessions-api/openapi/validator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSessionsApp, DEMO_KEYS, type Logger, startSessionsServer } from "../src/index.js";
import { ensureBuilt, startChildServer } from "./child-server.js";
import { postgresUrl } from "./store-backends.js";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.js";

const validator = createSchemaValidator();
const auth = { authorization: `Bearer ${DEMO_KEYS.full}` };
// only guards against a hang: every wait below ends as soon as its condition holds
const BOUND_MS = 60_000;
// how long the database stays away once the server has noticed, as in the report of the bug
const OUTAGE_MS = 3_000;
// a few bounded waits in a row, and a server to start
const TEST_TIMEOUT_MS = 6 * BOUND_MS;

type Phase = "before" | "outage" | "after";
type Kind = "ingest" | "read" | "terminate" | "app";

interface Answer {
  kind: Kind;
  operationId: string;
  method: string;
  path: string;
  /** The phase the request was sent in. */
  phase: Phase;
  status: number | null;
  retryAfter: string | null;
  requestId: string | null;
  body: unknown;
  /** What fetch threw when no answer came (a dropped connection). */
  failure?: string;
}

async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  checkAlive: () => void = () => {},
): Promise<void> {
  const giveUpAt = Date.now() + BOUND_MS;
  while (!(await condition())) {
    checkAlive();
    if (Date.now() > giveUpAt) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// the response the spec documents for an operation and status, or undefined
function documentedResponse(operationId: string, status: number): { content?: unknown } | undefined {
  for (const item of Object.values(openapiDocument.paths ?? {})) {
    for (const operation of Object.values(item as Record<string, unknown>)) {
      const op = operation as { operationId?: string; responses?: Record<string, unknown> };
      if (op.operationId === operationId) return validator.resolve(op.responses?.[String(status)]);
    }
  }
  return undefined;
}

/**
 * Requests that run until stopped, each kind in its own loop: traffic reports (new usernames, which take
 * a transaction, and known ones, which go by id), terminations of the sessions they started, and reads in
 * both error families. Each answer is kept with the phase it was asked in.
 */
function driveTraffic(baseUrl: string, state: { phase: Phase }) {
  const answers: Answer[] = [];
  const sessions: string[] = [];
  const subuser = `sub_O${randomBytes(5).toString("hex")}`;
  let running = true;
  const send = async (kind: Kind, operationId: string, method: string, path: string, body?: unknown) => {
    const phase = state.phase;
    const answer: Answer = {
      kind,
      operationId,
      method,
      path,
      phase,
      status: null,
      retryAfter: null,
      requestId: null,
      body: undefined,
    };
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: body === undefined ? auth : { ...auth, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      answer.status = response.status;
      answer.retryAfter = response.headers.get("retry-after");
      answer.requestId = response.headers.get("x-request-id");
      const text = await response.text();
      answer.body = text === "" ? undefined : JSON.parse(text);
    } catch (error) {
      answer.failure = String((error as Error).cause ?? error);
    }
    answers.push(answer);
    return answer;
  };
  const ingest = async (worker: number) => {
    for (let n = 0; running; n++) {
      // every fourth report starts a session; the others add to the one before
      const username = `user-${subuser}-region-us-session-w${worker}n${Math.floor(n / 4)}-sesstime-30`;
      const requests = [
        {
          method: "GET",
          target_host: "www.example.com",
          target_port: 443,
          status_code: 200,
          bytes: 100,
          duration_ms: 5,
        },
      ];
      const answer = await send("ingest", "reportTraffic", "POST", "/sandbox/v1/residential/traffic", {
        username,
        requests,
      });
      const id = (answer.body as { id?: string } | undefined)?.id;
      if (answer.status === 201 && id !== undefined) sessions.push(id);
    }
  };
  const read = async () => {
    for (let n = 0; running; n++) {
      const known = sessions.at(-1 - (n % 5));
      if (n % 2 === 0 || known === undefined) {
        await send("read", "listResidentialSessions", "GET", "/v1/residential/sessions?limit=5");
      } else {
        await send("read", "getSession", "GET", `/v1/residential/sessions/${known}`);
      }
    }
  };
  const terminate = async () => {
    for (let n = 0; running; n++) {
      // each session started, in order; past the last, earlier ones again (terminated: answered unchanged)
      const id = sessions[n % Math.max(1, sessions.length)];
      if (id === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
      else await send("terminate", "terminateSession", "DELETE", `/v1/residential/sessions/${id}`);
    }
  };
  const app = async () => {
    for (let n = 0; running; n++) {
      if (n % 3 === 0) await send("app", "createApplicationSession", "POST", "/sandbox/app/sessions", {});
      else await send("app", "listApplicationSessions", "GET", "/app/sessions?limit=5");
    }
  };
  const loops = [ingest(0), ingest(1), ingest(2), read(), terminate(), app()];
  return {
    answers,
    async stop(): Promise<Answer[]> {
      running = false;
      await Promise.all(loops);
      return answers;
    },
  };
}

async function health(baseUrl: string, path: "/readyz" | "/healthz" = "/readyz"): Promise<number | null> {
  try {
    const response = await fetch(`${baseUrl}${path}`);
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

/**
 * Cuts the database away under traffic, holds the outage, restores it, and returns every answer; checks
 * on the way that /readyz follows the database (and /healthz does not) and that every kind of request is refused during the
 * outage and served again after it.
 */
async function runOutage(baseUrl: string, proxy: TcpProxy, checkAlive = () => {}): Promise<Answer[]> {
  // a wait that gives up says what every kind of request got in every phase
  const until = (what: string, condition: () => boolean | Promise<boolean>) =>
    waitFor(what, condition, checkAlive).catch((error: Error) => {
      const counts = new Map<string, number>();
      for (const a of traffic.answers) {
        const key = `${a.phase} ${a.kind} ${a.status ?? a.failure}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      throw new Error(`${error.message}; answers so far: ${JSON.stringify(Object.fromEntries(counts))}`);
    });
  const state: { phase: Phase } = { phase: "before" };
  const traffic = driveTraffic(baseUrl, state);
  const seen = (phase: Phase, kind: Kind, ok: (status: number | null) => boolean) =>
    traffic.answers.some((a) => a.phase === phase && a.kind === kind && ok(a.status));
  const kinds: Kind[] = ["ingest", "read", "terminate", "app"];
  const succeeded = (status: number | null) => status !== null && status < 300;
  try {
    await until("every kind of request to succeed before the outage", () =>
      kinds.every((kind) => seen("before", kind, succeeded)),
    );
    expect(await health(baseUrl)).toBe(200);

    state.phase = "outage";
    await proxy.cut();
    await until("/readyz to say 503", async () => (await health(baseUrl)) === 503);
    await until("every kind of request to get 503 during the outage", () =>
      kinds.every((kind) => seen("outage", kind, (status) => status === 503)),
    );
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    expect(await health(baseUrl)).toBe(503);
    // alive all along: restarting it would not bring the database back
    expect(await health(baseUrl, "/healthz")).toBe(200);

    await proxy.restore();
    state.phase = "after";
    await until("/readyz to say 200 again", async () => (await health(baseUrl)) === 200);
    await until("every kind of request to succeed again", () =>
      kinds.every((kind) => seen("after", kind, succeeded)),
    );
  } finally {
    await traffic.stop();
  }
  return traffic.answers;
}

// every answer is a success or the documented 503: in the family's error body, with Retry-After
function expectSuccessOr503(answers: readonly Answer[]): void {
  const wrong = answers.filter((a) => a.status === null || (a.status >= 300 && a.status !== 503));
  expect(
    wrong.map(
      (a) => `${a.method} ${a.path} (${a.phase}): ${a.status ?? a.failure} ${JSON.stringify(a.body)}`,
    ),
  ).toEqual([]);
  for (const answer of answers.filter((a) => a.status === 503)) {
    const documented = documentedResponse(answer.operationId, 503) as
      | { content?: { "application/json"?: { schema?: object } } }
      | undefined;
    const schema = documented?.content?.["application/json"]?.schema;
    expect(schema, `503 documented for ${answer.operationId}`).toBeDefined();
    expect(validator.validate(schema as object, answer.body).errors).toEqual([]);
    expect(answer.retryAfter).toMatch(/^[1-9]\d*$/);
    if (answer.kind === "app") {
      expect(answer.body).toMatchObject({
        error_code: "ERR_INTERNAL",
        status_code: 503,
        details: { operation_id: answer.requestId },
      });
    } else {
      expect(answer.body).toMatchObject({
        error: { code: "service_unavailable", request_id: answer.requestId },
      });
    }
  }
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl ?? "" });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

describe.skipIf(postgresUrl === null)("a PostgreSQL outage under traffic", () => {
  const target = new URL(postgresUrl ?? "postgres://localhost");
  const schemas: string[] = [];
  const newSchema = () => {
    const schema = `test_outage_${randomBytes(5).toString("hex")}`;
    schemas.push(schema);
    return schema;
  };
  let proxy: TcpProxy;

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    ensureBuilt();
  });
  afterAll(async () => {
    await proxy?.close();
    for (const schema of schemas) await dropSchema(schema);
  });

  test(
    "in process: requests get 2xx or 503 service_unavailable with Retry-After, /readyz follows the database, and service resumes by itself",
    async () => {
      const unexpected: string[] = [];
      const logger: Logger = {
        info: () => {},
        error: (msg, fields) => {
          if (msg === "unhandled error") unexpected.push(`${msg} ${JSON.stringify(fields)}`);
        },
      };
      const server = await startSessionsServer({
        port: 0,
        databaseUrl: proxy.urlThrough(postgresUrl ?? ""),
        databaseSchema: newSchema(),
        purgeIntervalMs: 0,
        logger,
      });
      try {
        const answers = await runOutage(server.url, proxy);
        expectSuccessOr503(answers);
        expect(unexpected).toEqual([]);
      } finally {
        await proxy.restore();
        await server.close();
      }
    },
    TEST_TIMEOUT_MS,
  );

  test(
    "as a child process (node dist/main.js): no unhandled 'error' event ends it, and it serves again after the outage",
    async () => {
      const server = await startChildServer({
        DATABASE_URL: proxy.urlThrough(postgresUrl ?? ""),
        SESSIONS_API_DATABASE_SCHEMA: newSchema(),
        SESSIONS_API_SEED: "false",
      });
      try {
        const answers = await runOutage(server.url, proxy, () => {
          if (server.exited()) throw new Error(`the server exited:\n${server.stderr()}`);
        });
        expect(server.exited(), server.stderr()).toBe(false);
        expectSuccessOr503(answers);
        const logged = server
          .stdout()
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line) as { msg: string });
        expect(logged.filter((line) => line.msg === "unhandled error")).toEqual([]);
      } finally {
        await proxy.restore();
        if (!server.exited()) server.child.kill("SIGTERM");
      }
      expect(await server.exit).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );
});

describe("an embedded store that has failed", () => {
  test("answers 503 in each family's body with Retry-After, and /readyz 503, instead of 500", async () => {
    const logged: string[] = [];
    const sandbox = await createSessionsApp({
      seedDemoData: true,
      purgeIntervalMs: 0,
      logger: { info: () => {}, error: (msg) => logged.push(msg) },
    });
    // the store goes away under the app, as a failed engine would: nothing it is asked answers
    await sandbox.store.close();
    const call = async (operationId: string, method: string, path: string, body?: unknown) => {
      const response = await sandbox.fetch(
        new Request(`http://127.0.0.1${path}`, {
          method,
          headers: body === undefined ? auth : { ...auth, "content-type": "application/json" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
      const kind: Kind = path.startsWith("/app") || path.startsWith("/sandbox/app") ? "app" : "read";
      return {
        kind,
        operationId,
        method,
        path,
        phase: "outage",
        status: response.status,
        retryAfter: response.headers.get("retry-after"),
        requestId: response.headers.get("x-request-id"),
        body: await response.json(),
      } satisfies Answer;
    };
    const answers = [
      await call("getReadiness", "GET", "/readyz"),
      // a request found the embedded store failed: the process is no longer alive in any useful sense
      await call("getHealth", "GET", "/healthz"),
      await call("listResidentialSessions", "GET", "/v1/residential/sessions"),
      await call("getSession", "GET", "/v1/residential/sessions/ses_01HX2K3PQ4M5"),
      await call("reportTraffic", "POST", "/sandbox/v1/residential/traffic", {
        username: "user-sub_01HX2K3PQ4M5-region-us-session-failed-sesstime-30",
        requests: [
          {
            method: "GET",
            target_host: "www.example.com",
            target_port: 443,
            status_code: 200,
            bytes: 1,
            duration_ms: 1,
          },
        ],
      }),
      await call("listApplicationSessions", "GET", "/app/sessions"),
      await call("createApplicationSession", "POST", "/sandbox/app/sessions", {}),
    ];
    expect(answers.map((a) => `${a.operationId} ${a.status}`)).toEqual(
      answers.map((a) => `${a.operationId} 503`),
    );
    expectSuccessOr503(answers);
    expect(logged).not.toContain("unhandled error");
    // its store is closed already: closing the sandbox has nothing left to close
    await sandbox.close().catch(() => {});
  });
});
