import { describe, expect, test } from "vitest";
import { createSessionsClient } from "../src/index.js";
import { API_KEY, BASE_URL, fakeFetch, json, session } from "./helpers.js";

// three pages of two, chained by cursor; the cursor names the page it opens
const gatewayPages: Record<string, { data: ReturnType<typeof session>[]; next_cursor: string | null }> = {
  first: { data: [session("ses_000000000001"), session("ses_000000000002")], next_cursor: "c2" },
  c2: { data: [session("ses_000000000003"), session("ses_000000000004")], next_cursor: "c3" },
  c3: { data: [session("ses_000000000005")], next_cursor: null },
};

function gatewayServer() {
  return fakeFetch((request) => {
    const cursor = new URL(request.url).searchParams.get("cursor") ?? "first";
    const page = gatewayPages[cursor];
    return page
      ? json(200, page)
      : json(400, { error: { code: "invalid_parameter", message: "bad cursor", request_id: "r" } });
  });
}

const clientWith = (fetch: (request: Request) => Promise<Response>, baseUrl = BASE_URL) =>
  createSessionsClient({ baseUrl, apiKey: API_KEY, fetch, retry: false });

describe("gateway sessions list", () => {
  test("yields the items of every page in order, following next_cursor", async () => {
    const server = gatewayServer();
    const ids: string[] = [];
    for await (const s of clientWith(server.fetch).gateway.sessions.list("residential", {
      subuser: "sub_01HX2K3PQ4M5",
    })) {
      ids.push(s.id);
    }
    expect(ids).toEqual([1, 2, 3, 4, 5].map((n) => `ses_00000000000${n}`));
    expect(server.urls()).toEqual([
      `${BASE_URL}/v1/residential/sessions?subuser=sub_01HX2K3PQ4M5`,
      `${BASE_URL}/v1/residential/sessions?subuser=sub_01HX2K3PQ4M5&cursor=c2`,
      `${BASE_URL}/v1/residential/sessions?subuser=sub_01HX2K3PQ4M5&cursor=c3`,
    ]);
  });

  test("sends the filters and page size on every page, and the API key", async () => {
    const server = gatewayServer();
    const query = {
      region: "us",
      asn: 7922,
      repinned: true,
      status: "all",
      session_id: "job1",
      limit: 2,
    } as const;
    await clientWith(server.fetch).gateway.sessions.list("mobile", query).toArray();
    expect(server.requests).toHaveLength(3);
    for (const request of server.requests) {
      const url = new URL(request.url);
      expect(url.pathname).toBe("/v1/mobile/sessions");
      expect(Object.fromEntries([...url.searchParams].filter(([name]) => name !== "cursor"))).toEqual({
        region: "us",
        asn: "7922",
        repinned: "true",
        status: "all",
        session_id: "job1",
        limit: "2",
      });
      expect(request.headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
    }
  });

  test("fetches nothing until iteration starts, and each page only when its first item is needed", async () => {
    const server = gatewayServer();
    const list = clientWith(server.fetch).gateway.sessions.list("residential");
    await Promise.resolve();
    expect(server.requests).toHaveLength(0);

    const iterator = list[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.id).toBe("ses_000000000001");
    expect(server.requests).toHaveLength(1);
    expect((await iterator.next()).value?.id).toBe("ses_000000000002");
    expect(server.requests).toHaveLength(1);
    expect((await iterator.next()).value?.id).toBe("ses_000000000003");
    expect(server.requests).toHaveLength(2);
  });

  test("breaking out of the loop fetches no further page", async () => {
    const server = gatewayServer();
    for await (const s of clientWith(server.fetch).gateway.sessions.list("residential")) {
      if (s.id === "ses_000000000002") break;
    }
    expect(server.requests).toHaveLength(1);
  });

  test("maxItems caps the items and fetches no page past the cap", async () => {
    const server = gatewayServer();
    const items = await clientWith(server.fetch)
      .gateway.sessions.list("residential", {}, { maxItems: 2 })
      .toArray();
    expect(items.map((s) => s.id)).toEqual(["ses_000000000001", "ses_000000000002"]);
    expect(server.requests).toHaveLength(1);

    const three = await clientWith(server.fetch)
      .gateway.sessions.list("residential", {}, { maxItems: 3 })
      .toArray();
    expect(three).toHaveLength(3);
  });

  test("maxItems 0 fetches nothing", async () => {
    const server = gatewayServer();
    expect(
      await clientWith(server.fetch).gateway.sessions.list("residential", {}, { maxItems: 0 }).toArray(),
    ).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  test.each([-1, 1.5, Number.NaN])("rejects maxItems %s with a TypeError", (maxItems) => {
    const server = gatewayServer();
    expect(() => clientWith(server.fetch).gateway.sessions.list("residential", {}, { maxItems })).toThrow(
      TypeError,
    );
  });

  test("pages() yields the pages as on the wire", async () => {
    const server = gatewayServer();
    const cursors: (string | null)[] = [];
    for await (const page of clientWith(server.fetch).gateway.sessions.list("residential").pages()) {
      cursors.push(page.next_cursor);
    }
    expect(cursors).toEqual(["c2", "c3", null]);
  });

  test("listPage fetches exactly one page, from the cursor given", async () => {
    const server = gatewayServer();
    const page = await clientWith(server.fetch).gateway.sessions.listPage("residential", { cursor: "c2" });
    expect(page).toEqual(gatewayPages.c2);
    expect(server.requests).toHaveLength(1);
  });

  test("stops with an error when the server repeats a cursor instead of paging forever", async () => {
    const server = fakeFetch(() => json(200, { data: [session("ses_000000000001")], next_cursor: "same" }));
    const list = clientWith(server.fetch).gateway.sessions.list("residential");
    await expect(list.toArray()).rejects.toThrow(/twice in a row/);
    expect(server.requests).toHaveLength(2);
  });

  test("rejects a product without sessions before sending anything", () => {
    const server = gatewayServer();
    // @ts-expect-error isp has no sessions, so the type refuses it too
    expect(() => clientWith(server.fetch).gateway.sessions.list("isp")).toThrow(
      /only residential and mobile/,
    );
    expect(server.requests).toHaveLength(0);
  });
});

function appSession(n: number) {
  const id = `as_01HX2M8Q7V3ZKJ4T6W9YB2C5${String(n).padStart(2, "0")}`;
  return { id, uri: `${BASE_URL}/app/sessions/${id}` };
}

describe("application sessions list", () => {
  test("follows the absolute next_page_uri verbatim, with the API key", async () => {
    const server = fakeFetch((request) => {
      const url = new URL(request.url);
      if (url.searchParams.get("page") === "2") {
        return json(200, { application_sessions: [appSession(3)], uri: url.href, next_page_uri: null });
      }
      return json(200, {
        application_sessions: [appSession(1), appSession(2)],
        uri: url.href,
        // a parameter the client does not know about proves the URI is not rebuilt
        next_page_uri: `${BASE_URL}/app/sessions?before_id=${appSession(2).id}&limit=2&page=2`,
      });
    });
    const ids: string[] = [];
    for await (const s of clientWith(server.fetch).app.sessions.list({ limit: 2 })) ids.push(s.id);
    expect(ids).toEqual([appSession(1).id, appSession(2).id, appSession(3).id]);
    expect(server.urls()).toEqual([
      `${BASE_URL}/app/sessions?limit=2`,
      `${BASE_URL}/app/sessions?before_id=${appSession(2).id}&limit=2&page=2`,
    ]);
    expect(server.requests[1]?.headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
  });

  test("keeps a base path of baseUrl, since the server's URI carries it", async () => {
    const base = `${BASE_URL}/sessions-api`;
    const server = fakeFetch((request) =>
      new URL(request.url).searchParams.has("before_id")
        ? json(200, { application_sessions: [], uri: request.url, next_page_uri: null })
        : json(200, {
            application_sessions: [appSession(1)],
            uri: request.url,
            next_page_uri: `${base}/app/sessions?before_id=${appSession(1).id}`,
          }),
    );
    await clientWith(server.fetch, base).app.sessions.list().toArray();
    expect(server.urls()).toEqual([
      `${base}/app/sessions`,
      `${base}/app/sessions?before_id=${appSession(1).id}`,
    ]);
  });

  test("refuses to send the API key to a next_page_uri on another origin", async () => {
    const server = fakeFetch(() =>
      json(200, {
        application_sessions: [appSession(1)],
        uri: `${BASE_URL}/app/sessions`,
        next_page_uri: "https://elsewhere.example/app/sessions?before_id=x",
      }),
    );
    const iterator = clientWith(server.fetch).app.sessions.list()[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.id).toBe(appSession(1).id);
    await expect(iterator.next()).rejects.toThrow(/another origin/);
    expect(server.requests).toHaveLength(1);
  });

  test("fetches nothing before iteration and nothing past maxItems", async () => {
    const server = fakeFetch((request) =>
      json(200, {
        application_sessions: [appSession(1), appSession(2)],
        uri: request.url,
        next_page_uri: `${BASE_URL}/app/sessions?before_id=${appSession(2).id}`,
      }),
    );
    const list = clientWith(server.fetch).app.sessions.list({}, { maxItems: 2 });
    expect(server.requests).toHaveLength(0);
    expect(await list.toArray()).toHaveLength(2);
    expect(server.requests).toHaveLength(1);
  });
});
