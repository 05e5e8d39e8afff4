// POST /sandbox/reset, on both stores: the caller's account comes back exactly as a fresh server seeds it
// (compared with a fresh server's answers at the same real time), and no other account is touched.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  createTestApp,
  DEMO_KEYS,
  expectGatewayError,
  newSubuser,
  type TestApp,
  traffic,
  username,
} from "./helpers.js";
import { type AppBackend, appBackends } from "./store-backends.js";

// everything an account's keys can read of it
async function answersOf(app: TestApp, key: string) {
  const read = async (path: string) => {
    const { status, body } = await app.call("GET", path, { key });
    return { path, status, body };
  };
  const lists = await Promise.all([
    read("/v1/residential/sessions?status=all&limit=200"),
    read("/v1/mobile/sessions?status=all&limit=200"),
    read("/app/sessions?limit=100"),
    read("/sandbox/clock"),
  ]);
  const sessions = await Promise.all(
    [...(lists[0]?.body.data ?? []), ...(lists[1]?.body.data ?? [])].map(
      (session: { product: string; id: string }) => read(`/v1/${session.product}/sessions/${session.id}`),
    ),
  );
  return [...lists, ...sessions];
}

// a demo application session's ids are made afresh at each seeding (a ULID: its time, then random): the
// random part is what no two seedings share
const withoutRandomIds = (answers: unknown) =>
  JSON.parse(
    JSON.stringify(answers).replace(/\b([a-z]+_[0-9A-HJKMNP-TV-Z]{10})[0-9A-HJKMNP-TV-Z]{16}\b/g, "$1…"),
  );

describe.each(appBackends().map((make) => [make().name, make] as const))(
  "the sandbox reset on %s",
  (_, make) => {
    let backend: AppBackend;
    let app: TestApp;
    beforeAll(async () => {
      backend = make();
      app = await createTestApp({ ...backend.options, seedDemoData: true });
    });
    afterAll(async () => {
      await app?.close();
      await backend?.dispose();
    });

    test("puts the caller's account back as a fresh server has it, and touches no other account", async () => {
      // acct_demo changes every way it can: sessions started and terminated, application sessions made and
      // deleted, its clock moved; acct_other moves too
      await traffic(app, username(newSubuser(), "reset"));
      await app.call("DELETE", "/v1/residential/sessions/ses_01HX2K3PQ4M5");
      await app.call("POST", "/sandbox/app/sessions", { body: { ttl_seconds: 600 } });
      const demoApps = (await app.call("GET", "/app/sessions?limit=100")).body.application_sessions;
      await app.call("DELETE", `/app/sessions/${demoApps.at(-1).id}`);
      await app.call("POST", "/sandbox/clock/advance", { body: { seconds: 7200 } });
      await app.call("POST", "/sandbox/clock/advance", { key: DEMO_KEYS.other, body: { seconds: 3600 } });
      await traffic(app, username(newSubuser(), "kept"), { key: DEMO_KEYS.other });
      await app.call("POST", "/sandbox/app/sessions", { key: DEMO_KEYS.other, body: {} });
      const otherBefore = await answersOf(app, DEMO_KEYS.other);

      const reset = await app.call("POST", "/sandbox/reset");
      expect(reset.status).toBe(200);
      expect(reset.body).toEqual({ now: new Date(app.time.now).toISOString(), offset_seconds: 0 });

      // a fresh server started at this real time answers acct_demo the same
      const fresh = await createTestApp({ seedDemoData: true });
      try {
        fresh.time.now = app.time.now;
        const expected = withoutRandomIds(await answersOf(fresh, DEMO_KEYS.full));
        expect(withoutRandomIds(await answersOf(app, DEMO_KEYS.full))).toEqual(expected);
      } finally {
        await fresh.close();
      }
      expect(await answersOf(app, DEMO_KEYS.other)).toEqual(otherBefore);
    });

    test("a key that does not reach the whole account is 403 and resets nothing", async () => {
      await app.call("POST", "/sandbox/clock/advance", { body: { seconds: 60 } });
      const before = await answersOf(app, DEMO_KEYS.full);
      expectGatewayError(
        await app.call("POST", "/sandbox/reset", { key: DEMO_KEYS.narrow }),
        403,
        "subuser_scope_mismatch",
      );
      expect(await answersOf(app, DEMO_KEYS.full)).toEqual(before);
    });

    test("traffic after a reset starts and continues sessions as before it", async () => {
      const user = username(newSubuser(), "after");
      expect((await traffic(app, user)).status).toBe(201);
      await app.call("POST", "/sandbox/reset");
      const again = await traffic(app, user);
      expect(again.status).toBe(201);
      expect((await traffic(app, user)).body.id).toBe(again.body.id);
    });
  },
);

describe("the sandbox reset of a server that seeds no demo data", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  test("leaves the account empty, at real time", async () => {
    await traffic(app, username(newSubuser()));
    await app.call("POST", "/sandbox/app/sessions", { body: {} });
    await app.call("POST", "/sandbox/clock/advance", { body: { seconds: 600 } });
    expect((await app.call("POST", "/sandbox/reset")).body.offset_seconds).toBe(0);
    expect((await app.call("GET", "/v1/residential/sessions?status=all")).body.data).toEqual([]);
    expect((await app.call("GET", "/app/sessions")).body.application_sessions).toEqual([]);
  });
});
