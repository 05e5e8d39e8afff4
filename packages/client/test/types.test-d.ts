import { describe, expectTypeOf, test } from "vitest";
import {
  type AppErrorCode,
  type ApplicationSession,
  type AutoPagingList,
  createSessionsClient,
  type GatewayErrorCode,
  type operations,
  type RateLimitedError,
  type Session,
  type SessionDetail,
  type SessionPage,
  type SessionsApiError,
  type SessionsApiErrorCode,
} from "../src/index.js";

const client = createSessionsClient({ baseUrl: "http://127.0.0.1:8080", apiKey: "sk_demo_full" });

describe("the raw client", () => {
  test("accepts every path of the spec and types its data", async () => {
    const { data } = await client.raw.GET("/v1/{product}/sessions/{id}", {
      params: { path: { product: "residential", id: "ses_01HX2K3PQ4M5" } },
    });
    // openapi-fetch wraps response types in Readable<>, so compare both ways rather than by identity
    expectTypeOf(data).toMatchTypeOf<SessionDetail | undefined>();
    expectTypeOf<SessionDetail>().toMatchTypeOf<NonNullable<typeof data>>();
    const clock = await client.raw.GET("/sandbox/clock");
    expectTypeOf(clock.data?.offset_seconds).toEqualTypeOf<number | undefined>();
  });

  test("rejects a path the spec does not have", () => {
    // @ts-expect-error there is no /v1/isp/sessions in the spec
    void client.raw.GET("/v1/isp/sessions");
    // @ts-expect-error the app family has no PUT
    void client.raw.PUT("/app/sessions/{id}", { params: { path: { id: "as_1" } } });
  });

  test("rejects a wrong parameter type and a missing path parameter", () => {
    // @ts-expect-error limit is an integer
    void client.raw.GET("/v1/residential/sessions", { params: { query: { limit: "50" } } });
    // @ts-expect-error the path needs an id
    void client.raw.GET("/v1/{product}/sessions/{id}", { params: { path: { product: "residential" } } });
    // @ts-expect-error seconds is a number
    void client.raw.POST("/sandbox/clock/advance", { body: { seconds: "60" } });
  });
});

describe("the resource layer", () => {
  test("lists are async iterables of the spec's items, with pages of the spec's pages", () => {
    const sessions = client.gateway.sessions.list("residential", { subuser: "sub_01HX2K3PQ4M5" });
    expectTypeOf(sessions).toEqualTypeOf<AutoPagingList<Session, SessionPage>>();
    expectTypeOf(sessions).toMatchTypeOf<AsyncIterable<Session>>();
    expectTypeOf(client.app.sessions.list()).toMatchTypeOf<AsyncIterable<ApplicationSession>>();
    expectTypeOf(client.gateway.sessions.terminate).returns.toEqualTypeOf<Promise<SessionDetail>>();
    expectTypeOf(client.app.sessions.delete).returns.toEqualTypeOf<Promise<void>>();
  });

  test("filters are the spec's query parameters of both products", () => {
    type Residential = NonNullable<operations["listResidentialSessions"]["parameters"]["query"]>;
    type Mobile = NonNullable<operations["listMobileSessions"]["parameters"]["query"]>;
    expectTypeOf<Residential>().toEqualTypeOf<Mobile>();
    expectTypeOf(client.gateway.sessions.list).parameter(1).toEqualTypeOf<Residential | undefined>();
  });

  test("rejects an unknown filter, a wrong filter type and a product without sessions", () => {
    // @ts-expect-error there is no country filter (it is region)
    void client.gateway.sessions.list("residential", { country: "us" });
    // @ts-expect-error repinned is a boolean
    void client.gateway.sessions.list("mobile", { repinned: "yes" });
    // @ts-expect-error status is active, terminated or all
    void client.gateway.sessions.listPage("mobile", { status: "expired" });
    // @ts-expect-error isp has no sessions
    void client.gateway.sessions.get("isp", "ses_01HX2K3PQ4M5");
    // @ts-expect-error application sessions page by before_id, not cursor
    void client.app.sessions.list({ cursor: "abc" });
    // @ts-expect-error beforeId is the spec's alias for another vendor's client; this one sends before_id
    void client.app.sessions.listPage({ beforeId: "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE" });
  });

  test("IP addresses are strings (the spec's IpAddress: ipv4 or ipv6)", () => {
    expectTypeOf<Session["exit_ip"]>().toEqualTypeOf<string>();
    expectTypeOf<ApplicationSession["browser_session"]["ip_address"]>().toEqualTypeOf<string>();
  });

  test("timestamps stay RFC 3339 strings, as on the wire", () => {
    expectTypeOf<Session["expires_at"]>().toEqualTypeOf<string>();
    expectTypeOf<Session["terminated_at"]>().toEqualTypeOf<string | null>();
    expectTypeOf<ApplicationSession["last_active"]>().toEqualTypeOf<string>();
  });
});

describe("errors", () => {
  test("codes are the union of the spec's two families", () => {
    expectTypeOf<SessionsApiErrorCode>().toEqualTypeOf<GatewayErrorCode | AppErrorCode>();
    expectTypeOf<SessionsApiError["code"]>().toEqualTypeOf<SessionsApiErrorCode | null>();
    expectTypeOf<"session_not_found">().toMatchTypeOf<SessionsApiErrorCode>();
    expectTypeOf<"ERR_NOT_FOUND">().toMatchTypeOf<SessionsApiErrorCode>();
    // @ts-expect-error not a code of the spec
    const unknown: SessionsApiErrorCode = "session_expired";
    void unknown;
  });

  test("RateLimitedError carries retryAfter in seconds", () => {
    expectTypeOf<RateLimitedError["retryAfter"]>().toEqualTypeOf<number | null>();
    expectTypeOf<RateLimitedError>().toMatchTypeOf<SessionsApiError>();
  });
});
