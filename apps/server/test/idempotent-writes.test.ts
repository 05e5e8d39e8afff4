// Sandbox writes with an Idempotency-Key, on both stores: one effect per key, the first answer replayed,
// 400 for a key sent with another request, 409 while the key's first request runs, 400 for a bad key.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiKeyDigestOf, fingerprintOf } from "../src/idempotency.js";
import {
  type CallResult,
  createTestApp,
  DEMO_KEYS,
  expectAppError,
  expectGatewayError,
  newSubuser,
  type TestApp,
  username,
} from "./helpers.js";
import { type AppBackend, appBackends } from "./store-backends.js";

const day = 24 * 3600 * 1000;
let keyCounter = 0;
const newKey = () => `key-${++keyCounter}-${Math.random().toString(36).slice(2)}`;
const keyed = (key: string) => ({ "Idempotency-Key": key });

function expectReplay(first: CallResult, second: CallResult): void {
  expect({ status: second.status, body: second.body }).toEqual({ status: first.status, body: first.body });
  expect(second.headers.get("x-request-id")).toBe(first.headers.get("x-request-id"));
  expect(second.headers.get("location")).toBe(first.headers.get("location"));
  expect(first.headers.get("idempotent-replayed")).toBeNull();
  expect(second.headers.get("idempotent-replayed")).toBe("true");
}

