/**
 * The vendor's own TypeScript client of the application-sessions API (`@ngrok/ngrok-api` 0.11.0,
 * unmodified) against a real reference server: it lists across pages, gets, reads our 404, and deletes.
 * A recording proxy in front of the server shows what the client puts on the wire.
 */
import { Ngrok } from "@ngrok/ngrok-api";
import { type SessionsServer, startSessionsServer } from "@sessions-api/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RecordingProxy, startRecordingProxy } from "./recording-proxy.js";

// an account of its own that starts empty, so the list holds exactly the sessions this file creates
const KEY = "sk_vendor_client";
const SESSIONS = 205;

let server: SessionsServer;
let proxy: RecordingProxy;
let vendor: Ngrok;
/** The sessions this file created, newest first: the order the list must give them in. */
let newestFirst: string[];

async function createSession(): Promise<string> {
  const response = await fetch(`${server.url}/sandbox/app/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    body: "{}",
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const status = async (id: string) =>
  (await fetch(`${server.url}/app/sessions/${id}`, { headers: { authorization: `Bearer ${KEY}` } })).status;

beforeAll(async () => {
  server = await startSessionsServer({
    port: 0,
    keys: [
      {
        key: KEY,
        account: "acct_vendor_client",
        products: ["residential"],
        subusers: null,
        app_sessions: true,
      },
    ],
  });
  proxy = await startRecordingProxy(server.url);
  // the client is configured as its README says: an API token and, for a server of our own, a baseUrl
  vendor = new Ngrok({ apiToken: KEY, baseUrl: proxy.url });
  const created: string[] = [];
  // one at a time: ids sort by creation, so the creation order is the list order, reversed
  for (let i = 0; i < SESSIONS; i++) created.push(await createSession());
  newestFirst = created.reverse();
});

afterAll(async () => {
  await proxy?.close();
  await server?.close();
});

describe("@ngrok/ngrok-api 0.11.0 against the reference server", () => {
  test("list() returns every session exactly once, newest first, across pages of 100", async () => {
    proxy.requests.length = 0;
    const listed = await vendor.applicationSessions.list();
    expect(listed.map((session) => session.id)).toEqual(newestFirst);
    // what it sends: limit=100, then the last id of each page as beforeId (the spec's alias of before_id)
    expect(proxy.requests).toEqual([
      { method: "GET", url: "/app/sessions?limit=100" },
      { method: "GET", url: `/app/sessions?beforeId=${newestFirst[99]}&limit=100` },
      { method: "GET", url: `/app/sessions?beforeId=${newestFirst[199]}&limit=100` },
    ]);
  });

  test("list(beforeId) starts after that session", async () => {
    const listed = await vendor.applicationSessions.list(newestFirst[9]);
    expect(listed.map((session) => session.id)).toEqual(newestFirst.slice(10));
  });

  test("get() returns the session with its fields in camelCase", async () => {
    const id = newestFirst[0] as string;
    const session = await vendor.applicationSessions.get(id);
    expect(session).toMatchObject({
      id,
      uri: `${server.url}/app/sessions/${id}`,
      publicUrl: "https://app.example.com",
      browserSession: { userAgent: { browserName: "Chrome" }, location: { countryCode: "US" } },
    });
  });

  test("a missing session rejects with our 404 body, read as its error", async () => {
    const missing = "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE";
    const error = await vendor.applicationSessions.get(missing).then(
      () => expect.unreachable("get() of a missing session resolved"),
      (reason: unknown) => reason,
    );
    expect(error).toMatchObject({
      errorCode: "ERR_NOT_FOUND",
      statusCode: 404,
      msg: `Application session ${missing} not found.`,
    });
    // it camel-cases every key, also those inside details
    expect((error as { details: Map<string, string> }).details.get("operationId")).toMatch(/^req_/);
  });

  test("delete() deletes, then rejects: it parses our empty 204 body as JSON (its bug, not ours)", async () => {
    const id = await createSession();
    proxy.requests.length = 0;
    await expect(vendor.applicationSessions.delete(id)).rejects.toThrow(SyntaxError);
    expect(proxy.requests).toEqual([{ method: "DELETE", url: `/app/sessions/${id}` }]);
    // the 204 was sent and the delete happened: the session is gone
    expect(await status(id)).toBe(404);
    expect((await vendor.applicationSessions.list()).map((session) => session.id)).toEqual(newestFirst);
  });
});
