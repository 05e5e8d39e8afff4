// This file is generated from spec/openapi.yaml by packages/openapi/scripts/generate.mjs.
// Do not edit it by hand: change the spec, then run `pnpm generate`.
// It holds the OpenAPI document as a value, for serving it and validating against it.

import type { OpenApiDocument } from "../openapi-document-type.js";

export const openapiDocument: OpenApiDocument = {
  "openapi": "3.1.0",
  "info": {
    "title": "Sessions API",
    "version": "1.0.0",
    "summary": "Gateway sticky sessions and application sessions, read and terminated over one API.",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    },
    "contact": {
      "name": "Sessions API maintainers",
      "url": "https://github.com/sessions-api/sessions-api"
    },
    "description": "Two families of sessions share this document.\n\n**Gateway sticky sessions** (`/v1/...`) are the proxy gateway's sticky sessions on the\n`residential` and `mobile` products. A sticky session is keyed by the *full proxy username*\n(`user-<subuser>-region-<cc>[-state-<st>][-city-<city>][-asn-<n>]-session-<id>-sesstime-<minutes>`):\nthe same `session_id` under another geo or sub-user is a different session. A session starts with\nthe first proxied request for its username, and `expires_at = started_at + sesstime`. Terminating a\nsession early keeps its record for 24 hours with `status: terminated`; the next request with the\nsame username starts a new session on a new exit IP. The `isp` product has no sessions: every ISP IP\nis itself permanent, so there is no transient session state to inspect.\n\n**Application sessions** (`/app/...`) are browser sessions behind an endpoint. This part of the API is\nwire-compatible with the application-sessions API it was specified from: existing clients of that API\nwork unmodified, including its paging (`before_id`, `limit`, `next_page_uri`) and its error body.\n\n**Sandbox** (`/sandbox/...`) operations exist only on the reference server. They are **not part of the\nproduction API**: they let tests and client developers report proxied traffic, create application\nsessions and move a test clock, because the production API can only read and delete sessions.\n\n## Conventions\n- **Authentication.** Every operation except `GET /healthz` and `GET /readyz` takes an API key as a bearer token:\n  `Authorization: Bearer <key>`. A key belongs to one account and carries a scope: the gateway\n  products it may read (`residential`, `mobile`), optionally the sub-users it is limited to, and\n  whether it covers the account's application sessions (a key limited to some sub-users or products\n  reaches them only if its scope says so).\n  Sub-user ids are per account: two accounts may each have a sub-user of one id, and they are two\n  sub-users; a key's sub-users are its own account's.\n  A missing or unknown key gets `401`. A key whose account owns a session, but whose scope does not\n  cover that session's product or sub-user, gets `403 subuser_scope_mismatch`; a key whose scope\n  does not cover application sessions gets `403` (`ERR_UNAUTHORIZED`, `status_code: 403`) on every\n  `/app` and `/sandbox/app` operation. Sessions of other accounts are invisible: `404` by id, absent\n  from lists.\n- **Errors.** Each family keeps one error body for every 4xx and 5xx response. Gateway and sandbox\n  gateway operations answer with `GatewayError` (`{\"error\": {\"code\", \"message\", \"request_id\", ...}}`);\n  application-session operations answer with `AppError` (`{\"error_code\", \"status_code\", \"msg\",\n  \"details\"}`), as the API they are compatible with does. A path that does not exist gets `404\n  not_found` (`ERR_NOT_FOUND`) and a method a path does not support gets `405 method_not_allowed`\n  (`ERR_METHOD_NOT_ALLOWED`) with an `Allow` header, each in the error body of the family the path\n  belongs to (`/app` and `/sandbox/app` paths: `AppError`; every other path: `GatewayError`).\n  A request that cannot be read as HTTP/1.1 reaches no operation and gets `malformed_request`\n  (`ERR_MALFORMED_REQUEST`) in the same way (in `GatewayError` when its path could not be read:\n  bytes that fail in their own request line, or a connection that ends before a request's headers\n  do), and the connection is closed: `400` for a broken request line, header or chunked body or\n  a body cut short, a request target that is not a path (`*`, `host:443`: the server is no proxy,\n  and answers `CONNECT` like any other method) or a `Host` header that is missing (HTTP/1.1),\n  empty, repeated or not a host and port, `431` when the request line and headers pass 16 KiB, `408`\n  when the request does not arrive in time (see Limits). Bad input never gets a 5xx.\n  Error messages (`message`, `msg`) follow the request's `Accept-Language` header: `zh`, `zh-CN`\n  or `zh-Hans` get Chinese, any other language English; codes (`code`, `error_code`) never change\n  with the language. Error responses carry a `Content-Language` header naming the message's language;\n  answers made before a request could be read (`malformed_request`, the connection limit) are in English.\n- **Availability.** When the server cannot reach its store (the database is down, restarting or\n  unreachable), every operation but `GET /healthz` (liveness) answers `503` with a `Retry-After`\n  header (seconds) in the family's error body: `service_unavailable` in `GatewayError`, and `ERR_INTERNAL` with `status_code: 503` in\n  `AppError`, whose codes stay those of the API it is compatible with. The server keeps running and\n  serves again by itself once the store is back. A write answered `503` may have been made before\n  the connection was lost: read it back before repeating it. Any other server failure is `500`.\n- **Paths** are matched exactly as this document writes them: a path with a trailing slash, or with\n  a `.` or `..` segment (as is or percent-encoded, `%2e`), names no documented path and gets `404\n  not_found` (`ERR_NOT_FOUND`); dot segments are never resolved.\n- **Limits.** A request's headers must arrive within 10 s of the connection opening (on a kept-alive\n  connection, of the request's first byte), and all of it within 30 s; a connection idle for 5 s\n  between requests is closed. An operation that takes a JSON body reads up to 1 MiB of it (past\n  that: `400 invalid_request_body`); one that takes no body ignores up to 1 KiB of one (past that:\n  `400 malformed_request`, and the operation does not run). A body the answer did not need is not\n  read to its end: that answer closes the connection. A server that holds its limit of connections\n  answers one more at once, before reading from it, with `503 service_unavailable` in\n  `GatewayError` and a `Retry-After` header (seconds), and closes it. The times and the connection\n  limit are the reference server's defaults; its README says how to change them.\n- **Unknown query parameters** of an operation that takes query parameters (the lists) are rejected\n  with `400 invalid_parameter` (`ERR_INVALID_PARAMETER`) naming them, so that a misspelled filter\n  never silently widens a list (or what gets terminated from it).\n- **Request ids.** Every response carries `X-Request-Id`; the same id is in every error body, and is\n  the id to quote to support.\n- **Rate limits.** Each API key has a request budget; past it, requests get `429` with a\n  `Retry-After` header (seconds) and the family's error body. Every response to a known key tells\n  the budget in the `RateLimit-Policy` and `RateLimit` headers of\n  draft-ietf-httpapi-ratelimit-headers-10 (`RateLimit-Policy: \"default\";q=600;w=60`,\n  `RateLimit: \"default\";r=597;t=1`: 597 requests left, full again in 1 s). Unknown API keys are budgeted too, per\n  client address (the connection's own, not a header such as `X-Forwarded-For`; an IPv6 client counts\n  as its /64): past its budget (the reference server's default: 30 unknown keys a minute), every\n  request from that address gets the same `429`, whatever key it sends, until the budget refills.\n  Keys used from other addresses are not affected.\n- **Time.** Timestamps are RFC 3339 in UTC. The reference server takes every timestamp of an\n  account from that account's clock: the real one, moved forward by the account's sandbox test clock.\n  Each account has its own test clock (as a test clock in Stripe moves only what is attached to it):\n  moving it expires, purges and stamps that account's sessions only, and every other account stays\n  at its own time.\n"
  },
  "x-generator-notes": [
    {
      "generator": "openapi-zod-client@1.18.3",
      "issue": "Constraints inside a union are not generated: a nullable string (`state`, `city`, `next_cursor`,\n`terminated_at`, `next_page_uri`) loses its `pattern` or `format`, and `IpAddress` its formats.\n`unevaluatedProperties: false` is not read, so `Session` and `SessionDetail` parse with\n`.passthrough()` and keep fields the spec does not define.\n",
      "workaround": "Validate with the spec's own schemas (JSON Schema 2020-12, e.g. Ajv) where it matters."
    },
    {
      "generator": "swagger-typescript-api@13.13.0",
      "issue": "An operation whose success response is a `$ref` to `components/responses` (all with a body but\n`reportTraffic`, `createApplicationSession`, `getHealth` and `getReadiness`) is generated without `format:\n\"json\"`: its `data` is `null` and the body is left unread. `AppError.details` gets an `any` index signature, and every\ngenerated file starts with `// @ts-nocheck` (it compiles strictly without it).\n",
      "workaround": "Construct the client with `baseApiParams: { format: \"json\" }`."
    },
    {
      "generator": "orval@8.38.0",
      "issue": "`AppError.details` gets an `unknown` index signature instead of `string`.",
      "workaround": "Narrow `details` values with `typeof` before use."
    },
    {
      "generator": "openapi-typescript-codegen@0.31.0",
      "issue": "It names query parameters in camelCase, so `before_id` and its alias `beforeId` of\n`listApplicationSessions` become one duplicate identifier: the generated client does not compile.\nThe generator is no longer maintained; its successor is @hey-api/openapi-ts.\n",
      "workaround": "Use @hey-api/openapi-ts."
    }
  ],
  "servers": [
    {
      "url": "https://api.helodata.com",
      "description": "Production"
    },
    {
      "url": "http://127.0.0.1:8080",
      "description": "Reference server (local sandbox, `pnpm start`)"
    }
  ],
  "security": [
    {
      "apiKey": []
    }
  ],
  "tags": [
    {
      "name": "Gateway sessions",
      "description": "Sticky sessions of the proxy gateway's `residential` and `mobile` products: list, inspect and\nterminate. Useful for monitoring long-running scrapes and for cleaning up sessions that should not\nuse more bandwidth.\n"
    },
    {
      "name": "Application sessions",
      "description": "Browser sessions behind an endpoint, with the user agent and geolocation they came from."
    },
    {
      "name": "Sandbox",
      "description": "Control operations of the reference server, **not part of the production API**. They report\nproxied traffic (so that gateway sessions start, grow and get repinned), create application\nsessions and record their activity, move the caller's account's test clock forward (so that\nexpiry and the 24 h audit window can be exercised without waiting), and reset the caller's account.\nEvery sandbox write takes an `Idempotency-Key`, so that a client can retry it safely. The\nproduction API never answers on these paths.\n"
    },
    {
      "name": "Service",
      "description": "Liveness and readiness of the server itself."
    }
  ],
  "paths": {
    "/v1/residential/sessions": {
      "get": {
        "operationId": "listResidentialSessions",
        "x-codeSamples": [
          {
            "lang": "TypeScript",
            "label": "@sessions-api/client",
            "source": "import { createSessionsClient } from \"@sessions-api/client\";\n\nconst client = createSessionsClient({ baseUrl: \"http://127.0.0.1:8080\", apiKey: \"sk_demo_full\" });\n\nfor await (const session of client.gateway.sessions.list(\"residential\", { subuser: \"sub_01HX2K3PQ4M5\" })) {\n  console.log(session.id, session.exit_ip, session.expires_at);\n}\n"
          }
        ],
        "summary": "List residential sticky sessions",
        "description": "Lists the sticky sessions of the `residential` product that the API key can see, newest first.\nBy default only active sessions are listed; `status=terminated` lists the terminated sessions\nkept for audit (24 h after termination), and `status=all` lists both. Expired sessions are never\nlisted. A key limited to some sub-users sees only theirs; asking for a sub-user outside the key's\nscope, or for a product outside it, gets `403 subuser_scope_mismatch`.\n",
        "tags": [
          "Gateway sessions"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/SubuserFilter"
          },
          {
            "$ref": "#/components/parameters/SessionIdFilter"
          },
          {
            "$ref": "#/components/parameters/RegionFilter"
          },
          {
            "$ref": "#/components/parameters/AsnFilter"
          },
          {
            "$ref": "#/components/parameters/RepinnedFilter"
          },
          {
            "$ref": "#/components/parameters/StatusFilter"
          },
          {
            "$ref": "#/components/parameters/GatewayLimit"
          },
          {
            "$ref": "#/components/parameters/GatewayCursor"
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/SessionList"
          },
          "400": {
            "$ref": "#/components/responses/GatewayInvalidParameter"
          },
          "401": {
            "$ref": "#/components/responses/GatewayUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/GatewayScopeMismatch"
          },
          "429": {
            "$ref": "#/components/responses/GatewayRateLimited"
          },
          "500": {
            "$ref": "#/components/responses/GatewayInternalError"
          },
          "503": {
            "$ref": "#/components/responses/GatewayServiceUnavailable"
          }
        }
      }
    },
    "/v1/mobile/sessions": {
      "get": {
        "operationId": "listMobileSessions",
        "x-codeSamples": [
          {
            "lang": "TypeScript",
            "label": "@sessions-api/client",
            "source": "import { createSessionsClient } from \"@sessions-api/client\";\n\nconst client = createSessionsClient({ baseUrl: \"http://127.0.0.1:8080\", apiKey: \"sk_demo_full\" });\n\nfor await (const session of client.gateway.sessions.list(\"mobile\", { region: \"us\", status: \"all\" })) {\n  console.log(session.id, session.status, session.repinned);\n}\n"
          }
        ],
        "summary": "List mobile sticky sessions",
        "description": "Lists the sticky sessions of the `mobile` product that the API key can see, newest first. Same\nfilters, order, paging and status semantics as `listResidentialSessions`.\n",
        "tags": [
          "Gateway sessions"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/SubuserFilter"
          },
          {
            "$ref": "#/components/parameters/SessionIdFilter"
          },
          {
            "$ref": "#/components/parameters/RegionFilter"
          },
          {
            "$ref": "#/components/parameters/AsnFilter"
          },
          {
            "$ref": "#/components/parameters/RepinnedFilter"
          },
          {
            "$ref": "#/components/parameters/StatusFilter"
          },
          {
            "$ref": "#/components/parameters/GatewayLimit"
          },
          {
            "$ref": "#/components/parameters/GatewayCursor"
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/SessionList"
          },
          "400": {
            "$ref": "#/components/responses/GatewayInvalidParameter"
          },
          "401": {
            "$ref": "#/components/responses/GatewayUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/GatewayScopeMismatch"
          },
          "429": {
            "$ref": "#/components/responses/GatewayRateLimited"
          },
          "500": {
            "$ref": "#/components/responses/GatewayInternalError"
          },
          "503": {
            "$ref": "#/components/responses/GatewayServiceUnavailable"
          }
        }
      }
    },
    "/v1/{product}/sessions/{id}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Product"
        },
        {
          "$ref": "#/components/parameters/GatewaySessionId"
        }
      ],
      "get": {
        "operationId": "getSession",
        "x-codeSamples": [
          {
            "lang": "TypeScript",
            "label": "@sessions-api/client",
            "source": "import { createSessionsClient } from \"@sessions-api/client\";\n\nconst client = createSessionsClient({ baseUrl: \"http://127.0.0.1:8080\", apiKey: \"sk_demo_full\" });\n\nconst session = await client.gateway.sessions.get(\"residential\", \"ses_01HX2K3PQ4M5\");\nfor (const sample of session.samples) console.log(sample.at, sample.method, sample.target_host);\n"
          }
        ],
        "summary": "Get one sticky session",
        "description": "Returns one session with the same fields as the list plus `samples`: the last 10 proxied\nrequests of the session, newest first. Active sessions and terminated sessions still inside\ntheir 24 h audit window are found; an expired session, a purged one, one of another product or\nof another account is `404 session_not_found`. A product without sessions (`isp`, or a name\nthat is no product) is `404 product_has_no_sessions`.\n",
        "tags": [
          "Gateway sessions"
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/SessionDetail"
          },
          "400": {
            "$ref": "#/components/responses/GatewayInvalidParameter"
          },
          "401": {
            "$ref": "#/components/responses/GatewayUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/GatewayScopeMismatch"
          },
          "404": {
            "$ref": "#/components/responses/GatewaySessionNotFound"
          },
          "429": {
            "$ref": "#/components/responses/GatewayRateLimited"
          },
          "500": {
            "$ref": "#/components/responses/GatewayInternalError"
          },
          "503": {
            "$ref": "#/components/responses/GatewayServiceUnavailable"
          }
        }
      },
      "delete": {
        "operationId": "terminateSession",
        "x-codeSamples": [
          {
            "lang": "TypeScript",
            "label": "@sessions-api/client",
            "source": "import { createSessionsClient } from \"@sessions-api/client\";\n\nconst client = createSessionsClient({ baseUrl: \"http://127.0.0.1:8080\", apiKey: \"sk_demo_full\" });\n\nconst terminated = await client.gateway.sessions.terminate(\"residential\", \"ses_01HX2K3PQ4M5\");\nconsole.log(terminated.status, terminated.terminated_at); // \"terminated\", now\n"
          }
        ],
        "summary": "Terminate a sticky session early",
        "description": "Terminates the session now and returns the terminated record (`status: terminated`,\n`terminated_at` set). Future requests with the same username get a **new** exit IP, as if\n`sesstime` had elapsed. The record is kept for 24 hours for audit, then purged.\n\nTerminating is idempotent: terminating a session that is already terminated returns the same\nrecord unchanged (`terminated_at` keeps its first value). An unknown, expired or purged session\nis `404 session_not_found`.\n",
        "tags": [
          "Gateway sessions"
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/TerminatedSession"
          },
          "400": {
            "$ref": "#/components/responses/GatewayInvalidParameter"
          },
          "401": {
            "$ref": "#/components/responses/GatewayUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/GatewayScopeMismatch"
          },
          "404": {
            "$ref": "#/components/responses/GatewaySessionNotFound"
          },
          "429": {
            "$ref": "#/components/responses/GatewayRateLimited"
          },
          "500": {
            "$ref": "#/components/responses/GatewayInternalError"
          },
          "503": {
            "$ref": "#/components/responses/GatewayServiceUnavailable"
          }
        }
      }
    },
    "/app/sessions": {
      "get": {
        "operationId": "listApplicationSessions",
        "x-codeSamples": [
          {
            "lang": "TypeScript",
            "label": "@sessions-api/client",
            "source": "import { createSessionsClient } from \"@sessions-api/client\";\n\nconst client = createSessionsClient({ baseUrl: \"http://127.0.0.1:8080\", apiKey: \"sk_demo_full\" });\n\nfor await (const session of client.app.sessions.list({ limit: 20 })) {\n  console.log(session.id, session.browser_session.user_agent.browser_name, session.last_active);\n}\n"
          }
        ],
        "summary": "List application sessions",
        "description": "Lists the application sessions of the account, newest first. A page holds at most `limit`\nsessions; `next_page_uri` is the absolute URI of the next page (it carries `before_id` and\n`limit`), or `null` on the last page. Expired and deleted sessions are not listed.\n",
        "tags": [
          "Application sessions"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/AppLimit"
          },
          {
            "$ref": "#/components/parameters/AppBeforeId"
          },
          {
            "$ref": "#/components/parameters/AppBeforeIdAlias"
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/ApplicationSessionList"
          },
          "400": {
            "$ref": "#/components/responses/AppInvalidParameter"
          },
          "401": {
            "$ref": "#/components/responses/AppUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AppScopeMismatch"
          },
          "429": {
            "$ref": "#/components/responses/AppRateLimited"
          },
          "500": {
            "$ref": "#/components/responses/AppInternalError"
          },
          "503": {
            "$ref": "#/components/responses/AppServiceUnavailable"
          }
        }
      }
    },
    "/app/sessions/{id}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/AppSessionId"
        }
      ],
      "get": {
        "operationId": "getApplicationSession",
        "x-codeSamples": [
          {
            "lang": "TypeScript",
            "label": "@sessions-api/client",
            "source": "import { createSessionsClient } from \"@sessions-api/client\";\n\nconst client = createSessionsClient({ baseUrl: \"http://127.0.0.1:8080\", apiKey: \"sk_demo_full\" });\n\nconst session = await client.app.sessions.get(\"as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE\");\nconsole.log(session.browser_session.ip_address, session.expires_at);\n"
          }
        ],
        "summary": "Get an application session",
        "description": "Returns one application session by id. Expired, deleted and unknown ids are `404`.",
        "tags": [
          "Application sessions"
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/ApplicationSession"
          },
          "400": {
            "$ref": "#/components/responses/AppInvalidParameter"
          },
          "401": {
            "$ref": "#/components/responses/AppUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AppScopeMismatch"
          },
          "404": {
            "$ref": "#/components/responses/AppNotFound"
          },
          "429": {
            "$ref": "#/components/responses/AppRateLimited"
          },
          "500": {
            "$ref": "#/components/responses/AppInternalError"
          },
          "503": {
            "$ref": "#/components/responses/AppServiceUnavailable"
          }
        }
      },
      "delete": {
        "operationId": "deleteApplicationSession",
        "x-codeSamples": [
          {
            "lang": "TypeScript",
            "label": "@sessions-api/client",
            "source": "import { createSessionsClient } from \"@sessions-api/client\";\n\nconst client = createSessionsClient({ baseUrl: \"http://127.0.0.1:8080\", apiKey: \"sk_demo_full\" });\n\nawait client.app.sessions.delete(\"as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE\");\n"
          }
        ],
        "summary": "Delete an application session",
        "description": "Deletes the application session: it is no longer listed and reads as `404`. Answers `204` with\nno body. Deleting a session that is already deleted, expired or unknown is `404`.\n\nThe `204` has no body, as in the API these operations were specified from. Its official\nTypeScript client (`@ngrok/ngrok-api` 0.11.0) parses that empty body as JSON, so its\n`delete()` rejects with a `SyntaxError` although the session was deleted: a bug of that client,\nleft alone here, since a body on a `204` would break HTTP. Its callers can treat that rejection\nas success, or check with a `GET` (`404` once deleted).\n",
        "tags": [
          "Application sessions"
        ],
        "responses": {
          "204": {
            "description": "The session was deleted. No body.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "RateLimit-Policy": {
                "$ref": "#/components/headers/RateLimit-Policy"
              },
              "RateLimit": {
                "$ref": "#/components/headers/RateLimit"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AppInvalidParameter"
          },
          "401": {
            "$ref": "#/components/responses/AppUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AppScopeMismatch"
          },
          "404": {
            "$ref": "#/components/responses/AppNotFound"
          },
          "429": {
            "$ref": "#/components/responses/AppRateLimited"
          },
          "500": {
            "$ref": "#/components/responses/AppInternalError"
          },
          "503": {
            "$ref": "#/components/responses/AppServiceUnavailable"
          }
        }
      }
    },
    "/sandbox/v1/{product}/traffic": {
      "parameters": [
        {
          "$ref": "#/components/parameters/Product"
        }
      ],
      "post": {
        "operationId": "reportTraffic",
        "x-codeSamples": [
          {
            "lang": "TypeScript",
            "label": "@sessions-api/client",
            "source": "import { createSessionsClient } from \"@sessions-api/client\";\n\nconst client = createSessionsClient({ baseUrl: \"http://127.0.0.1:8080\", apiKey: \"sk_demo_full\" });\n\nconst { data, error } = await client.raw.POST(\"/sandbox/v1/{product}/traffic\", {\n  params: { path: { product: \"residential\" } },\n  body: {\n    username: \"user-sub_01HX2K3PQ4M5-region-us-state-ca-city-la-session-job1-sesstime-30\",\n    requests: [\n      { method: \"GET\", target_host: \"www.example.com\", target_port: 443, status_code: 200, bytes: 48213, duration_ms: 412 },\n    ],\n  },\n});\nconsole.log(data?.id, data?.requests, error);\n"
          }
        ],
        "summary": "Report proxied traffic for a username (sandbox)",
        "description": "**Sandbox only.** Records proxied requests made with a proxy username, as the gateway would.\nThe first report for a username with no live session starts a session (`201`): a new id and exit\nIP, `started_at` now and `expires_at = started_at + sesstime`. Later reports add to `bytes_used`\nand `requests` and to the samples (`200`). `reassign_exit_ip: true` simulates an upstream\nreassignment: the session moves to a new exit IP and `repinned` becomes `true`.\n\nThe sub-user named in the username is the key's account's own, created on first use: sub-user\nids are per account, so another account's sub-user of the same id is another sub-user, neither\ntouched nor revealed. A key whose scope does not cover the product or the sub-user gets `403\nsubuser_scope_mismatch`. A username that breaks the grammar is `400\ninvalid_username` with a `reason` naming the rule it breaks.\n",
        "tags": [
          "Sandbox"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TrafficReport"
              },
              "examples": {
                "twoRequests": {
                  "summary": "Two proxied requests on a Los Angeles residential session",
                  "value": {
                    "username": "user-sub_01HX2K3PQ4M5-region-us-state-ca-city-la-session-job1-sesstime-30",
                    "requests": [
                      {
                        "method": "GET",
                        "target_host": "www.example.com",
                        "target_port": 443,
                        "status_code": 200,
                        "bytes": 48213,
                        "duration_ms": 412
                      },
                      {
                        "method": "GET",
                        "target_host": "cdn.example.com",
                        "target_port": 443,
                        "status_code": 304,
                        "bytes": 612,
                        "duration_ms": 95
                      }
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The traffic was added to the live session for this username.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "RateLimit-Policy": {
                "$ref": "#/components/headers/RateLimit-Policy"
              },
              "RateLimit": {
                "$ref": "#/components/headers/RateLimit"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SessionDetail"
                },
                "examples": {
                  "updated": {
                    "$ref": "#/components/examples/SessionDetail"
                  }
                }
              }
            }
          },
          "201": {
            "description": "No live session had this username; a new session started with this traffic.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "RateLimit-Policy": {
                "$ref": "#/components/headers/RateLimit-Policy"
              },
              "RateLimit": {
                "$ref": "#/components/headers/RateLimit"
              },
              "Location": {
                "description": "Path of the new session.",
                "schema": {
                  "type": "string"
                },
                "example": "/v1/residential/sessions/ses_01HX2K3PQ4M5"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SessionDetail"
                },
                "examples": {
                  "started": {
                    "$ref": "#/components/examples/NewSessionDetail"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/GatewayInvalidRequest"
          },
          "401": {
            "$ref": "#/components/responses/GatewayUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/GatewayScopeMismatch"
          },
          "404": {
            "$ref": "#/components/responses/GatewayProductHasNoSessions"
          },
          "409": {
            "$ref": "#/components/responses/GatewayIdempotencyKeyInUse"
          },
          "429": {
            "$ref": "#/components/responses/GatewayRateLimited"
          },
          "500": {
            "$ref": "#/components/responses/GatewayInternalError"
          },
          "503": {
            "$ref": "#/components/responses/GatewayServiceUnavailable"
          }
        }
      }
    },
    "/sandbox/clock": {
      "get": {
        "operationId": "getClock",
        "x-codeSamples": [
          {
            "lang": "TypeScript",
            "label": "@sessions-api/client",
            "source": "import { createSessionsClient } from \"@sessions-api/client\";\n\nconst client = createSessionsClient({ baseUrl: \"http://127.0.0.1:8080\", apiKey: \"sk_demo_full\" });\n\nconst { data } = await client.raw.GET(\"/sandbox/clock\");\nconsole.log(data?.now, data?.offset_seconds);\n"
          }
        ],
        "summary": "Read the test clock (sandbox)",
        "description": "**Sandbox only.** Returns the current time of the caller's account and how far its test clock has\nbeen moved ahead of real time. Each account has its own test clock: another account's moves do\nnot show here. Every instance of a server over one database tells an account the same time.\n",
        "tags": [
          "Sandbox"
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/Clock"
          },
          "401": {
            "$ref": "#/components/responses/GatewayUnauthorized"
          },
          "429": {
            "$ref": "#/components/responses/GatewayRateLimited"
          },
          "500": {
            "$ref": "#/components/responses/GatewayInternalError"
          },
          "503": {
            "$ref": "#/components/responses/GatewayServiceUnavailable"
          }
        }
      }
    },
    "/sandbox/clock/advance": {
      "post": {
        "operationId": "advanceClock",
        "x-codeSamples": [
          {
            "lang": "TypeScript",
            "label": "@sessions-api/client",
            "source": "import { createSessionsClient } from \"@sessions-api/client\";\n\nconst client = createSessionsClient({ baseUrl: \"http://127.0.0.1:8080\", apiKey: \"sk_demo_full\" });\n\nconst { data, error } = await client.raw.POST(\"/sandbox/clock/advance\", { body: { seconds: 86401 } });\nconsole.log(data?.now, error);\n"
          }
        ],
        "summary": "Move the test clock forward (sandbox)",
        "description": "**Sandbox only.** Moves the test clock of the caller's account forward by `seconds`. Everything of\nthat account that depends on time follows at once: its sessions past `expires_at` are gone, its\nterminated records older than 24 h are purged, its application sessions past `expires_at` are\ngone, and what it writes next is stamped with its clock's time. No other account's clock moves.\nThe clock never moves backwards, and never past 9999-01-01T00:00:00Z (every timestamp keeps its\nfour-digit year): an advance that would take it further is `400 invalid_request_body` naming\n`seconds`, and moves nothing. Once there it stays there, however far real time goes on.\n",
        "tags": [
          "Sandbox"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ClockAdvance"
              },
              "examples": {
                "oneDay": {
                  "summary": "Jump past the 24 h audit window",
                  "value": {
                    "seconds": 86401
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/Clock"
          },
          "400": {
            "$ref": "#/components/responses/GatewayInvalidRequest"
          },
          "401": {
            "$ref": "#/components/responses/GatewayUnauthorized"
          },
          "409": {
            "$ref": "#/components/responses/GatewayIdempotencyKeyInUse"
          },
          "429": {
            "$ref": "#/components/responses/GatewayRateLimited"
          },
          "500": {
            "$ref": "#/components/responses/GatewayInternalError"
          },
          "503": {
            "$ref": "#/components/responses/GatewayServiceUnavailable"
          }
        }
      }
    },
    "/sandbox/reset": {
      "post": {
        "operationId": "resetSandbox",
        "x-codeSamples": [
          {
            "lang": "TypeScript",
            "label": "@sessions-api/client",
            "source": "import { createSessionsClient } from \"@sessions-api/client\";\n\nconst client = createSessionsClient({ baseUrl: \"http://127.0.0.1:8080\", apiKey: \"sk_demo_full\" });\n\nconst { data, error } = await client.raw.POST(\"/sandbox/reset\");\nconsole.log(data?.offset_seconds, error);\n"
          }
        ],
        "summary": "Reset the caller's account (sandbox)",
        "description": "**Sandbox only.** Puts the caller's account back as a fresh server has it, and no other account:\nits gateway sessions and application sessions are deleted, its test clock goes back to real time\n(`offset_seconds: 0`), and on a server that seeds demo data (the reference server's default) the\naccount's demo data is seeded again, as of now, as a fresh server would seed it. Every other\naccount's sessions and clock are untouched. The reset is one transaction: another request of the\naccount sees the account either before it or after it. The answer is the account's clock after\nthe reset. It empties the whole account, so only a key whose scope covers all of it (both\nproducts, every sub-user and the application sessions) may reset it; any other gets `403\nsubuser_scope_mismatch`. The account's sub-users are kept (they show in no answer but through\nits sessions). `Idempotency-Key`s are the API key's, not the account's: a reset keeps them.\n",
        "tags": [
          "Sandbox"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/Clock"
          },
          "400": {
            "$ref": "#/components/responses/GatewayInvalidParameter"
          },
          "401": {
            "$ref": "#/components/responses/GatewayUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/GatewayScopeMismatch"
          },
          "409": {
            "$ref": "#/components/responses/GatewayIdempotencyKeyInUse"
          },
          "429": {
            "$ref": "#/components/responses/GatewayRateLimited"
          },
          "500": {
            "$ref": "#/components/responses/GatewayInternalError"
          },
          "503": {
            "$ref": "#/components/responses/GatewayServiceUnavailable"
          }
        }
      }
    },
    "/sandbox/app/sessions": {
      "post": {
        "operationId": "createApplicationSession",
        "x-codeSamples": [
          {
            "lang": "TypeScript",
            "label": "@sessions-api/client",
            "source": "import { createSessionsClient } from \"@sessions-api/client\";\n\nconst client = createSessionsClient({ baseUrl: \"http://127.0.0.1:8080\", apiKey: \"sk_demo_full\" });\n\nconst { data, error } = await client.raw.POST(\"/sandbox/app/sessions\", {\n  body: { public_url: \"https://app.example.com\", ip_address: \"203.0.113.24\", ttl_seconds: 86400 },\n});\nconsole.log(data?.id, data?.uri, error);\n"
          }
        ],
        "summary": "Create an application session (sandbox)",
        "description": "**Sandbox only.** Creates an application session as a browser visiting an endpoint would. Every\nfield of the body is optional; what is left out gets a realistic default. The raw `user_agent`\nis parsed into the browser and OS fields. `expires_at = created_at + ttl_seconds`.\n",
        "tags": [
          "Sandbox"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ApplicationSessionCreate"
              },
              "examples": {
                "chromeOnMac": {
                  "summary": "Chrome on macOS from San Francisco",
                  "value": {
                    "user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/102.0.0.0 Safari/537.36",
                    "ip_address": "203.0.113.24",
                    "location": {
                      "country_code": "US",
                      "latitude": 37.7749,
                      "longitude": -122.4194,
                      "lat_long_radius_km": 20
                    },
                    "public_url": "https://app.example.com",
                    "ttl_seconds": 86400
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The application session was created.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "RateLimit-Policy": {
                "$ref": "#/components/headers/RateLimit-Policy"
              },
              "RateLimit": {
                "$ref": "#/components/headers/RateLimit"
              },
              "Location": {
                "description": "Absolute URI of the new application session.",
                "schema": {
                  "type": "string",
                  "format": "uri"
                },
                "example": "http://127.0.0.1:8080/app/sessions/as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApplicationSession"
                },
                "examples": {
                  "created": {
                    "$ref": "#/components/examples/ApplicationSession"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/AppInvalidRequest"
          },
          "401": {
            "$ref": "#/components/responses/AppUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AppScopeMismatch"
          },
          "409": {
            "$ref": "#/components/responses/AppIdempotencyKeyInUse"
          },
          "429": {
            "$ref": "#/components/responses/AppRateLimited"
          },
          "500": {
            "$ref": "#/components/responses/AppInternalError"
          },
          "503": {
            "$ref": "#/components/responses/AppServiceUnavailable"
          }
        }
      }
    },
    "/sandbox/app/sessions/{id}/activity": {
      "parameters": [
        {
          "$ref": "#/components/parameters/AppSessionId"
        }
      ],
      "post": {
        "operationId": "recordApplicationSessionActivity",
        "x-codeSamples": [
          {
            "lang": "TypeScript",
            "label": "@sessions-api/client",
            "source": "import { createSessionsClient } from \"@sessions-api/client\";\n\nconst client = createSessionsClient({ baseUrl: \"http://127.0.0.1:8080\", apiKey: \"sk_demo_full\" });\n\nconst { data, error } = await client.raw.POST(\"/sandbox/app/sessions/{id}/activity\", {\n  params: { path: { id: \"as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE\" } },\n});\nconsole.log(data?.last_active, error);\n"
          }
        ],
        "summary": "Record activity on an application session (sandbox)",
        "description": "**Sandbox only.** Records that the browser behind the session made a request now: `last_active`\nbecomes the current time. `expires_at` does not move. An expired, deleted or unknown session is\n`404`.\n",
        "tags": [
          "Sandbox"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/ApplicationSession"
          },
          "400": {
            "$ref": "#/components/responses/AppInvalidParameter"
          },
          "401": {
            "$ref": "#/components/responses/AppUnauthorized"
          },
          "403": {
            "$ref": "#/components/responses/AppScopeMismatch"
          },
          "404": {
            "$ref": "#/components/responses/AppNotFound"
          },
          "409": {
            "$ref": "#/components/responses/AppIdempotencyKeyInUse"
          },
          "429": {
            "$ref": "#/components/responses/AppRateLimited"
          },
          "500": {
            "$ref": "#/components/responses/AppInternalError"
          },
          "503": {
            "$ref": "#/components/responses/AppServiceUnavailable"
          }
        }
      }
    },
    "/healthz": {
      "get": {
        "operationId": "getHealth",
        "x-codeSamples": [
          {
            "lang": "TypeScript",
            "label": "@sessions-api/client",
            "source": "import { createSessionsClient } from \"@sessions-api/client\";\n\nconst client = createSessionsClient({ baseUrl: \"http://127.0.0.1:8080\", apiKey: \"sk_demo_full\" });\n\nconst { data } = await client.raw.GET(\"/healthz\");\nconsole.log(data?.status, data?.store);\n"
          }
        ],
        "summary": "Liveness",
        "description": "Answers `200` while the server process runs and takes requests. It asks nothing of the store, so\na database outage does not make an instance look dead (restarting it would not help); use\n`GET /readyz` to know whether it can serve. The one exception is the embedded store (PGlite),\nwhich is part of the process: once a request has found it failed (closed, or its engine\naborted), it does not recover, and `/healthz` answers `503` until the server is restarted.\nNeeds no API key.\n",
        "tags": [
          "Service"
        ],
        "security": [],
        "responses": {
          "200": {
            "description": "The server is alive.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                },
                "examples": {
                  "ok": {
                    "value": {
                      "status": "ok",
                      "store": "pglite"
                    }
                  }
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/GatewayServiceUnavailable"
          }
        }
      }
    },
    "/readyz": {
      "get": {
        "operationId": "getReadiness",
        "x-codeSamples": [
          {
            "lang": "TypeScript",
            "label": "@sessions-api/client",
            "source": "import { createSessionsClient } from \"@sessions-api/client\";\n\nconst client = createSessionsClient({ baseUrl: \"http://127.0.0.1:8080\", apiKey: \"sk_demo_full\" });\n\nconst { data, error } = await client.raw.GET(\"/readyz\");\nconsole.log(data?.status ?? error);\n"
          }
        ],
        "summary": "Readiness",
        "description": "Answers `200` when the server can serve: its store answers, and the database has every migration\nthis server knows (over PostgreSQL, read from the database on every call). Otherwise `503`, whose\nmessage says which (the store cannot be reached; the database's migrations are behind this\nserver's). A load balancer sends traffic only to ready instances; a server over PostgreSQL is\nready again by itself within seconds of the database coming back. Needs no API key.\n",
        "tags": [
          "Service"
        ],
        "security": [],
        "responses": {
          "200": {
            "description": "The server and its store are ready.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                },
                "examples": {
                  "ok": {
                    "value": {
                      "status": "ok",
                      "store": "postgres"
                    }
                  }
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/GatewayServiceUnavailable"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "apiKey": {
        "type": "http",
        "scheme": "bearer",
        "description": "An API key, sent as `Authorization: Bearer <key>`. The reference server prints its demo keys at\nstart.\n"
      }
    },
    "parameters": {
      "IdempotencyKey": {
        "name": "Idempotency-Key",
        "in": "header",
        "required": false,
        "description": "Makes a sandbox write safe to retry, as Stripe's idempotency keys do: a unique value the client\nmakes per write (a UUID v4, say) and sends again with each retry of it. The first request with a\nkey runs; for 24 hours (real time: no test clock moves it) another with the same key and the same\nrequest (method, path and JSON body) does not run again but gets the first one's answer (status,\nbody and headers, `X-Request-Id` included) with `Idempotent-Replayed: true`. An answer of `5xx`\nis not kept: a retry runs the request. Keys belong to the API key that sent them (another API\nkey's same key is another key) and are kept in the server's database, so a retry that reaches\nanother instance over it gets the same answer. The same key with another request is `400\nidempotency_key_reused` (as Stripe answers it), and does not run; a request while the first with\nits key is still running is `409 idempotency_key_in_use` with `Retry-After`, and does not run\neither: of requests sent together with one key, exactly one has an effect. An empty key, or one\nover 255 characters, is `400 invalid_parameter` naming `Idempotency-Key`. Without the header,\nevery request runs.\n",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255
        },
        "example": "0b6e8f5a-3c2d-4e1f-9a7b-5d4c3b2a1f0e"
      },
      "Product": {
        "name": "product",
        "in": "path",
        "required": true,
        "description": "The gateway product. Only `residential` and `mobile` have sessions; any other value (notably\n`isp`, whose IPs are permanent) is `404 product_has_no_sessions`.\n",
        "schema": {
          "type": "string",
          "pattern": "^[a-z][a-z0-9_]{0,31}$"
        },
        "example": "residential"
      },
      "GatewaySessionId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "Session id, as listed in `data[].id`. Any id that names no session of this account and product\nis `404 session_not_found`, whatever its shape: a session that expired or never existed is not\nfound. Only a value that cannot be an id at all is `400 invalid_parameter`: one longer than 128\ncharacters, or holding a control character.\n",
        "schema": {
          "type": "string",
          "description": "An id of any shape, up to 128 characters, with no control character.",
          "anyOf": [
            {
              "$ref": "#/components/schemas/SessionId"
            },
            {
              "$ref": "#/components/schemas/LookupId"
            }
          ]
        },
        "example": "ses_01HX2K3PQ4M5"
      },
      "SubuserFilter": {
        "name": "subuser",
        "in": "query",
        "required": false,
        "description": "Only sessions of this sub-user.",
        "schema": {
          "$ref": "#/components/schemas/SubuserId"
        },
        "example": "sub_01HX2K3PQ4M5"
      },
      "SessionIdFilter": {
        "name": "session_id",
        "in": "query",
        "required": false,
        "description": "Only sessions whose username carries this `session_id` (the user-chosen part, e.g. `job1` from\n`-session-job1-sesstime-30`). Several sessions can share it under different geo or sub-users.\n",
        "schema": {
          "$ref": "#/components/schemas/UserSessionId"
        },
        "example": "job1"
      },
      "RegionFilter": {
        "name": "region",
        "in": "query",
        "required": false,
        "description": "Only sessions whose exit IP is in this country (ISO 3166-1 alpha-2, lowercase).",
        "schema": {
          "$ref": "#/components/schemas/RegionCode"
        },
        "example": "us"
      },
      "AsnFilter": {
        "name": "asn",
        "in": "query",
        "required": false,
        "description": "Only sessions whose exit IP belongs to this autonomous system.",
        "schema": {
          "$ref": "#/components/schemas/Asn"
        },
        "example": 7922
      },
      "RepinnedFilter": {
        "name": "repinned",
        "in": "query",
        "required": false,
        "description": "Only sessions whose upstream IP was (`true`) or was not (`false`) reassigned mid-session.",
        "schema": {
          "type": "boolean"
        },
        "example": false
      },
      "StatusFilter": {
        "name": "status",
        "in": "query",
        "required": false,
        "description": "Which sessions to list: `active` (default) lists live sessions; `terminated` lists sessions\nterminated in the last 24 hours (kept for audit); `all` lists both. Expired sessions are never\nlisted.\n",
        "schema": {
          "type": "string",
          "enum": [
            "active",
            "terminated",
            "all"
          ],
          "default": "active"
        },
        "example": "all"
      },
      "GatewayLimit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "Page size. Default 50, maximum 200.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 200,
          "default": 50
        },
        "example": 50
      },
      "GatewayCursor": {
        "name": "cursor",
        "in": "query",
        "required": false,
        "description": "Opaque position, taken verbatim from a previous page's `next_cursor`. A cursor is valid only\nwith the same product, filters and account that produced it; anything else (a cursor the server\ndid not issue: malformed, altered, cut short or made up; or one issued for another query) is\n`400 invalid_parameter`. Cursors are signed by the server, so one issued by any instance serving\nthe same data keeps working on the others and after a restart. Paging is keyset-based on the list\norder (`started_at` descending, then `id` descending), so sessions that start while a client\npages appear on no later page, and no session is repeated or skipped.\n",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 512,
          "pattern": "^[A-Za-z0-9_-]+$"
        }
      },
      "AppSessionId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "Application session id. Any id that names no application session of this account is `404`\n(`ERR_NOT_FOUND`), whatever its shape: a session that expired, was deleted or never existed is\nnot found. Only a value that cannot be an id at all is `400` (`ERR_INVALID_PARAMETER`): one\nlonger than 128 characters, or holding a control character.\n",
        "schema": {
          "type": "string",
          "description": "An id of any shape, up to 128 characters, with no control character.",
          "anyOf": [
            {
              "$ref": "#/components/schemas/ApplicationSessionId"
            },
            {
              "$ref": "#/components/schemas/LookupId"
            }
          ]
        },
        "example": "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE"
      },
      "AppLimit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "Page size. Default 100, maximum 100.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 100,
          "default": 100
        },
        "example": 20
      },
      "AppBeforeId": {
        "name": "before_id",
        "in": "query",
        "required": false,
        "description": "Lists the sessions created before this one (ids sort by creation time). It must name an\napplication session of this account; one deleted in the last 24 hours still counts, so paging\nsurvives deletions. Anything else is `400`. Normally taken from `next_page_uri`.\n",
        "schema": {
          "$ref": "#/components/schemas/ApplicationSessionId"
        },
        "example": "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE"
      },
      "AppBeforeIdAlias": {
        "name": "beforeId",
        "in": "query",
        "required": false,
        "deprecated": true,
        "description": "Alias of `before_id`, with the same meaning and rules, kept for the official TypeScript client\nof the API these operations were specified from (`@ngrok/ngrok-api`): its `list()` sends the\ncursor as `beforeId`. Giving both is `400` naming `beforeId` unless they are equal. New clients\nsend `before_id`, or follow `next_page_uri`, which always carries `before_id`.\n",
        "schema": {
          "$ref": "#/components/schemas/ApplicationSessionId"
        },
        "example": "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE"
      }
    },
    "headers": {
      "X-Request-Id": {
        "description": "Unique id of this request; the same id appears in error bodies.",
        "required": true,
        "schema": {
          "type": "string",
          "minLength": 1
        },
        "example": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
      },
      "RateLimit-Policy": {
        "description": "The API key's request budget, as a quota policy of draft-ietf-httpapi-ratelimit-headers-10 (a\nstructured-field list): one policy named `default` of `q` requests per window of `w` = 60\nseconds. Sent on every response to a request whose API key the server knows, whether it\nsucceeded or not (never on a `401`, nor on a `429` for unknown keys from the client's address).\n",
        "required": false,
        "schema": {
          "type": "string",
          "pattern": "^\"default\";q=\\d+;w=60$"
        },
        "example": "\"default\";q=600;w=60"
      },
      "RateLimit": {
        "description": "What is left of the API key's budget after this request, per draft-ietf-httpapi-ratelimit-headers-10:\n`r` whole requests remain, and in `t` seconds the budget is full again (it refills continuously, one\nrequest every `w / q` seconds). Sent with `RateLimit-Policy`. A key over its budget gets `429` with\n`r=0`; its `Retry-After` says when the next request is allowed. Over several instances of the\nreference server on one PostgreSQL database, the budget is the key's across all of them.\n",
        "required": false,
        "schema": {
          "type": "string",
          "pattern": "^\"default\";r=\\d+;t=\\d+$"
        },
        "example": "\"default\";r=597;t=1"
      },
      "Retry-After": {
        "description": "Seconds to wait before trying again: on `429`, until this API key's budget allows the next\nrequest; on `503`, about how long the store takes to come back, at the shortest.\n",
        "required": true,
        "schema": {
          "type": "integer",
          "minimum": 1
        },
        "example": 3
      }
    },
    "schemas": {
      "GatewayProduct": {
        "type": "string",
        "description": "A gateway product that has sticky sessions.",
        "enum": [
          "residential",
          "mobile"
        ]
      },
      "LookupId": {
        "type": "string",
        "description": "Any id a path may name to look a resource up by, whatever its shape (one that names nothing is\n`404`); a value longer than 128 characters or holding a control character cannot be an id.\n",
        "minLength": 1,
        "maxLength": 128,
        "pattern": "^[^\\u0000-\\u001F\\u007F]+$",
        "examples": [
          "ses_01HX2K3PQ4M5"
        ]
      },
      "SessionId": {
        "type": "string",
        "description": "Session id, `ses_` followed by 12 Crockford base32 characters.",
        "pattern": "^ses_[0-9A-HJKMNP-TV-Z]{12}$",
        "examples": [
          "ses_01HX2K3PQ4M5"
        ]
      },
      "SubuserId": {
        "type": "string",
        "description": "Sub-user id, `sub_` followed by 4 to 32 letters or digits.",
        "pattern": "^sub_[A-Za-z0-9]{4,32}$",
        "examples": [
          "sub_01HX2K3PQ4M5"
        ]
      },
      "UserSessionId": {
        "type": "string",
        "description": "The user-chosen session name in a proxy username, 1 to 64 letters, digits or `_`.",
        "pattern": "^[A-Za-z0-9_]{1,64}$",
        "examples": [
          "job1"
        ]
      },
      "RegionCode": {
        "type": "string",
        "description": "Country, ISO 3166-1 alpha-2 in lowercase.",
        "pattern": "^[a-z]{2}$",
        "examples": [
          "us"
        ]
      },
      "Asn": {
        "type": "integer",
        "description": "Autonomous system number.",
        "minimum": 1,
        "maximum": 4294967295,
        "examples": [
          7922
        ]
      },
      "IpAddress": {
        "type": "string",
        "description": "An IPv4 or IPv6 address.",
        "anyOf": [
          {
            "type": "string",
            "format": "ipv4"
          },
          {
            "type": "string",
            "format": "ipv6"
          }
        ],
        "examples": [
          "198.51.100.42"
        ]
      },
      "Timestamp": {
        "type": "string",
        "format": "date-time",
        "description": "RFC 3339 timestamp in UTC.",
        "examples": [
          "2026-05-28T07:00:00Z"
        ]
      },
      "Session": {
        "description": "A gateway sticky session, keyed by its full proxy username.",
        "allOf": [
          {
            "$ref": "#/components/schemas/SessionFields"
          }
        ],
        "unevaluatedProperties": false
      },
      "SessionFields": {
        "type": "object",
        "description": "The fields of a gateway sticky session, shared by `Session` (list items) and `SessionDetail`\n(single reads), which each close the object against unknown properties.\n",
        "required": [
          "id",
          "product",
          "username",
          "subuser",
          "session_id",
          "region",
          "state",
          "city",
          "asn",
          "exit_ip",
          "started_at",
          "expires_at",
          "bytes_used",
          "requests",
          "repinned",
          "status",
          "terminated_at"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/SessionId"
          },
          "product": {
            "$ref": "#/components/schemas/GatewayProduct"
          },
          "username": {
            "type": "string",
            "description": "The full proxy username, which is the session key:\n`user-<subuser>-region-<cc>[-state-<st>][-city-<city>][-asn-<n>]-session-<id>-sesstime-<minutes>`.\n",
            "maxLength": 256,
            "examples": [
              "user-sub_01HX2K3PQ4M5-region-us-state-ca-city-la-session-job1-sesstime-30"
            ]
          },
          "subuser": {
            "$ref": "#/components/schemas/SubuserId"
          },
          "session_id": {
            "$ref": "#/components/schemas/UserSessionId"
          },
          "region": {
            "$ref": "#/components/schemas/RegionCode"
          },
          "state": {
            "description": "State or province of the exit IP, when the username targets one; else null.",
            "type": [
              "string",
              "null"
            ],
            "pattern": "^[a-z0-9]{1,3}$"
          },
          "city": {
            "description": "City of the exit IP, when the username targets one; else null.",
            "type": [
              "string",
              "null"
            ],
            "pattern": "^[a-z][a-z0-9_]{0,31}$"
          },
          "asn": {
            "$ref": "#/components/schemas/Asn"
          },
          "exit_ip": {
            "$ref": "#/components/schemas/IpAddress"
          },
          "started_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "expires_at": {
            "description": "`started_at + sesstime`.",
            "type": "string",
            "format": "date-time"
          },
          "bytes_used": {
            "type": "integer",
            "format": "int64",
            "minimum": 0,
            "description": "Bytes proxied in this session, both directions. It stops growing at 9223372036854775807\n(the int64 maximum) rather than overflow.\n"
          },
          "requests": {
            "type": "integer",
            "format": "int64",
            "minimum": 0,
            "description": "Requests proxied in this session."
          },
          "repinned": {
            "type": "boolean",
            "description": "`true` once the upstream IP was reassigned mid-session."
          },
          "status": {
            "type": "string",
            "enum": [
              "active",
              "terminated"
            ],
            "description": "`terminated` once the session was terminated early; its record is kept 24 h."
          },
          "terminated_at": {
            "description": "When the session was terminated; null while it is active.",
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          }
        }
      },
      "RequestSample": {
        "type": "object",
        "description": "One proxied request of a session.",
        "additionalProperties": false,
        "required": [
          "at",
          "method",
          "target_host",
          "target_port",
          "status_code",
          "bytes",
          "duration_ms"
        ],
        "properties": {
          "at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "method": {
            "type": "string",
            "description": "HTTP method, `CONNECT` for tunnelled HTTPS.",
            "pattern": "^[A-Z]{1,16}$"
          },
          "target_host": {
            "type": "string",
            "description": "Host name or IP address the request went to.",
            "minLength": 1,
            "maxLength": 253
          },
          "target_port": {
            "type": "integer",
            "minimum": 1,
            "maximum": 65535
          },
          "status_code": {
            "type": "integer",
            "description": "HTTP status the target answered with.",
            "minimum": 100,
            "maximum": 599
          },
          "bytes": {
            "type": "integer",
            "format": "int64",
            "minimum": 0,
            "description": "Bytes proxied for this request, both directions."
          },
          "duration_ms": {
            "type": "integer",
            "minimum": 0,
            "maximum": 86400000,
            "description": "Time from the first byte received to the last byte sent, in milliseconds."
          }
        }
      },
      "SessionDetail": {
        "description": "A session with its last 10 proxied requests.",
        "allOf": [
          {
            "$ref": "#/components/schemas/SessionFields"
          },
          {
            "type": "object",
            "required": [
              "samples"
            ],
            "properties": {
              "samples": {
                "type": "array",
                "description": "The last 10 proxied requests, newest first.",
                "maxItems": 10,
                "items": {
                  "$ref": "#/components/schemas/RequestSample"
                }
              }
            }
          }
        ],
        "unevaluatedProperties": false
      },
      "SessionPage": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "data",
          "next_cursor"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Session"
            }
          },
          "next_cursor": {
            "description": "Cursor of the next page, or null on the last page.",
            "type": [
              "string",
              "null"
            ],
            "pattern": "^[A-Za-z0-9_-]+$"
          }
        }
      },
      "TrafficReport": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "username",
          "requests"
        ],
        "properties": {
          "username": {
            "type": "string",
            "minLength": 1,
            "maxLength": 256,
            "description": "The full proxy username the traffic was sent with. Grammar:\n`user-<subuser>-region-<cc>[-state-<st>][-city-<city>][-asn-<n>]-session-<id>-sesstime-<minutes>`,\nsegments in this order, each at most once. `<subuser>` is a sub-user id (`sub_` + 4-32\nletters or digits); `<cc>` two lowercase letters; `<st>` 1-3 lowercase letters or digits;\n`<city>` a lowercase letter then up to 31 lowercase letters, digits or `_`; `<n>` an ASN\n(1-4294967295); `<id>` 1-64 letters, digits or `_`; `<minutes>` 1-1440.\n"
          },
          "requests": {
            "type": "array",
            "minItems": 1,
            "maxItems": 100,
            "description": "The requests proxied, oldest first.",
            "items": {
              "$ref": "#/components/schemas/ProxiedRequest"
            }
          },
          "reassign_exit_ip": {
            "type": "boolean",
            "default": false,
            "description": "Simulate an upstream reassignment before these requests: a live session moves to a new exit\nIP and `repinned` becomes `true`. Ignored when the report starts a new session.\n"
          }
        }
      },
      "ProxiedRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "method",
          "target_host",
          "target_port",
          "status_code",
          "bytes",
          "duration_ms"
        ],
        "properties": {
          "method": {
            "type": "string",
            "pattern": "^[A-Z]{1,16}$"
          },
          "target_host": {
            "type": "string",
            "minLength": 1,
            "maxLength": 253,
            "pattern": "^[!-~]+$",
            "description": "The host the request went to, as the proxy saw it (printable ASCII, no spaces)."
          },
          "target_port": {
            "type": "integer",
            "minimum": 1,
            "maximum": 65535
          },
          "status_code": {
            "type": "integer",
            "minimum": 100,
            "maximum": 599
          },
          "bytes": {
            "type": "integer",
            "format": "int64",
            "minimum": 0,
            "maximum": 1099511627776,
            "description": "Bytes of the request and its response, at most 1 TiB."
          },
          "duration_ms": {
            "type": "integer",
            "minimum": 0,
            "maximum": 86400000
          }
        }
      },
      "Clock": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "now",
          "offset_seconds"
        ],
        "properties": {
          "now": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "offset_seconds": {
            "type": "integer",
            "minimum": 0,
            "description": "How far the account's test clock has been moved ahead of real time: `now` is real time plus\nthis, held at 9999-01-01T00:00:00Z once it gets there.\n"
          }
        }
      },
      "ClockAdvance": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "seconds"
        ],
        "properties": {
          "seconds": {
            "type": "integer",
            "minimum": 1,
            "maximum": 31536000,
            "description": "Seconds to move the clock forward (at most one year per call)."
          }
        }
      },
      "Health": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "status",
          "store"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ok"
            ]
          },
          "store": {
            "type": "string",
            "enum": [
              "pglite",
              "postgres"
            ],
            "description": "Which store the server runs on."
          }
        }
      },
      "GatewayErrorCode": {
        "type": "string",
        "description": "Machine-readable error code of the gateway family. `invalid_parameter` (400): a path or query\nparameter is malformed or out of range, `param` names it. `invalid_request_body` (400): the JSON\nbody is missing, malformed or breaks its schema, `param` names the field. `invalid_username`\n(400): the proxy username breaks its grammar, `reason` names the rule. `unauthorized` (401).\n`subuser_scope_mismatch` (403): the key's scope does not cover this sub-user or product.\n`session_not_found` (404): the session expired, was purged or never existed.\n`product_has_no_sessions` (404): the product has no sessions (`isp`) or does not exist.\n`subuser_not_found` (404): not returned since sub-user ids are per account (the sub-user of a\nusername is always the key's account's own); kept so that clients handling it need no change.\n`not_found` (404): no such path. `method_not_allowed` (405).\n`malformed_request` (400, 408 or 431): the request could not be read as HTTP/1.1, so no\noperation ran (see Errors in the API description). `rate_limited` (429). `internal_error` (500).\n`service_unavailable` (503): the server cannot reach its store, or holds its limit of\nconnections; try again after `Retry-After`. `idempotency_key_in_use` (409): a request with this\n`Idempotency-Key` is still running; try again after `Retry-After`. `idempotency_key_reused`\n(400): this `Idempotency-Key` was sent with another request (method, path or body); use a new key.\n",
        "enum": [
          "invalid_parameter",
          "invalid_request_body",
          "invalid_username",
          "unauthorized",
          "subuser_scope_mismatch",
          "session_not_found",
          "product_has_no_sessions",
          "subuser_not_found",
          "not_found",
          "method_not_allowed",
          "malformed_request",
          "rate_limited",
          "internal_error",
          "service_unavailable",
          "idempotency_key_in_use",
          "idempotency_key_reused"
        ]
      },
      "UsernameViolation": {
        "type": "string",
        "description": "The grammar rule a proxy username breaks. `username_too_long`: over 256 characters.\n`missing_user_prefix`: does not start with `user-<subuser>`. `unknown_segment`: a segment name\noutside the grammar. `duplicate_segment`, `segment_out_of_order`, `missing_segment` (`region`,\n`session` and `sesstime` are required). `invalid_subuser`, `invalid_region`, `invalid_state`,\n`invalid_city`, `invalid_asn`, `invalid_session_id`: a value with characters or a length outside\nits rule. `invalid_sesstime`: not a whole number of minutes. `sesstime_out_of_range`: outside\n1-1440 minutes.\n",
        "enum": [
          "username_too_long",
          "missing_user_prefix",
          "unknown_segment",
          "duplicate_segment",
          "segment_out_of_order",
          "missing_segment",
          "invalid_subuser",
          "invalid_region",
          "invalid_state",
          "invalid_city",
          "invalid_asn",
          "invalid_session_id",
          "invalid_sesstime",
          "sesstime_out_of_range"
        ]
      },
      "GatewayError": {
        "type": "object",
        "title": "GatewayError",
        "description": "The error body of every 4xx and 5xx response of the gateway family and the sandbox.",
        "additionalProperties": false,
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "code",
              "message",
              "request_id"
            ],
            "properties": {
              "code": {
                "$ref": "#/components/schemas/GatewayErrorCode"
              },
              "message": {
                "type": "string",
                "minLength": 1,
                "description": "Human-readable explanation, safe to show to a developer. Its language follows the request's\n`Accept-Language` (Chinese or English).\n"
              },
              "request_id": {
                "type": "string",
                "minLength": 1,
                "description": "Same as the `X-Request-Id` response header."
              },
              "param": {
                "type": "string",
                "description": "The parameter or body field at fault (400 errors)."
              },
              "reason": {
                "$ref": "#/components/schemas/UsernameViolation"
              }
            }
          }
        }
      },
      "ApplicationSessionId": {
        "type": "string",
        "description": "Application session id, `as_` followed by a 26-character ULID (sorts by creation time).",
        "pattern": "^as_[0-9A-HJKMNP-TV-Z]{26}$",
        "examples": [
          "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE"
        ]
      },
      "Ref": {
        "type": "object",
        "description": "A reference to another resource.",
        "additionalProperties": false,
        "required": [
          "id",
          "uri"
        ],
        "properties": {
          "id": {
            "type": "string",
            "minLength": 1,
            "description": "A resource identifier."
          },
          "uri": {
            "type": "string",
            "format": "uri",
            "description": "A URI for locating the resource."
          }
        }
      },
      "UserAgent": {
        "type": "object",
        "description": "HTTP User-Agent data. Fields the header does not reveal are empty strings.",
        "additionalProperties": false,
        "required": [
          "raw",
          "browser_name",
          "browser_version",
          "device_type",
          "os_name",
          "os_version"
        ],
        "properties": {
          "raw": {
            "type": "string",
            "description": "Raw User-Agent request header."
          },
          "browser_name": {
            "type": "string",
            "description": "Browser name (e.g. Chrome)."
          },
          "browser_version": {
            "type": "string",
            "description": "Browser major version (e.g. 102)."
          },
          "device_type": {
            "type": "string",
            "description": "Type of device (e.g. Desktop)."
          },
          "os_name": {
            "type": "string",
            "description": "Operating system name (e.g. MacOS)."
          },
          "os_version": {
            "type": "string",
            "description": "Operating system version (e.g. 10.15.7)."
          }
        }
      },
      "Location": {
        "type": "object",
        "description": "IP geolocation data.",
        "additionalProperties": false,
        "required": [
          "country_code",
          "latitude",
          "longitude",
          "lat_long_radius_km"
        ],
        "properties": {
          "country_code": {
            "type": "string",
            "description": "ISO 3166-1 alpha-2 country code, uppercase.",
            "pattern": "^[A-Z]{2}$"
          },
          "latitude": {
            "type": "number",
            "format": "double",
            "minimum": -90,
            "maximum": 90
          },
          "longitude": {
            "type": "number",
            "format": "double",
            "minimum": -180,
            "maximum": 180
          },
          "lat_long_radius_km": {
            "type": "integer",
            "format": "int64",
            "minimum": 0,
            "description": "Accuracy radius of the coordinates, in kilometres."
          }
        }
      },
      "BrowserSession": {
        "type": "object",
        "description": "Browser session details.",
        "additionalProperties": false,
        "required": [
          "user_agent",
          "ip_address",
          "location"
        ],
        "properties": {
          "user_agent": {
            "$ref": "#/components/schemas/UserAgent"
          },
          "ip_address": {
            "$ref": "#/components/schemas/IpAddress"
          },
          "location": {
            "$ref": "#/components/schemas/Location"
          }
        }
      },
      "ApplicationSession": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "uri",
          "public_url",
          "browser_session",
          "application_user",
          "created_at",
          "last_active",
          "expires_at",
          "endpoint",
          "edge",
          "route"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/ApplicationSessionId"
          },
          "uri": {
            "type": "string",
            "format": "uri",
            "description": "Absolute URI of this application session resource."
          },
          "public_url": {
            "type": "string",
            "format": "uri",
            "description": "URL of the hostport served by the endpoint."
          },
          "browser_session": {
            "$ref": "#/components/schemas/BrowserSession"
          },
          "application_user": {
            "$ref": "#/components/schemas/Ref",
            "description": "The application user. Its `uri` is a link into the API these operations were specified from\n(`https://api.ngrok.com/app/users/{id}`), which holds the user: this API does not serve it.\n"
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "last_active": {
            "description": "When the browser behind the session last made a request.",
            "type": "string",
            "format": "date-time"
          },
          "expires_at": {
            "description": "When the session expires; after it, the session is gone.",
            "type": "string",
            "format": "date-time"
          },
          "endpoint": {
            "$ref": "#/components/schemas/Ref",
            "description": "The endpoint the session came through. Its `uri` is a link into the API these operations were\nspecified from (`https://api.ngrok.com/endpoints/{id}`): this API does not serve it.\n"
          },
          "edge": {
            "description": "Edge of the session; null if the endpoint is agent-initiated. Its `uri` is a link into the\nAPI these operations were specified from (`https://api.ngrok.com/edges/https/{id}`).\n",
            "anyOf": [
              {
                "$ref": "#/components/schemas/Ref"
              },
              {
                "type": "null"
              }
            ]
          },
          "route": {
            "description": "Route of the session; null if the endpoint is agent-initiated. Its `uri` is a link into the\nAPI these operations were specified from (under its edge's `uri`).\n",
            "anyOf": [
              {
                "$ref": "#/components/schemas/Ref"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "ApplicationSessionList": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "application_sessions",
          "uri",
          "next_page_uri"
        ],
        "properties": {
          "application_sessions": {
            "type": "array",
            "description": "A page of the account's application sessions, newest first.",
            "items": {
              "$ref": "#/components/schemas/ApplicationSession"
            }
          },
          "uri": {
            "type": "string",
            "format": "uri",
            "description": "Absolute URI of this page."
          },
          "next_page_uri": {
            "description": "Absolute URI of the next page, or null on the last page.",
            "type": [
              "string",
              "null"
            ],
            "format": "uri"
          }
        }
      },
      "ApplicationSessionCreate": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "user_agent": {
            "type": "string",
            "maxLength": 1024,
            "pattern": "^[^\\u0000-\\u0008\\u000A-\\u001F\\u007F\\uD800-\\uDFFF]*$",
            "description": "Raw User-Agent header of the browser: no control characters (as in an HTTP header) and no\nunpaired surrogate escapes.\n"
          },
          "ip_address": {
            "$ref": "#/components/schemas/IpAddress"
          },
          "location": {
            "$ref": "#/components/schemas/Location"
          },
          "public_url": {
            "type": "string",
            "format": "uri",
            "maxLength": 2048,
            "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://",
            "description": "URL of the hostport served by the endpoint: `http` or `https` only, since clients show it as\na link (a `javascript:` or `data:` URL there would run in their pages).\n"
          },
          "application_user_id": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_]{1,64}$",
            "description": "Id of the application user; a new one is made when left out."
          },
          "agent_initiated": {
            "type": "boolean",
            "default": false,
            "description": "`true` for an agent-initiated endpoint: `edge` and `route` are null."
          },
          "ttl_seconds": {
            "type": "integer",
            "minimum": 60,
            "maximum": 2592000,
            "default": 86400,
            "description": "Lifetime of the session; `expires_at = created_at + ttl_seconds`."
          }
        }
      },
      "AppError": {
        "type": "object",
        "title": "AppError",
        "description": "The error body of every 4xx and 5xx response of the application-sessions family.",
        "additionalProperties": false,
        "required": [
          "error_code",
          "status_code",
          "msg",
          "details"
        ],
        "properties": {
          "error_code": {
            "type": "string",
            "description": "Machine-readable error code. `ERR_INVALID_PARAMETER` (400, `details.param` names it),\n`ERR_INVALID_REQUEST_BODY` (400), `ERR_UNAUTHORIZED` (401: the key is missing or unknown;\n403: the key's scope does not cover application sessions), `ERR_NOT_FOUND` (404),\n`ERR_METHOD_NOT_ALLOWED` (405), `ERR_MALFORMED_REQUEST` (400, 408 or 431: the request\ncould not be read as HTTP/1.1), `ERR_RATE_LIMITED` (429), `ERR_INTERNAL` (500, or 503 when\nthe server cannot reach its store: `status_code` tells them apart). Sandbox writes with an\n`Idempotency-Key` also answer `ERR_CONFLICT` (409: a request with the key is still running)\nand `ERR_INVALID_PARAMETER` (400) with `details.param: Idempotency-Key` when the key is\nempty, too long, or was sent with another request.\n",
            "enum": [
              "ERR_INVALID_PARAMETER",
              "ERR_INVALID_REQUEST_BODY",
              "ERR_UNAUTHORIZED",
              "ERR_NOT_FOUND",
              "ERR_METHOD_NOT_ALLOWED",
              "ERR_MALFORMED_REQUEST",
              "ERR_RATE_LIMITED",
              "ERR_INTERNAL",
              "ERR_CONFLICT"
            ]
          },
          "status_code": {
            "type": "integer",
            "minimum": 400,
            "maximum": 599,
            "description": "The HTTP status of the response."
          },
          "msg": {
            "type": "string",
            "minLength": 1,
            "description": "Human-readable explanation. Its language follows the request's `Accept-Language` (Chinese or English)."
          },
          "details": {
            "type": "object",
            "description": "`operation_id` is the request id; `param` names the parameter at fault.",
            "required": [
              "operation_id"
            ],
            "properties": {
              "operation_id": {
                "type": "string",
                "minLength": 1
              },
              "param": {
                "type": "string"
              }
            },
            "additionalProperties": {
              "type": "string"
            }
          }
        }
      }
    },
    "examples": {
      "SessionDetail": {
        "summary": "An active session with its latest samples",
        "value": {
          "id": "ses_01HX2K3PQ4M5",
          "product": "residential",
          "username": "user-sub_01HX2K3PQ4M5-region-us-state-ca-city-la-session-job1-sesstime-30",
          "subuser": "sub_01HX2K3PQ4M5",
          "session_id": "job1",
          "region": "us",
          "state": "ca",
          "city": "la",
          "asn": 7922,
          "exit_ip": "198.51.100.42",
          "started_at": "2026-05-28T07:00:00Z",
          "expires_at": "2026-05-28T07:30:00Z",
          "bytes_used": 3145728,
          "requests": 42,
          "repinned": false,
          "status": "active",
          "terminated_at": null,
          "samples": [
            {
              "at": "2026-05-28T07:12:41.532Z",
              "method": "GET",
              "target_host": "www.example.com",
              "target_port": 443,
              "status_code": 200,
              "bytes": 48213,
              "duration_ms": 412
            },
            {
              "at": "2026-05-28T07:12:40.101Z",
              "method": "CONNECT",
              "target_host": "api.example.com",
              "target_port": 443,
              "status_code": 200,
              "bytes": 91544,
              "duration_ms": 1380
            }
          ]
        }
      },
      "NewSessionDetail": {
        "summary": "A session started by its first request",
        "value": {
          "id": "ses_01HX2K3PQ4M5",
          "product": "residential",
          "username": "user-sub_01HX2K3PQ4M5-region-us-state-ca-city-la-session-job1-sesstime-30",
          "subuser": "sub_01HX2K3PQ4M5",
          "session_id": "job1",
          "region": "us",
          "state": "ca",
          "city": "la",
          "asn": 7922,
          "exit_ip": "198.51.100.42",
          "started_at": "2026-05-28T07:00:00Z",
          "expires_at": "2026-05-28T07:30:00Z",
          "bytes_used": 48213,
          "requests": 1,
          "repinned": false,
          "status": "active",
          "terminated_at": null,
          "samples": [
            {
              "at": "2026-05-28T07:00:00Z",
              "method": "GET",
              "target_host": "www.example.com",
              "target_port": 443,
              "status_code": 200,
              "bytes": 48213,
              "duration_ms": 412
            }
          ]
        }
      },
      "TerminatedSessionDetail": {
        "summary": "A session terminated early",
        "value": {
          "id": "ses_01HX2K3PQ4M5",
          "product": "residential",
          "username": "user-sub_01HX2K3PQ4M5-region-us-state-ca-city-la-session-job1-sesstime-30",
          "subuser": "sub_01HX2K3PQ4M5",
          "session_id": "job1",
          "region": "us",
          "state": "ca",
          "city": "la",
          "asn": 7922,
          "exit_ip": "198.51.100.42",
          "started_at": "2026-05-28T07:00:00Z",
          "expires_at": "2026-05-28T07:30:00Z",
          "bytes_used": 3145728,
          "requests": 42,
          "repinned": false,
          "status": "terminated",
          "terminated_at": "2026-05-28T07:14:05Z",
          "samples": [
            {
              "at": "2026-05-28T07:12:41.532Z",
              "method": "GET",
              "target_host": "www.example.com",
              "target_port": 443,
              "status_code": 200,
              "bytes": 48213,
              "duration_ms": 412
            }
          ]
        }
      },
      "ApplicationSession": {
        "summary": "A Chrome session on macOS",
        "value": {
          "id": "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE",
          "uri": "http://127.0.0.1:8080/app/sessions/as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE",
          "public_url": "https://app.example.com",
          "browser_session": {
            "user_agent": {
              "raw": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/102.0.0.0 Safari/537.36",
              "browser_name": "Chrome",
              "browser_version": "102",
              "device_type": "Desktop",
              "os_name": "MacOS",
              "os_version": "10.15.7"
            },
            "ip_address": "203.0.113.24",
            "location": {
              "country_code": "US",
              "latitude": 37.7749,
              "longitude": -122.4194,
              "lat_long_radius_km": 20
            }
          },
          "application_user": {
            "id": "au_01HX2M8Q7V3ZKJ4T6W9YB2C5DF",
            "uri": "https://api.ngrok.com/app/users/au_01HX2M8Q7V3ZKJ4T6W9YB2C5DF"
          },
          "created_at": "2026-05-28T07:00:00Z",
          "last_active": "2026-05-28T07:21:13Z",
          "expires_at": "2026-05-29T07:00:00Z",
          "endpoint": {
            "id": "ep_01HX2M8Q7V3ZKJ4T6W9YB2C5DG",
            "uri": "https://api.ngrok.com/endpoints/ep_01HX2M8Q7V3ZKJ4T6W9YB2C5DG"
          },
          "edge": {
            "id": "edghts_01HX2M8Q7V3ZKJ4T6W9YB2C5DH",
            "uri": "https://api.ngrok.com/edges/https/edghts_01HX2M8Q7V3ZKJ4T6W9YB2C5DH"
          },
          "route": {
            "id": "edghtsrt_01HX2M8Q7V3ZKJ4T6W9YB2C5DJ",
            "uri": "https://api.ngrok.com/edges/https/edghts_01HX2M8Q7V3ZKJ4T6W9YB2C5DH/routes/edghtsrt_01HX2M8Q7V3ZKJ4T6W9YB2C5DJ"
          }
        }
      }
    },
    "responses": {
      "SessionList": {
        "description": "A page of sessions, newest first.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/SessionPage"
            },
            "examples": {
              "onePage": {
                "summary": "The only page of a sub-user's sessions",
                "value": {
                  "data": [
                    {
                      "id": "ses_01HX2K3PQ4M5",
                      "product": "residential",
                      "username": "user-sub_01HX2K3PQ4M5-region-us-state-ca-city-la-session-job1-sesstime-30",
                      "subuser": "sub_01HX2K3PQ4M5",
                      "session_id": "job1",
                      "region": "us",
                      "state": "ca",
                      "city": "la",
                      "asn": 7922,
                      "exit_ip": "198.51.100.42",
                      "started_at": "2026-05-28T07:00:00Z",
                      "expires_at": "2026-05-28T07:30:00Z",
                      "bytes_used": 3145728,
                      "requests": 42,
                      "repinned": false,
                      "status": "active",
                      "terminated_at": null
                    }
                  ],
                  "next_cursor": null
                }
              },
              "firstOfSeveral": {
                "summary": "A first page with more to come",
                "value": {
                  "data": [
                    {
                      "id": "ses_01HX2K7RB2N9",
                      "product": "residential",
                      "username": "user-sub_01HX2K3PQ4M5-region-de-asn-3320-session-crawl_7-sesstime-120",
                      "subuser": "sub_01HX2K3PQ4M5",
                      "session_id": "crawl_7",
                      "region": "de",
                      "state": null,
                      "city": null,
                      "asn": 3320,
                      "exit_ip": "2001:db8:85a3::8a2e:370:7334",
                      "started_at": "2026-05-28T07:05:00Z",
                      "expires_at": "2026-05-28T09:05:00Z",
                      "bytes_used": 1048576,
                      "requests": 12,
                      "repinned": true,
                      "status": "active",
                      "terminated_at": null
                    }
                  ],
                  "next_cursor": "eyJ0IjoiMjAyNi0wNS0yOFQwNzowNTowMFoiLCJpIjoic2VzXzAxSFgySzdSQjJOOSJ9"
                }
              }
            }
          }
        }
      },
      "SessionDetail": {
        "description": "The session with its last 10 proxied requests.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/SessionDetail"
            },
            "examples": {
              "active": {
                "$ref": "#/components/examples/SessionDetail"
              },
              "terminated": {
                "$ref": "#/components/examples/TerminatedSessionDetail"
              }
            }
          }
        }
      },
      "TerminatedSession": {
        "description": "The session is terminated (now, or by an earlier call); its record is kept 24 hours.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/SessionDetail"
            },
            "examples": {
              "terminated": {
                "$ref": "#/components/examples/TerminatedSessionDetail"
              }
            }
          }
        }
      },
      "Clock": {
        "description": "The test clock of the caller's account.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Clock"
            },
            "examples": {
              "advanced": {
                "summary": "A day and a second ahead of real time",
                "value": {
                  "now": "2026-05-29T07:00:01Z",
                  "offset_seconds": 86401
                }
              }
            }
          }
        }
      },
      "ApplicationSession": {
        "description": "The application session.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ApplicationSession"
            },
            "examples": {
              "chromeOnMac": {
                "$ref": "#/components/examples/ApplicationSession"
              }
            }
          }
        }
      },
      "ApplicationSessionList": {
        "description": "A page of application sessions, newest first.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ApplicationSessionList"
            },
            "examples": {
              "firstPage": {
                "summary": "A first page of one, with more to come",
                "value": {
                  "application_sessions": [
                    {
                      "id": "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE",
                      "uri": "http://127.0.0.1:8080/app/sessions/as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE",
                      "public_url": "https://app.example.com",
                      "browser_session": {
                        "user_agent": {
                          "raw": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/102.0.0.0 Safari/537.36",
                          "browser_name": "Chrome",
                          "browser_version": "102",
                          "device_type": "Desktop",
                          "os_name": "MacOS",
                          "os_version": "10.15.7"
                        },
                        "ip_address": "203.0.113.24",
                        "location": {
                          "country_code": "US",
                          "latitude": 37.7749,
                          "longitude": -122.4194,
                          "lat_long_radius_km": 20
                        }
                      },
                      "application_user": {
                        "id": "au_01HX2M8Q7V3ZKJ4T6W9YB2C5DF",
                        "uri": "https://api.ngrok.com/app/users/au_01HX2M8Q7V3ZKJ4T6W9YB2C5DF"
                      },
                      "created_at": "2026-05-28T07:00:00Z",
                      "last_active": "2026-05-28T07:21:13Z",
                      "expires_at": "2026-05-29T07:00:00Z",
                      "endpoint": {
                        "id": "ep_01HX2M8Q7V3ZKJ4T6W9YB2C5DG",
                        "uri": "https://api.ngrok.com/endpoints/ep_01HX2M8Q7V3ZKJ4T6W9YB2C5DG"
                      },
                      "edge": null,
                      "route": null
                    }
                  ],
                  "uri": "http://127.0.0.1:8080/app/sessions?limit=1",
                  "next_page_uri": "http://127.0.0.1:8080/app/sessions?before_id=as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE&limit=1"
                }
              }
            }
          }
        }
      },
      "GatewayInvalidParameter": {
        "description": "A path, query or header parameter is malformed or out of range (`invalid_parameter`), or the\n`Idempotency-Key` was sent with another request (`idempotency_key_reused`); `param` names it. A\npath `id` is malformed only when it cannot be an id at all (longer than 128 characters, or holding\na control character): an id of any other shape that names no session is `404 session_not_found`.\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/GatewayError"
            },
            "examples": {
              "limitTooLarge": {
                "value": {
                  "error": {
                    "code": "invalid_parameter",
                    "message": "limit must be an integer from 1 to 200; got 500.",
                    "request_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE",
                    "param": "limit"
                  }
                }
              }
            }
          }
        }
      },
      "GatewayInvalidRequest": {
        "description": "The request is malformed: a parameter (`invalid_parameter`), the JSON body\n(`invalid_request_body`) or the proxy username (`invalid_username`, with `reason`); or its\n`Idempotency-Key` was sent with another request (`idempotency_key_reused`).\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/GatewayError"
            },
            "examples": {
              "sesstimeOutOfRange": {
                "value": {
                  "error": {
                    "code": "invalid_username",
                    "message": "sesstime must be from 1 to 1440 minutes; got 2000.",
                    "request_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE",
                    "param": "username",
                    "reason": "sesstime_out_of_range"
                  }
                }
              },
              "missingField": {
                "value": {
                  "error": {
                    "code": "invalid_request_body",
                    "message": "requests is required.",
                    "request_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE",
                    "param": "requests"
                  }
                }
              }
            }
          }
        }
      },
      "GatewayUnauthorized": {
        "description": "The API key is missing or unknown.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "WWW-Authenticate": {
            "description": "The authentication scheme to use.",
            "schema": {
              "type": "string"
            },
            "example": "Bearer realm=\"sessions-api\""
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/GatewayError"
            },
            "examples": {
              "missingKey": {
                "value": {
                  "error": {
                    "code": "unauthorized",
                    "message": "Missing API key: send it as Authorization: Bearer <key>.",
                    "request_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
                  }
                }
              }
            }
          }
        }
      },
      "GatewayScopeMismatch": {
        "description": "The key's account owns this sub-user, but the key's scope does not cover its product or sub-user.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/GatewayError"
            },
            "examples": {
              "subuserOutsideScope": {
                "value": {
                  "error": {
                    "code": "subuser_scope_mismatch",
                    "message": "This API key's scope does not cover residential sessions of sub-user sub_01HX2K3PQ4M5.",
                    "request_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
                  }
                }
              }
            }
          }
        }
      },
      "GatewaySessionNotFound": {
        "description": "`session_not_found`: the session expired, was purged or never existed (for this account and\nproduct). `product_has_no_sessions`: the product has no sessions.\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/GatewayError"
            },
            "examples": {
              "sessionNotFound": {
                "value": {
                  "error": {
                    "code": "session_not_found",
                    "message": "No session ses_01HX2K3PQ4M5: it expired or never existed.",
                    "request_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
                  }
                }
              },
              "productHasNoSessions": {
                "value": {
                  "error": {
                    "code": "product_has_no_sessions",
                    "message": "The isp product has no sessions: every ISP IP is itself permanent, so there is no transient session state.",
                    "request_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
                  }
                }
              }
            }
          }
        }
      },
      "GatewayProductHasNoSessions": {
        "description": "`product_has_no_sessions`: the product has no sessions.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/GatewayError"
            },
            "examples": {
              "productHasNoSessions": {
                "value": {
                  "error": {
                    "code": "product_has_no_sessions",
                    "message": "The isp product has no sessions: every ISP IP is itself permanent, so there is no transient session state.",
                    "request_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
                  }
                }
              }
            }
          }
        }
      },
      "GatewayIdempotencyKeyInUse": {
        "description": "A request with this `Idempotency-Key` is still running (on this instance or another); try again\nafter `Retry-After` seconds, when its answer is replayed.\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Retry-After": {
            "description": "Seconds to wait before sending the request again.",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1
            },
            "example": 1
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/GatewayError"
            },
            "examples": {
              "inUse": {
                "value": {
                  "error": {
                    "code": "idempotency_key_in_use",
                    "message": "A request with this Idempotency-Key is still running; retry in 1 s to get its answer.",
                    "request_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE",
                    "param": "Idempotency-Key"
                  }
                }
              }
            }
          }
        }
      },
      "GatewayRateLimited": {
        "description": "Too many requests with this API key, or too many unknown API keys from this client address;\nwait `Retry-After` seconds.\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/GatewayError"
            },
            "examples": {
              "rateLimited": {
                "value": {
                  "error": {
                    "code": "rate_limited",
                    "message": "Rate limit of 600 requests per minute exceeded; retry in 3 s.",
                    "request_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
                  }
                }
              },
              "unknownKeys": {
                "value": {
                  "error": {
                    "code": "rate_limited",
                    "message": "Too many unknown API keys from this address (30 a minute); retry in 2 s.",
                    "request_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
                  }
                }
              }
            }
          }
        }
      },
      "GatewayInternalError": {
        "description": "An unexpected server error. Retrying an idempotent request is safe.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/GatewayError"
            },
            "examples": {
              "internal": {
                "value": {
                  "error": {
                    "code": "internal_error",
                    "message": "An unexpected error occurred; quote the request id to support.",
                    "request_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
                  }
                }
              }
            }
          }
        }
      },
      "GatewayServiceUnavailable": {
        "description": "The server cannot reach its store (a database outage). Nothing else is wrong with the request: try\nagain after `Retry-After` seconds; a write may have been made before the connection was lost.\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/GatewayError"
            },
            "examples": {
              "storeDown": {
                "value": {
                  "error": {
                    "code": "service_unavailable",
                    "message": "The session store cannot be reached; try again in 2 s.",
                    "request_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
                  }
                }
              }
            }
          }
        }
      },
      "AppInvalidParameter": {
        "description": "A path, query or header parameter is malformed or out of range, or the `Idempotency-Key` was sent\nwith another request; `details.param` names it. A path `id` is malformed only when it cannot be an\nid at all (longer than 128 characters, or holding a control character): an id of any other shape\nthat names no application session is `404`.\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/AppError"
            },
            "examples": {
              "badLimit": {
                "value": {
                  "error_code": "ERR_INVALID_PARAMETER",
                  "status_code": 400,
                  "msg": "limit must be an integer from 1 to 100; got 0.",
                  "details": {
                    "operation_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE",
                    "param": "limit"
                  }
                }
              }
            }
          }
        }
      },
      "AppInvalidRequest": {
        "description": "The JSON body is malformed or breaks its schema (`details.param` names the field), or the\n`Idempotency-Key` header is malformed or was sent with another request (`details.param:\nIdempotency-Key`).\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/AppError"
            },
            "examples": {
              "badTtl": {
                "value": {
                  "error_code": "ERR_INVALID_REQUEST_BODY",
                  "status_code": 400,
                  "msg": "ttl_seconds must be an integer from 60 to 2592000.",
                  "details": {
                    "operation_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE",
                    "param": "ttl_seconds"
                  }
                }
              }
            }
          }
        }
      },
      "AppUnauthorized": {
        "description": "The API key is missing or unknown.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "WWW-Authenticate": {
            "description": "The authentication scheme to use.",
            "schema": {
              "type": "string"
            },
            "example": "Bearer realm=\"sessions-api\""
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/AppError"
            },
            "examples": {
              "missingKey": {
                "value": {
                  "error_code": "ERR_UNAUTHORIZED",
                  "status_code": 401,
                  "msg": "Missing API key: send it as Authorization: Bearer <key>.",
                  "details": {
                    "operation_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
                  }
                }
              }
            }
          }
        }
      },
      "AppScopeMismatch": {
        "description": "The key's scope does not cover application sessions (`ERR_UNAUTHORIZED` with `status_code: 403`).\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/AppError"
            },
            "examples": {
              "outsideScope": {
                "value": {
                  "error_code": "ERR_UNAUTHORIZED",
                  "status_code": 403,
                  "msg": "This API key's scope does not cover application sessions (a keys file grants them with \"app_sessions\": true).",
                  "details": {
                    "operation_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
                  }
                }
              }
            }
          }
        }
      },
      "AppNotFound": {
        "description": "No live application session with this id in this account.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/AppError"
            },
            "examples": {
              "notFound": {
                "value": {
                  "error_code": "ERR_NOT_FOUND",
                  "status_code": 404,
                  "msg": "Application session as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE not found.",
                  "details": {
                    "operation_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
                  }
                }
              }
            }
          }
        }
      },
      "AppIdempotencyKeyInUse": {
        "description": "A request with this `Idempotency-Key` is still running (on this instance or another); try again\nafter `Retry-After` seconds, when its answer is replayed.\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Retry-After": {
            "description": "Seconds to wait before sending the request again.",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1
            },
            "example": 1
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/AppError"
            },
            "examples": {
              "inUse": {
                "value": {
                  "error_code": "ERR_CONFLICT",
                  "status_code": 409,
                  "msg": "A request with this Idempotency-Key is still running; retry in 1 s to get its answer.",
                  "details": {
                    "operation_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE",
                    "param": "Idempotency-Key"
                  }
                }
              }
            }
          }
        }
      },
      "AppRateLimited": {
        "description": "Too many requests with this API key, or too many unknown API keys from this client address;\nwait `Retry-After` seconds.\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/AppError"
            },
            "examples": {
              "rateLimited": {
                "value": {
                  "error_code": "ERR_RATE_LIMITED",
                  "status_code": 429,
                  "msg": "Rate limit of 600 requests per minute exceeded; retry in 3 s.",
                  "details": {
                    "operation_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
                  }
                }
              },
              "unknownKeys": {
                "value": {
                  "error_code": "ERR_RATE_LIMITED",
                  "status_code": 429,
                  "msg": "Too many unknown API keys from this address (30 a minute); retry in 2 s.",
                  "details": {
                    "operation_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
                  }
                }
              }
            }
          }
        }
      },
      "AppInternalError": {
        "description": "An unexpected server error. Retrying an idempotent request is safe.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/AppError"
            },
            "examples": {
              "internal": {
                "value": {
                  "error_code": "ERR_INTERNAL",
                  "status_code": 500,
                  "msg": "An unexpected error occurred; quote the operation id to support.",
                  "details": {
                    "operation_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
                  }
                }
              }
            }
          }
        }
      },
      "AppServiceUnavailable": {
        "description": "The server cannot reach its store (a database outage): `ERR_INTERNAL` with `status_code: 503`. Try\nagain after `Retry-After` seconds; a write may have been made before the connection was lost.\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "RateLimit-Policy": {
            "$ref": "#/components/headers/RateLimit-Policy"
          },
          "RateLimit": {
            "$ref": "#/components/headers/RateLimit"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/AppError"
            },
            "examples": {
              "storeDown": {
                "value": {
                  "error_code": "ERR_INTERNAL",
                  "status_code": 503,
                  "msg": "The session store cannot be reached; try again in 2 s.",
                  "details": {
                    "operation_id": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
                  }
                }
              }
            }
          }
        }
      }
    }
  }
};
