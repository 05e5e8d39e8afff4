import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_KEYS } from "./api-keys.js";
import { createSessionsApp, type SessionsSandbox } from "./app.js";
import { buildDemoData } from "./demo-data.js";

const keyOf: Record<string, string> = { acct_demo: DEMO_KEYS.full, acct_other: DEMO_KEYS.other };

describe("the demo data", () => {
  let sandbox: SessionsSandbox;
  const seeded = buildDemoData(new Date());

  beforeAll(async () => {
    sandbox = await createSessionsApp({ seedDemoData: true, purgeIntervalMs: 0 });
  });
  afterAll(() => sandbox?.close());

  const read = async (path: string, account: string) => {
    const response = await sandbox.fetch(
      new Request(`http://127.0.0.1:8080${path}`, { headers: { authorization: `Bearer ${keyOf[account]}` } }),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  test.each(seeded.sessions.map(({ account, session }) => [session.id, session.product, account]))(
    "session %s shows its last 10 requests, or all of them when it made fewer",
    async (id, product, account) => {
      const { status, body } = await read(`/v1/${product}/sessions/${id}`, account);
      expect(status).toBe(200);
      const requests = body.requests as number;
      expect((body.samples as unknown[]).length).toBe(Math.min(requests, 10));
    },
  );

  test("ses_01HX2K3PQ4M5 of the docs made 42 requests and shows 10 of them", async () => {
    const { body } = await read("/v1/residential/sessions/ses_01HX2K3PQ4M5", "acct_demo");
    expect(body.requests).toBe(42);
    expect(body.samples).toHaveLength(10);
  });

  test("application sessions keep the ids the spec's examples name, in their creation order", async () => {
    const { status, body } = await read("/app/sessions", "acct_demo");
    expect(status).toBe(200);
    const listed = (body.application_sessions as { id: string; created_at: string }[]).map((s) => s.id);
    expect(listed).toEqual([
      "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE",
      "as_01HX2M5K2R8WJ7N3T4V6XB9CQF",
      "as_01HX2M1D9F4GH6JKMNPQRSTVWX",
    ]);
  });
});
