/**
 * Servers that each break one rule of the spec the way an implementation could, by wrapping the
 * reference server's answers: the evidence that each case pinning a rule can fail. A break names the
 * case that must catch it (a pattern of the case's name, for `--grep`).
 *
 * @example
 * const handler = breakRules(serverUrl, [ruleBreaks.samplesFromFirstRequests]);
 * const served = await serveFetch(handler);
 */
export type Forward = (request: Request) => Promise<Response>;

export interface RuleBreak {
  /** The rule as the spec states it, broken here. */
  rule: string;
  /** A regular expression matching the name of the case that must fail. */
  caseName: string;
  handle(request: Request, next: Forward): Promise<Response>;
}

type Json = Record<string, unknown>;

function json(body: unknown, status: number, from: Headers): Response {
  const headers = new Headers(from);
  headers.delete("content-length");
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify(body), { status, headers });
}

/** Rewrites a JSON answer of one of `statuses` for the requests `applies` selects. */
function rewrite(
  applies: (request: Request, url: URL) => boolean,
  statuses: number | number[],
  change: (body: Json, request: Request) => Json | Promise<Json>,
): RuleBreak["handle"] {
  return async (request, next) => {
    const response = await next(request);
    if (!applies(request, new URL(request.url)) || ![statuses].flat().includes(response.status))
      return response;
    return json(await change((await response.json()) as Json, request), response.status, response.headers);
  };
}

// the request's headers for a new body (or none): its length and type describe the old one
function headersWithoutBody(request: Request): Headers {
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  return headers;
}

const isGet = (request: Request) => request.method === "GET";
const isGatewayList = (request: Request, url: URL) =>
  isGet(request) && /^\/v1\/(residential|mobile)\/sessions$/.test(url.pathname);
const isReport = (request: Request, url: URL) =>
  request.method === "POST" && /^\/sandbox\/v1\/[a-z]+\/traffic$/.test(url.pathname);
const isAppSessionBody = (body: Json) => typeof body.id === "string" && body.id.startsWith("as_");