describe.each(appBackends().map((make) => [make().name, make] as const))(
  "idempotent sandbox writes on %s",
  (_, make) => {
    let backend: AppBackend;
    let app: TestApp;
    beforeAll(async () => {
      backend = make();
      app = await createTestApp(backend.options);
    });
    afterAll(async () => {
      await app?.close();
      await backend?.dispose();
    });

    const appSessionCount = async (key: string = DEMO_KEYS.full) =>
      (await app.call("GET", "/app/sessions?limit=100", { key })).body.application_sessions.length;

    test("the same key and body create one application session, and the second answer is the first's", async () => {
      const before = await appSessionCount();
      const key = newKey();
      const body = { ttl_seconds: 3600 };
      const first = await app.call("POST", "/sandbox/app/sessions", { body, headers: keyed(key) });
      const second = await app.call("POST", "/sandbox/app/sessions", { body, headers: keyed(key) });
      expect(first.status).toBe(201);
      expectReplay(first, second);
      expect(await appSessionCount()).toBe(before + 1);
    });

    test("without a key, every request runs", async () => {
      const before = await appSessionCount();
      await app.call("POST", "/sandbox/app/sessions", { body: {} });
      await app.call("POST", "/sandbox/app/sessions", { body: {} });
      expect(await appSessionCount()).toBe(before + 2);
    });

    test("a traffic report with one key is counted once, and an advance with one key moves the clock once", async () => {
      const key = newKey();
      const user = username(newSubuser());
      const body = {
        username: user,
        requests: [
          {
            method: "GET",
            target_host: "a.example",
            target_port: 443,
            status_code: 200,
            bytes: 10,
            duration_ms: 1,
          },
        ],
      };
      const first = await app.call("POST", "/sandbox/v1/residential/traffic", { body, headers: keyed(key) });
      const second = await app.call("POST", "/sandbox/v1/residential/traffic", { body, headers: keyed(key) });
      expectReplay(first, second);
      expect((await app.call("GET", `/v1/residential/sessions/${first.body.id}`)).body.requests).toBe(1);

      const clock = (await app.call("GET", "/sandbox/clock")).body;
      const advanceKey = newKey();
      const moved = await app.call("POST", "/sandbox/clock/advance", {
        body: { seconds: 60 },
        headers: keyed(advanceKey),
      });
      const again = await app.call("POST", "/sandbox/clock/advance", {
        body: { seconds: 60 },
        headers: keyed(advanceKey),
      });
      expectReplay(moved, again);
      expect((await app.call("GET", "/sandbox/clock")).body.offset_seconds).toBe(clock.offset_seconds + 60);
    });

    test("a 4xx the operation answered is kept and replayed too", async () => {
      const key = newKey();
      const path = "/sandbox/app/sessions/as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE/activity";
      const first = await app.call("POST", path, { headers: keyed(key) });
      expectAppError(first, 404, "ERR_NOT_FOUND");
      expectReplay(first, await app.call("POST", path, { headers: keyed(key) }));
    });

    test("the key with another body, path or operation is 400 idempotency_key_reused, and nothing runs", async () => {
      const key = newKey();
      await app.call("POST", "/sandbox/clock/advance", { body: { seconds: 5 }, headers: keyed(key) });
      const clock = (await app.call("GET", "/sandbox/clock")).body;
      expectGatewayError(
        await app.call("POST", "/sandbox/clock/advance", { body: { seconds: 6 }, headers: keyed(key) }),
        400,
        "idempotency_key_reused",
        "Idempotency-Key",
      );
      const before = await appSessionCount();
      expectAppError(
        await app.call("POST", "/sandbox/app/sessions", { body: {}, headers: keyed(key) }),
        400,
        "ERR_INVALID_PARAMETER",
        "Idempotency-Key",
      );
      expect(await appSessionCount()).toBe(before);
      expect((await app.call("GET", "/sandbox/clock")).body).toEqual(clock);
    });

    test("a JSON body spaced otherwise is the same request", async () => {
      const key = newKey();
      const first = await app.call("POST", "/sandbox/clock/advance", {
        rawBody: '{"seconds":7}',
        headers: { ...keyed(key), "content-type": "application/json" },
      });
      const second = await app.call("POST", "/sandbox/clock/advance", {
        rawBody: '{ "seconds": 7 }',
        headers: { ...keyed(key), "content-type": "application/json" },
      });
      expectReplay(first, second);
    });

    test("keys are each API key's own: another API key's same key runs", async () => {
      const key = newKey();
      const mine = await app.call("POST", "/sandbox/app/sessions", { body: {}, headers: keyed(key) });
      const theirs = await app.call("POST", "/sandbox/app/sessions", {
        key: DEMO_KEYS.other,
        body: {},
        headers: keyed(key),
      });
      expect(theirs.status).toBe(201);
      expect(theirs.body.id).not.toBe(mine.body.id);
      expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    });

    test.each([
      ["empty", ""],
      ["256 characters", "k".repeat(256)],
    ])("an %s key is 400 invalid_parameter naming Idempotency-Key, and nothing runs", async (_, key) => {
      const clock = (await app.call("GET", "/sandbox/clock")).body;
      expectGatewayError(
        await app.call("POST", "/sandbox/clock/advance", { body: { seconds: 1 }, headers: keyed(key) }),
        400,
        "invalid_parameter",
        "Idempotency-Key",
      );
      expect((await app.call("GET", "/sandbox/clock")).body).toEqual(clock);
    });

    test("a key of 255 characters is taken", async () => {
      const key = `${newKey()}-`.padEnd(255, "k");
      expect(
        (await app.call("POST", "/sandbox/clock/advance", { body: { seconds: 1 }, headers: keyed(key) }))
          .status,
      ).toBe(200);
    });

    test("while the key's first request runs, another with it is 409 with Retry-After, and does not run", async () => {
      const key = newKey();
      const body = { seconds: 30 };
      // the first request, as far as the store can tell: claimed, and no answer yet
      const claim = await app.sandbox.store.idempotencyKeys.claim({
        apiKeyDigest: apiKeyDigestOf(DEMO_KEYS.full),
        key,
        fingerprint: fingerprintOf("POST", "/sandbox/clock/advance", body),
        now: new Date(app.time.now),
      });
      expect(claim.kind).toBe("claimed");
      const clock = (await app.call("GET", "/sandbox/clock")).body;
      const busy = await app.call("POST", "/sandbox/clock/advance", { body, headers: keyed(key) });
      expectGatewayError(busy, 409, "idempotency_key_in_use", "Idempotency-Key");
      expect(busy.headers.get("retry-after")).toBe("1");
      expect((await app.call("GET", "/sandbox/clock")).body).toEqual(clock);
      // a claim whose request never answers (its instance stopped) is taken over after a minute
      app.time.now += 61_000;
      expect((await app.call("POST", "/sandbox/clock/advance", { body, headers: keyed(key) })).status).toBe(
        200,
      );
    });

    test("requests sent together with one key have one effect", async () => {
      const before = await appSessionCount();
      const key = newKey();
      const answers = await Promise.all(
        Array.from({ length: 6 }, () =>
          app.call("POST", "/sandbox/app/sessions", { body: {}, headers: keyed(key) }),
        ),
      );
      for (const answer of answers) expect([201, 409]).toContain(answer.status);
      const created = answers.filter((answer) => answer.status === 201);
      expect(new Set(created.map((answer) => answer.body.id)).size).toBe(1);
      expect(created.filter((answer) => answer.headers.get("idempotent-replayed") === null)).toHaveLength(1);
      expect(await appSessionCount()).toBe(before + 1);
    });

    test("a key is kept 24 hours of real time, which the test clock does not shorten", async () => {
      const key = newKey();
      const first = await app.call("POST", "/sandbox/app/sessions", {
        body: { ttl_seconds: 7 * 86_400 },
        headers: keyed(key),
      });
      await app.call("POST", "/sandbox/clock/advance", { body: { seconds: 2 * 86_400 } });
      expectReplay(
        first,
        await app.call("POST", "/sandbox/app/sessions", {
          body: { ttl_seconds: 7 * 86_400 },
          headers: keyed(key),
        }),
      );
      app.time.now += day;
      const later = await app.call("POST", "/sandbox/app/sessions", {
        body: { ttl_seconds: 7 * 86_400 },
        headers: keyed(key),
      });
      expect(later.status).toBe(201);
      expect(later.body.id).not.toBe(first.body.id);
      expect(later.headers.get("idempotent-replayed")).toBeNull();
    });

    test("the purge deletes keys older than 24 hours of real time, and no younger one", async () => {
      const key = newKey();
      const body = { seconds: 1 };
      await app.call("POST", "/sandbox/clock/advance", { body, headers: keyed(key) });
      const { idempotencyKeys } = app.sandbox.store;
      await idempotencyKeys.purge(new Date(app.time.now + day - 1000));
      const request = {
        apiKeyDigest: apiKeyDigestOf(DEMO_KEYS.full),
        key,
        fingerprint: fingerprintOf("POST", "/sandbox/clock/advance", body),
        now: new Date(app.time.now),
      };
      expect((await idempotencyKeys.claim(request)).kind).toBe("replay");
      expect(await idempotencyKeys.purge(new Date(app.time.now + day))).toBeGreaterThan(0);
      // gone: the key is claimed afresh, even at the time it was first sent
      expect((await idempotencyKeys.claim(request)).kind).toBe("claimed");
    });
  },
);
