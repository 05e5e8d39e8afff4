// List cursors are signed by the server: one it did not issue is 400 on either store, however it was
// made, and one it did issue keeps paging on another instance over the same database and after a restart.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { encodeCursor } from "../src/cursor.js";
import type { SessionsAppOptions } from "../src/index.js";
import { createTestApp, expectGatewayError, newSubuser, type TestApp, traffic, username } from "./helpers.js";
import { dropSchema, postgresUrl } from "./store-backends.js";

interface Backend {
  name: string;
  options(): SessionsAppOptions;
  dispose(): Promise<void>;
}

const pglite: Backend = { name: "pglite", options: () => ({}), dispose: async () => {} };

function postgres(url: string): Backend {
  const schema = `test_cursors_${randomBytes(6).toString("hex")}`;
  return {
    name: "postgres",
    options: () => ({ databaseUrl: url, databaseSchema: schema }),
    dispose: () => dropSchema(url, schema),
  };
}

const backends = postgresUrl === null ? [pglite] : [pglite, postgres(postgresUrl)];

// three sessions of a new sub-user, listed one a page: the sub-user and the first page's cursor
async function firstPage(app: TestApp): Promise<{ subuser: string; cursor: string; ids: string[] }> {
  const subuser = newSubuser();
  const ids: string[] = [];
  for (const session of ["c1", "c2", "c3"]) {
    app.time.now += 1000;
    ids.unshift((await traffic(app, username(subuser, session))).body.id);
  }
  const page = await app.call("GET", `/v1/residential/sessions?subuser=${subuser}&limit=1`);
  expect(page.body.data.map((s: { id: string }) => s.id)).toEqual(ids.slice(0, 1));
  return { subuser, cursor: page.body.next_cursor, ids };
}

const secondPage = (app: TestApp, subuser: string, cursor: string) =>
  app.call("GET", `/v1/residential/sessions?subuser=${subuser}&limit=1&cursor=${cursor}`);

describe.each(backends)("list cursors over $name", (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(backend.options());
  });
  afterAll(async () => {
    await app.close();
    await backend.dispose();
  });

  // the scope a cursor of `?subuser=...` by sk_demo_full is bound to (gateway-routes.ts)
  const scopeOf = (subuser: string) => ({
    account: "acct_demo",
    product: "residential",
    subuser,
    status: "active",
  });

  test("an issued cursor pages on", async () => {
    const { subuser, cursor, ids } = await firstPage(app);
    const page = await secondPage(app, subuser, cursor);
    expect(page.status).toBe(200);
    expect(page.body.data.map((s: { id: string }) => s.id)).toEqual(ids.slice(1, 2));
  });

  test.each([
    ["year 0, which PostgreSQL refuses", "0000-01-01T00:00:00.000Z"],
    ["February 30, which JavaScript rolls over", "2026-02-30T07:00:00.000Z"],
  ])(
    "a cursor the server did not issue is 400 invalid_parameter on cursor, never reaching the query: %s",
    async (_, startedAt) => {
      const { subuser, ids } = await firstPage(app);
      const position = { startedAt, id: ids[0] as string };
      const secret = app.sandbox.store.cursorSecret;
      const forged = [
        // well-formed JSON for the right query, signed with a secret of someone else's
        encodeCursor(position, scopeOf(subuser), randomBytes(32)),
        // signed with the server's own secret (as only the server can): still refused
        encodeCursor(position, scopeOf(subuser), secret),
      ];
      for (const cursor of forged) {
        expectGatewayError(await secondPage(app, subuser, cursor), 400, "invalid_parameter", "cursor");
      }
    },
  );

  test("a cursor altered, cut short or made without the server's secret is 400", async () => {
    const { subuser, cursor, ids } = await firstPage(app);
    const payload = Buffer.from(cursor.slice(0, -22), "base64url").toString();
    const moved = Buffer.from(payload.replace(/"i":"[^"]+"/, `"i":"${ids[2]}"`)).toString("base64url");
    for (const forged of [
      moved + cursor.slice(-22),
      cursor.slice(0, -1),
      cursor.slice(0, -22),
      cursor.slice(1),
      encodeCursor(
        { startedAt: "2026-05-28T07:00:00.000Z", id: ids[0] as string },
        scopeOf(subuser),
        randomBytes(32),
      ),
    ]) {
      expectGatewayError(await secondPage(app, subuser, forged), 400, "invalid_parameter", "cursor");
    }
  });
});

describe.skipIf(postgresUrl === null)("list cursors over one PostgreSQL database", () => {
  const backend = postgres(postgresUrl ?? "");
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp(backend.options());
    b = await createTestApp(backend.options());
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    await backend.dispose();
  });

  test("a cursor issued by one instance pages on another", async () => {
    const { subuser, cursor, ids } = await firstPage(a);
    b.time.now = a.time.now;
    const page = await secondPage(b, subuser, cursor);
    expect(page.status).toBe(200);
    expect(page.body.data.map((s: { id: string }) => s.id)).toEqual(ids.slice(1, 2));
  });
});

describe("list cursors over an embedded store on disk", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "sessions-cursors-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  test("a cursor issued before a restart pages on after it", async () => {
    const before = await createTestApp({ dataDir });
    let issued: Awaited<ReturnType<typeof firstPage>>;
    try {
      issued = await firstPage(before);
    } finally {
      await before.close();
    }
    const after = await createTestApp({ dataDir });
    try {
      after.time.now = before.time.now;
      const page = await secondPage(after, issued.subuser, issued.cursor);
      expect(page.status).toBe(200);
      expect(page.body.data.map((s: { id: string }) => s.id)).toEqual(issued.ids.slice(1, 2));
    } finally {
      await after.close();
    }
    // two starts on a data directory, the first with its initdb
  }, 120_000);
});