export const ruleBreaks = {
  nextCursorOnFullLastPage: {
    rule: "next_cursor is null on the last page (here: a full page always gets one, to an empty page)",
    caseName: "the last page has next_cursor null",
    async handle(request, next) {
      const url = new URL(request.url);
      const cursor = url.searchParams.get("cursor");
      if (isGatewayList(request, url) && cursor?.startsWith("kitempty")) {
        return json({ data: [], next_cursor: null }, 200, new Headers({ "x-request-id": "req_kit_empty" }));
      }
      const limit = Number(url.searchParams.get("limit") ?? 50);
      return rewrite(isGatewayList, 200, (body) =>
        body.next_cursor === null && (body.data as unknown[]).length === limit
          ? { ...body, next_cursor: "kitempty" }
          : body,
      )(request, next);
    },
  },
  defaultPageSizeIgnored: {
    rule: "limit defaults to 50 (here: no limit means every session)",
    caseName: "a page holds 50 sessions when the request gives no limit",
    handle(request, next) {
      const url = new URL(request.url);
      if (!isGatewayList(request, url) || url.searchParams.has("limit")) return next(request);
      url.searchParams.set("limit", "200");
      return next(new Request(url, request));
    },
  },
  terminatedGoneAtExpiry: {
    rule: "a terminated record is kept 24 h after termination (here: it goes at expires_at)",
    caseName: "a terminated record stays 24 h after its termination",
    async handle(request, next) {
      const url = new URL(request.url);
      const read = isGet(request) && /^\/v1\/[a-z]+\/sessions\/[^/]+$/.test(url.pathname);
      if (!read && !isGatewayList(request, url)) return next(request);
      const response = await next(request);
      if (response.status !== 200) return response;
      const clock = await next(
        new Request(new URL("/sandbox/clock", url), { headers: headersWithoutBody(request) }),
      ).then((answer) => answer.json() as Promise<{ now: string }>);
      const gone = (session: Json) =>
        session.status === "terminated" && Date.parse(String(session.expires_at)) < Date.parse(clock.now);
      const body = (await response.json()) as Json;
      if (read && gone(body)) {
        const error = {
          code: "session_not_found",
          message: "Expired.",
          request_id: response.headers.get("x-request-id"),
        };
        return json({ error }, 404, response.headers);
      }
      if (read) return json(body, 200, response.headers);
      return json(
        { ...body, data: (body.data as Json[]).filter((session) => !gone(session)) },
        200,
        response.headers,
      );
    },
  },
  samplesFromFirstRequests: {
    rule: "samples are the last 10 requests, newest first (here: a big report keeps its first 10)",
    caseName: "samples are the session's last 10 requests",
    async handle(request, next) {
      if (!isReport(request, new URL(request.url))) return next(request);
      const report = (await request.clone().json()) as { requests?: Json[] };
      return rewrite(isReport, 201, (body) => {
        const requests = report.requests ?? [];
        if (requests.length <= 10) return body;
        const at = (body.samples as Json[])[0]?.at;
        return {
          ...body,
          samples: requests
            .slice(0, 10)
            .reverse()
            .map((sent) => ({ at, ...sent })),
        };
      })(request, next);
    },
  },
  upperCaseGeoFolded: {
    rule: "<cc>, <st> and <city> are lower case (here: upper case is folded into lower case)",
    caseName: "upper-case region|region-US-session|state-CA-session|city-LA-session",
    async handle(request, next) {
      if (!isReport(request, new URL(request.url))) return next(request);
      const body = (await request.clone().json()) as Json;
      const username = String(body.username).replace(
        /-(region|state|city)-([A-Za-z0-9_]+)(?=-)/g,
        (_, segment: string, value: string) => `-${segment}-${value.toLowerCase()}`,
      );
      return next(
        new Request(request.url, {
          method: "POST",
          headers: headersWithoutBody(request),
          body: JSON.stringify({ ...body, username }),
        }),
      );
    },
  },
  cityDropped: {
    rule: "a session's city is the one its username targets (here: always null)",
    caseName: "a session restates its username",
    handle: rewrite(
      (request, url) => url.pathname.startsWith("/v1/") || isReport(request, url),
      [200, 201],
      (body) =>
        Array.isArray(body.data)
          ? { ...body, data: (body.data as Json[]).map((session) => ({ ...session, city: null })) }
          : { ...body, city: null },
    ),
  },
  startedOnTheRealClock: {
    rule: "every timestamp comes from the test clock (here: started_at from the real one)",
    caseName: "a session starts, and an application session is created, at the test clock's now",
    handle: rewrite(isReport, 201, (body) => ({ ...body, started_at: new Date().toISOString() })),
  },
  activityIgnored: {
    rule: "recording activity sets last_active to now (here: it changes nothing)",
    caseName: "recording activity sets last_active to the clock's now",
    handle(request, next) {
      const match = /^\/sandbox\/app\/sessions\/([^/]+)\/activity$/.exec(new URL(request.url).pathname);
      if (request.method !== "POST" || !match) return next(request);
      return next(
        new Request(new URL(`/app/sessions/${match[1]}`, request.url), {
          headers: headersWithoutBody(request),
        }),
      );
    },
  },
  edgeAndRouteNull: {
    rule: "edge and route are null only for an agent-initiated endpoint (here: always null)",
    caseName: "an ordinary session has an edge and a route",
    async handle(request, next) {
      const response = await next(request);
      if (response.status !== 200 && response.status !== 201) return response;
      if (!response.headers.get("content-type")?.includes("json")) return response;
      const body = (await response.json()) as Json;
      const blank = (session: Json) => ({ ...session, edge: null, route: null });
      const changed = Array.isArray(body.application_sessions)
        ? { ...body, application_sessions: (body.application_sessions as Json[]).map(blank) }
        : isAppSessionBody(body)
          ? blank(body)
          : body;
      return json(changed, response.status, response.headers);
    },
  },
  applicationUserIgnored: {
    rule: "application_user_id names the session's user (here: a new user regardless)",
    caseName: "a session says what its creation gave",
    handle: rewrite(
      (request, url) => request.method === "POST" && url.pathname === "/sandbox/app/sessions",
      201,
      (body) => ({
        ...body,
        application_user: { ...(body.application_user as Json), id: "au_someone_else" },
      }),
    ),
  },
  appNextPageOnFullPage: {
    rule: "next_page_uri is null on the last page (here: a full page always links to a next one)",
    caseName: "when the sessions end exactly at a page boundary",
    handle: rewrite(
      (request, url) => isGet(request) && url.pathname === "/app/sessions",
      200,
      (body, request) => {
        const url = new URL(request.url);
        const limit = Number(url.searchParams.get("limit") ?? 100);
        const sessions = body.application_sessions as Json[];
        const last = sessions.at(-1);
        if (body.next_page_uri !== null || sessions.length !== limit || !last) return body;
        const origin = new URL(String(body.uri)).origin;
        return { ...body, next_page_uri: `${origin}/app/sessions?before_id=${last.id}&limit=${limit}` };
      },
    ),
  },
  expiredDeleted: {
    rule: "deleting an expired application session is 404 (here: 204)",
    caseName: "an application session is gone after created_at \\+ ttl_seconds",
    async handle(request, next) {
      const response = await next(request);
      if (request.method !== "DELETE" || response.status !== 404) return response;
      if (!new URL(request.url).pathname.startsWith("/app/sessions/")) return response;
      return new Response(null, {
        status: 204,
        headers: { "x-request-id": response.headers.get("x-request-id") ?? "req" },
      });
    },
  },
  deletedAnchorForever: {
    rule: "a deleted application session anchors before_id for 24 hours only (here: forever)",
    caseName: "a deleted application session anchors pages for 24 hours",
    handle: rewrite(
      (request, url) =>
        isGet(request) && url.pathname === "/app/sessions" && url.searchParams.has("before_id"),
      400,
      (_, request) => ({ application_sessions: [], uri: request.url, next_page_uri: null }),
    ),
  },
  expiredTerminated: {
    rule: "terminating an expired session is 404 (here: the last record seen, terminated)",
    caseName: "a session is live until started_at \\+ sesstime, then gone",
    handle: (() => {
      const seen = new Map<string, Json>();
      return async (request: Request, next: Forward) => {
        const response = await next(request);
        const match = /^\/v1\/[a-z]+\/sessions\/([^/]+)$/.exec(new URL(request.url).pathname);
        if (!match?.[1]) return response;
        if (response.status === 200) {
          const body = (await response.json()) as Json;
          seen.set(match[1], body);
          return json(body, 200, response.headers);
        }
        const last = seen.get(match[1]);
        if (request.method !== "DELETE" || response.status !== 404 || !last) return response;
        return json(
          { ...last, status: "terminated", terminated_at: new Date().toISOString() },
          200,
          response.headers,
        );
      };
    })(),
  },
  clockPerAccount: {
    rule: "each account has its own test clock (here: one account's advance moves every account's clock)",
    caseName: "advancing another account's test clock leaves this account's sessions and clock untouched",
    handle: (() => {
      // the offset every account's clock gets from the other account's advances
      let shared = 0;
      return async (request: Request, next: Forward) => {
        const url = new URL(request.url);
        const fromOther = request.headers.get("authorization") === "Bearer sk_demo_other";
        const advance = url.pathname === "/sandbox/clock/advance" && fromOther;
        const asked = advance ? ((await request.clone().json()) as Json) : {};
        const response = await next(request);
        if (advance && response.status === 200) shared += Number(asked.seconds);
        if (url.pathname !== "/sandbox/clock" || !isGet(request) || fromOther || response.status !== 200)
          return response;
        const body = (await response.json()) as Json;
        return json({ ...body, offset_seconds: Number(body.offset_seconds) + shared }, 200, response.headers);
      };
    })(),
  },
} satisfies Record<string, RuleBreak>;

/**
 * A fetch handler: the server at `serverUrl` with `breaks` applied, the first outermost.
 *
 * @example
 * await serveFetch(breakRules(server.url, Object.values(ruleBreaks)));
 */
export function breakRules(
  serverUrl: string,
  breaks: readonly RuleBreak[],
): (request: Request) => Promise<Response> {
  const forward: Forward = (request) => {
    const { pathname, search } = new URL(request.url);
    return fetch(new Request(`${serverUrl}${pathname}${search}`, request));
  };
  return breaks.reduceRight<Forward>((next, broken) => (request) => broken.handle(request, next), forward);
}
