// This file is generated from spec/openapi.yaml by packages/openapi/scripts/generate.mjs.
// Do not edit it by hand: change the spec, then run `pnpm generate`.
// It holds the TypeScript types of every path, operation and schema.

export interface paths {
    "/v1/residential/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List residential sticky sessions
         * @description Lists the sticky sessions of the `residential` product that the API key can see, newest first.
         *     By default only active sessions are listed; `status=terminated` lists the terminated sessions
         *     kept for audit (24 h after termination), and `status=all` lists both. Expired sessions are never
         *     listed. A key limited to some sub-users sees only theirs; asking for a sub-user outside the key's
         *     scope, or for a product outside it, gets `403 subuser_scope_mismatch`.
         */
        get: operations["listResidentialSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mobile/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List mobile sticky sessions
         * @description Lists the sticky sessions of the `mobile` product that the API key can see, newest first. Same
         *     filters, order, paging and status semantics as `listResidentialSessions`.
         */
        get: operations["listMobileSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/{product}/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The gateway product. Only `residential` and `mobile` have sessions; any other value (notably
                 *     `isp`, whose IPs are permanent) is `404 product_has_no_sessions`.
                 * @example residential
                 */
                product: components["parameters"]["Product"];
                /**
                 * @description Session id, as listed in `data[].id`. Any id that names no session of this account and product
                 *     is `404 session_not_found`, whatever its shape: a session that expired or never existed is not
                 *     found. Only a value that cannot be an id at all is `400 invalid_parameter`: one longer than 128
                 *     characters, or holding a control character.
                 * @example ses_01HX2K3PQ4M5
                 */
                id: components["parameters"]["GatewaySessionId"];
            };
            cookie?: never;
        };
        /**
         * Get one sticky session
         * @description Returns one session with the same fields as the list plus `samples`: the last 10 proxied
         *     requests of the session, newest first. Active sessions and terminated sessions still inside
         *     their 24 h audit window are found; an expired session, a purged one, one of another product or
         *     of another account is `404 session_not_found`. A product without sessions (`isp`, or a name
         *     that is no product) is `404 product_has_no_sessions`.
         */
        get: operations["getSession"];
        put?: never;
        post?: never;
        /**
         * Terminate a sticky session early
         * @description Terminates the session now and returns the terminated record (`status: terminated`,
         *     `terminated_at` set). Future requests with the same username get a **new** exit IP, as if
         *     `sesstime` had elapsed. The record is kept for 24 hours for audit, then purged.
         *
         *     Terminating is idempotent: terminating a session that is already terminated returns the same
         *     record unchanged (`terminated_at` keeps its first value). An unknown, expired or purged session
         *     is `404 session_not_found`.
         */
        delete: operations["terminateSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List application sessions
         * @description Lists the application sessions of the account, newest first. A page holds at most `limit`
         *     sessions; `next_page_uri` is the absolute URI of the next page (it carries `before_id` and
         *     `limit`), or `null` on the last page. Expired and deleted sessions are not listed.
         */
        get: operations["listApplicationSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Application session id. Any id that names no application session of this account is `404`
                 *     (`ERR_NOT_FOUND`), whatever its shape: a session that expired, was deleted or never existed is
                 *     not found. Only a value that cannot be an id at all is `400` (`ERR_INVALID_PARAMETER`): one
                 *     longer than 128 characters, or holding a control character.
                 * @example as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE
                 */
                id: components["parameters"]["AppSessionId"];
            };
            cookie?: never;
        };
        /**
         * Get an application session
         * @description Returns one application session by id. Expired, deleted and unknown ids are `404`.
         */
        get: operations["getApplicationSession"];
        put?: never;
        post?: never;
        /**
         * Delete an application session
         * @description Deletes the application session: it is no longer listed and reads as `404`. Answers `204` with
         *     no body. Deleting a session that is already deleted, expired or unknown is `404`.
         *
         *     The `204` has no body, as in the API these operations were specified from. Its official
         *     TypeScript client (`@ngrok/ngrok-api` 0.11.0) parses that empty body as JSON, so its
         *     `delete()` rejects with a `SyntaxError` although the session was deleted: a bug of that client,
         *     left alone here, since a body on a `204` would break HTTP. Its callers can treat that rejection
         *     as success, or check with a `GET` (`404` once deleted).
         */
        delete: operations["deleteApplicationSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sandbox/v1/{product}/traffic": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The gateway product. Only `residential` and `mobile` have sessions; any other value (notably
                 *     `isp`, whose IPs are permanent) is `404 product_has_no_sessions`.
                 * @example residential
                 */
                product: components["parameters"]["Product"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report proxied traffic for a username (sandbox)
         * @description **Sandbox only.** Records proxied requests made with a proxy username, as the gateway would.
         *     The first report for a username with no live session starts a session (`201`): a new id and exit
         *     IP, `started_at` now and `expires_at = started_at + sesstime`. Later reports add to `bytes_used`
         *     and `requests` and to the samples (`200`). `reassign_exit_ip: true` simulates an upstream
         *     reassignment: the session moves to a new exit IP and `repinned` becomes `true`.
         *
         *     The sub-user named in the username is the key's account's own, created on first use: sub-user
         *     ids are per account, so another account's sub-user of the same id is another sub-user, neither
         *     touched nor revealed. A key whose scope does not cover the product or the sub-user gets `403
         *     subuser_scope_mismatch`. A username that breaks the grammar is `400
         *     invalid_username` with a `reason` naming the rule it breaks.
         */
        post: operations["reportTraffic"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sandbox/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the test clock (sandbox)
         * @description **Sandbox only.** Returns the current time of the caller's account and how far its test clock has
         *     been moved ahead of real time. Each account has its own test clock: another account's moves do
         *     not show here. Every instance of a server over one database tells an account the same time.
         */
        get: operations["getClock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sandbox/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the test clock forward (sandbox)
         * @description **Sandbox only.** Moves the test clock of the caller's account forward by `seconds`. Everything of
         *     that account that depends on time follows at once: its sessions past `expires_at` are gone, its
         *     terminated records older than 24 h are purged, its application sessions past `expires_at` are
         *     gone, and what it writes next is stamped with its clock's time. No other account's clock moves.
         *     The clock never moves backwards, and never past 9999-01-01T00:00:00Z (every timestamp keeps its
         *     four-digit year): an advance that would take it further is `400 invalid_request_body` naming
         *     `seconds`, and moves nothing. Once there it stays there, however far real time goes on.
         */
        post: operations["advanceClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sandbox/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset the caller's account (sandbox)
         * @description **Sandbox only.** Puts the caller's account back as a fresh server has it, and no other account:
         *     its gateway sessions and application sessions are deleted, its test clock goes back to real time
         *     (`offset_seconds: 0`), and on a server that seeds demo data (the reference server's default) the
         *     account's demo data is seeded again, as of now, as a fresh server would seed it. Every other
         *     account's sessions and clock are untouched. The reset is one transaction: another request of the
         *     account sees the account either before it or after it. The answer is the account's clock after
         *     the reset. It empties the whole account, so only a key whose scope covers all of it (both
         *     products, every sub-user and the application sessions) may reset it; any other gets `403
         *     subuser_scope_mismatch`. The account's sub-users are kept (they show in no answer but through
         *     its sessions). `Idempotency-Key`s are the API key's, not the account's: a reset keeps them.
         */
        post: operations["resetSandbox"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sandbox/app/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an application session (sandbox)
         * @description **Sandbox only.** Creates an application session as a browser visiting an endpoint would. Every
         *     field of the body is optional; what is left out gets a realistic default. The raw `user_agent`
         *     is parsed into the browser and OS fields. `expires_at = created_at + ttl_seconds`.
         */
        post: operations["createApplicationSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sandbox/app/sessions/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Application session id. Any id that names no application session of this account is `404`
                 *     (`ERR_NOT_FOUND`), whatever its shape: a session that expired, was deleted or never existed is
                 *     not found. Only a value that cannot be an id at all is `400` (`ERR_INVALID_PARAMETER`): one
                 *     longer than 128 characters, or holding a control character.
                 * @example as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE
                 */
                id: components["parameters"]["AppSessionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record activity on an application session (sandbox)
         * @description **Sandbox only.** Records that the browser behind the session made a request now: `last_active`
         *     becomes the current time. `expires_at` does not move. An expired, deleted or unknown session is
         *     `404`.
         */
        post: operations["recordApplicationSessionActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description Answers `200` while the server process runs and takes requests. It asks nothing of the store, so
         *     a database outage does not make an instance look dead (restarting it would not help); use
         *     `GET /readyz` to know whether it can serve. The one exception is the embedded store (PGlite),
         *     which is part of the process: once a request has found it failed (closed, or its engine
         *     aborted), it does not recover, and `/healthz` answers `503` until the server is restarted.
         *     Needs no API key.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description Answers `200` when the server can serve: its store answers, and the database has every migration
         *     this server knows (over PostgreSQL, read from the database on every call). Otherwise `503`, whose
         *     message says which (the store cannot be reached; the database's migrations are behind this
         *     server's). A load balancer sends traffic only to ready instances; a server over PostgreSQL is
         *     ready again by itself within seconds of the database coming back. Needs no API key.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description A gateway product that has sticky sessions.
         * @enum {string}
         */
        GatewayProduct: "residential" | "mobile";
        /**
         * @description Any id a path may name to look a resource up by, whatever its shape (one that names nothing is
         *     `404`); a value longer than 128 characters or holding a control character cannot be an id.
         * @example ses_01HX2K3PQ4M5
         */
        LookupId: string;
        /**
         * @description Session id, `ses_` followed by 12 Crockford base32 characters.
         * @example ses_01HX2K3PQ4M5
         */
        SessionId: string;
        /**
         * @description Sub-user id, `sub_` followed by 4 to 32 letters or digits.
         * @example sub_01HX2K3PQ4M5
         */
        SubuserId: string;
        /**
         * @description The user-chosen session name in a proxy username, 1 to 64 letters, digits or `_`.
         * @example job1
         */
        UserSessionId: string;
        /**
         * @description Country, ISO 3166-1 alpha-2 in lowercase.
         * @example us
         */
        RegionCode: string;
        /**
         * @description Autonomous system number.
         * @example 7922
         */
        Asn: number;
        /**
         * @description An IPv4 or IPv6 address.
         * @example 198.51.100.42
         */
        IpAddress: string;
        /**
         * Format: date-time
         * @description RFC 3339 timestamp in UTC.
         * @example 2026-05-28T07:00:00Z
         */
        Timestamp: string;
        /** @description A gateway sticky session, keyed by its full proxy username. */
        Session: components["schemas"]["SessionFields"];
        /**
         * @description The fields of a gateway sticky session, shared by `Session` (list items) and `SessionDetail`
         *     (single reads), which each close the object against unknown properties.
         */
        SessionFields: {
            id: components["schemas"]["SessionId"];
            product: components["schemas"]["GatewayProduct"];
            /**
             * @description The full proxy username, which is the session key:
             *     `user-<subuser>-region-<cc>[-state-<st>][-city-<city>][-asn-<n>]-session-<id>-sesstime-<minutes>`.
             * @example user-sub_01HX2K3PQ4M5-region-us-state-ca-city-la-session-job1-sesstime-30
             */
            username: string;
            subuser: components["schemas"]["SubuserId"];
            session_id: components["schemas"]["UserSessionId"];
            region: components["schemas"]["RegionCode"];
            /** @description State or province of the exit IP, when the username targets one; else null. */
            state: string | null;
            /** @description City of the exit IP, when the username targets one; else null. */
            city: string | null;
            asn: components["schemas"]["Asn"];
            exit_ip: components["schemas"]["IpAddress"];
            started_at: components["schemas"]["Timestamp"];
            /**
             * Format: date-time
             * @description `started_at + sesstime`.
             */
            expires_at: string;
            /**
             * Format: int64
             * @description Bytes proxied in this session, both directions. It stops growing at 9223372036854775807
             *     (the int64 maximum) rather than overflow.
             */
            bytes_used: number;
            /**
             * Format: int64
             * @description Requests proxied in this session.
             */
            requests: number;
            /** @description `true` once the upstream IP was reassigned mid-session. */
            repinned: boolean;
            /**
             * @description `terminated` once the session was terminated early; its record is kept 24 h.
             * @enum {string}
             */
            status: "active" | "terminated";
            /**
             * Format: date-time
             * @description When the session was terminated; null while it is active.
             */
            terminated_at: string | null;
        };
        /** @description One proxied request of a session. */
        RequestSample: {
            at: components["schemas"]["Timestamp"];
            /** @description HTTP method, `CONNECT` for tunnelled HTTPS. */
            method: string;
            /** @description Host name or IP address the request went to. */
            target_host: string;
            target_port: number;
            /** @description HTTP status the target answered with. */
            status_code: number;
            /**
             * Format: int64
             * @description Bytes proxied for this request, both directions.
             */
            bytes: number;
            /** @description Time from the first byte received to the last byte sent, in milliseconds. */
            duration_ms: number;
        };
        /** @description A session with its last 10 proxied requests. */
        SessionDetail: components["schemas"]["SessionFields"] & {
            /** @description The last 10 proxied requests, newest first. */
            samples: components["schemas"]["RequestSample"][];
        };
        SessionPage: {
            data: components["schemas"]["Session"][];
            /** @description Cursor of the next page, or null on the last page. */
            next_cursor: string | null;
        };
        TrafficReport: {
            /**
             * @description The full proxy username the traffic was sent with. Grammar:
             *     `user-<subuser>-region-<cc>[-state-<st>][-city-<city>][-asn-<n>]-session-<id>-sesstime-<minutes>`,
             *     segments in this order, each at most once. `<subuser>` is a sub-user id (`sub_` + 4-32
             *     letters or digits); `<cc>` two lowercase letters; `<st>` 1-3 lowercase letters or digits;
             *     `<city>` a lowercase letter then up to 31 lowercase letters, digits or `_`; `<n>` an ASN
             *     (1-4294967295); `<id>` 1-64 letters, digits or `_`; `<minutes>` 1-1440.
             */
            username: string;
            /** @description The requests proxied, oldest first. */
            requests: components["schemas"]["ProxiedRequest"][];
            /**
             * @description Simulate an upstream reassignment before these requests: a live session moves to a new exit
             *     IP and `repinned` becomes `true`. Ignored when the report starts a new session.
             * @default false
             */
            reassign_exit_ip?: boolean;
        };
        ProxiedRequest: {
            method: string;
            /** @description The host the request went to, as the proxy saw it (printable ASCII, no spaces). */
            target_host: string;
            target_port: number;
            status_code: number;
            /**
             * Format: int64
             * @description Bytes of the request and its response, at most 1 TiB.
             */
            bytes: number;
            duration_ms: number;
        };
        Clock: {
            now: components["schemas"]["Timestamp"];
            /**
             * @description How far the account's test clock has been moved ahead of real time: `now` is real time plus
             *     this, held at 9999-01-01T00:00:00Z once it gets there.
             */
            offset_seconds: number;
        };
        ClockAdvance: {
            /** @description Seconds to move the clock forward (at most one year per call). */
            seconds: number;
        };
        Health: {
            /** @enum {string} */
            status: "ok";
            /**
             * @description Which store the server runs on.
             * @enum {string}
             */
            store: "pglite" | "postgres";
        };
        /**
         * @description Machine-readable error code of the gateway family. `invalid_parameter` (400): a path or query
         *     parameter is malformed or out of range, `param` names it. `invalid_request_body` (400): the JSON
         *     body is missing, malformed or breaks its schema, `param` names the field. `invalid_username`
         *     (400): the proxy username breaks its grammar, `reason` names the rule. `unauthorized` (401).
         *     `subuser_scope_mismatch` (403): the key's scope does not cover this sub-user or product.
         *     `session_not_found` (404): the session expired, was purged or never existed.
         *     `product_has_no_sessions` (404): the product has no sessions (`isp`) or does not exist.
         *     `subuser_not_found` (404): not returned since sub-user ids are per account (the sub-user of a
         *     username is always the key's account's own); kept so that clients handling it need no change.
         *     `not_found` (404): no such path. `method_not_allowed` (405).
         *     `malformed_request` (400, 408 or 431): the request could not be read as HTTP/1.1, so no
         *     operation ran (see Errors in the API description). `rate_limited` (429). `internal_error` (500).
         *     `service_unavailable` (503): the server cannot reach its store, or holds its limit of
         *     connections; try again after `Retry-After`. `idempotency_key_in_use` (409): a request with this
         *     `Idempotency-Key` is still running; try again after `Retry-After`. `idempotency_key_reused`
         *     (400): this `Idempotency-Key` was sent with another request (method, path or body); use a new key.
         * @enum {string}
         */
        GatewayErrorCode: "invalid_parameter" | "invalid_request_body" | "invalid_username" | "unauthorized" | "subuser_scope_mismatch" | "session_not_found" | "product_has_no_sessions" | "subuser_not_found" | "not_found" | "method_not_allowed" | "malformed_request" | "rate_limited" | "internal_error" | "service_unavailable" | "idempotency_key_in_use" | "idempotency_key_reused";
        /**
         * @description The grammar rule a proxy username breaks. `username_too_long`: over 256 characters.
         *     `missing_user_prefix`: does not start with `user-<subuser>`. `unknown_segment`: a segment name
         *     outside the grammar. `duplicate_segment`, `segment_out_of_order`, `missing_segment` (`region`,
         *     `session` and `sesstime` are required). `invalid_subuser`, `invalid_region`, `invalid_state`,
         *     `invalid_city`, `invalid_asn`, `invalid_session_id`: a value with characters or a length outside
         *     its rule. `invalid_sesstime`: not a whole number of minutes. `sesstime_out_of_range`: outside
         *     1-1440 minutes.
         * @enum {string}
         */
        UsernameViolation: "username_too_long" | "missing_user_prefix" | "unknown_segment" | "duplicate_segment" | "segment_out_of_order" | "missing_segment" | "invalid_subuser" | "invalid_region" | "invalid_state" | "invalid_city" | "invalid_asn" | "invalid_session_id" | "invalid_sesstime" | "sesstime_out_of_range";
        /**
         * GatewayError
         * @description The error body of every 4xx and 5xx response of the gateway family and the sandbox.
         */
        GatewayError: {
            error: {
                code: components["schemas"]["GatewayErrorCode"];
                /**
                 * @description Human-readable explanation, safe to show to a developer. Its language follows the request's
                 *     `Accept-Language` (Chinese or English).
                 */
                message: string;
                /** @description Same as the `X-Request-Id` response header. */
                request_id: string;
                /** @description The parameter or body field at fault (400 errors). */
                param?: string;
                reason?: components["schemas"]["UsernameViolation"];
            };
        };
        /**
         * @description Application session id, `as_` followed by a 26-character ULID (sorts by creation time).
         * @example as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE
         */
        ApplicationSessionId: string;
        /** @description A reference to another resource. */
        Ref: {
            /** @description A resource identifier. */
            id: string;
            /**
             * Format: uri
             * @description A URI for locating the resource.
             */
            uri: string;
        };
        /** @description HTTP User-Agent data. Fields the header does not reveal are empty strings. */
        UserAgent: {
            /** @description Raw User-Agent request header. */
            raw: string;
            /** @description Browser name (e.g. Chrome). */
            browser_name: string;
            /** @description Browser major version (e.g. 102). */
            browser_version: string;
            /** @description Type of device (e.g. Desktop). */
            device_type: string;
            /** @description Operating system name (e.g. MacOS). */
            os_name: string;
            /** @description Operating system version (e.g. 10.15.7). */
            os_version: string;
        };
        /** @description IP geolocation data. */
        Location: {
            /** @description ISO 3166-1 alpha-2 country code, uppercase. */
            country_code: string;
            /** Format: double */
            latitude: number;
            /** Format: double */
            longitude: number;
            /**
             * Format: int64
             * @description Accuracy radius of the coordinates, in kilometres.
             */
            lat_long_radius_km: number;
        };
        /** @description Browser session details. */
        BrowserSession: {
            user_agent: components["schemas"]["UserAgent"];
            ip_address: components["schemas"]["IpAddress"];
            location: components["schemas"]["Location"];
        };
        ApplicationSession: {
            id: components["schemas"]["ApplicationSessionId"];
            /**
             * Format: uri
             * @description Absolute URI of this application session resource.
             */
            uri: string;
            /**
             * Format: uri
             * @description URL of the hostport served by the endpoint.
             */
            public_url: string;
            browser_session: components["schemas"]["BrowserSession"];
            /**
             * @description The application user. Its `uri` is a link into the API these operations were specified from
             *     (`https://api.ngrok.com/app/users/{id}`), which holds the user: this API does not serve it.
             */
            application_user: components["schemas"]["Ref"];
            created_at: components["schemas"]["Timestamp"];
            /**
             * Format: date-time
             * @description When the browser behind the session last made a request.
             */
            last_active: string;
            /**
             * Format: date-time
             * @description When the session expires; after it, the session is gone.
             */
            expires_at: string;
            /**
             * @description The endpoint the session came through. Its `uri` is a link into the API these operations were
             *     specified from (`https://api.ngrok.com/endpoints/{id}`): this API does not serve it.
             */
            endpoint: components["schemas"]["Ref"];
            /**
             * @description Edge of the session; null if the endpoint is agent-initiated. Its `uri` is a link into the
             *     API these operations were specified from (`https://api.ngrok.com/edges/https/{id}`).
             */
            edge: components["schemas"]["Ref"] | null;
            /**
             * @description Route of the session; null if the endpoint is agent-initiated. Its `uri` is a link into the
             *     API these operations were specified from (under its edge's `uri`).
             */
            route: components["schemas"]["Ref"] | null;
        };
        ApplicationSessionList: {
            /** @description A page of the account's application sessions, newest first. */
            application_sessions: components["schemas"]["ApplicationSession"][];
            /**
             * Format: uri
             * @description Absolute URI of this page.
             */
            uri: string;
            /**
             * Format: uri
             * @description Absolute URI of the next page, or null on the last page.
             */
            next_page_uri: string | null;
        };
        ApplicationSessionCreate: {
            /**
             * @description Raw User-Agent header of the browser: no control characters (as in an HTTP header) and no
             *     unpaired surrogate escapes.
             */
            user_agent?: string;
            ip_address?: components["schemas"]["IpAddress"];
            location?: components["schemas"]["Location"];
            /**
             * Format: uri
             * @description URL of the hostport served by the endpoint: `http` or `https` only, since clients show it as
             *     a link (a `javascript:` or `data:` URL there would run in their pages).
             */
            public_url?: string;
            /** @description Id of the application user; a new one is made when left out. */
            application_user_id?: string;
            /**
             * @description `true` for an agent-initiated endpoint: `edge` and `route` are null.
             * @default false
             */
            agent_initiated?: boolean;
            /**
             * @description Lifetime of the session; `expires_at = created_at + ttl_seconds`.
             * @default 86400
             */
            ttl_seconds?: number;
        };
        /**
         * AppError
         * @description The error body of every 4xx and 5xx response of the application-sessions family.
         */
        AppError: {
            /**
             * @description Machine-readable error code. `ERR_INVALID_PARAMETER` (400, `details.param` names it),
             *     `ERR_INVALID_REQUEST_BODY` (400), `ERR_UNAUTHORIZED` (401: the key is missing or unknown;
             *     403: the key's scope does not cover application sessions), `ERR_NOT_FOUND` (404),
             *     `ERR_METHOD_NOT_ALLOWED` (405), `ERR_MALFORMED_REQUEST` (400, 408 or 431: the request
             *     could not be read as HTTP/1.1), `ERR_RATE_LIMITED` (429), `ERR_INTERNAL` (500, or 503 when
             *     the server cannot reach its store: `status_code` tells them apart). Sandbox writes with an
             *     `Idempotency-Key` also answer `ERR_CONFLICT` (409: a request with the key is still running)
             *     and `ERR_INVALID_PARAMETER` (400) with `details.param: Idempotency-Key` when the key is
             *     empty, too long, or was sent with another request.
             * @enum {string}
             */
            error_code: "ERR_INVALID_PARAMETER" | "ERR_INVALID_REQUEST_BODY" | "ERR_UNAUTHORIZED" | "ERR_NOT_FOUND" | "ERR_METHOD_NOT_ALLOWED" | "ERR_MALFORMED_REQUEST" | "ERR_RATE_LIMITED" | "ERR_INTERNAL" | "ERR_CONFLICT";
            /** @description The HTTP status of the response. */
            status_code: number;
            /** @description Human-readable explanation. Its language follows the request's `Accept-Language` (Chinese or English). */
            msg: string;
            /** @description `operation_id` is the request id; `param` names the parameter at fault. */
            details: {
                operation_id: string;
                param?: string;
            } & {
                [key: string]: string;
            };
        };
    };
    responses: {
        /** @description A page of sessions, newest first. */
        SessionList: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["SessionPage"];
            };
        };
        /** @description The session with its last 10 proxied requests. */
        SessionDetail: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["SessionDetail"];
            };
        };
        /** @description The session is terminated (now, or by an earlier call); its record is kept 24 hours. */
        TerminatedSession: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["SessionDetail"];
            };
        };
        /** @description The test clock of the caller's account. */
        Clock: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Clock"];
            };
        };
        /** @description The application session. */
        ApplicationSession: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApplicationSession"];
            };
        };
        /** @description A page of application sessions, newest first. */
        ApplicationSessionList: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApplicationSessionList"];
            };
        };
        /**
         * @description A path, query or header parameter is malformed or out of range (`invalid_parameter`), or the
         *     `Idempotency-Key` was sent with another request (`idempotency_key_reused`); `param` names it. A
         *     path `id` is malformed only when it cannot be an id at all (longer than 128 characters, or holding
         *     a control character): an id of any other shape that names no session is `404 session_not_found`.
         */
        GatewayInvalidParameter: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /**
         * @description The request is malformed: a parameter (`invalid_parameter`), the JSON body
         *     (`invalid_request_body`) or the proxy username (`invalid_username`, with `reason`); or its
         *     `Idempotency-Key` was sent with another request (`idempotency_key_reused`).
         */
        GatewayInvalidRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /** @description The API key is missing or unknown. */
        GatewayUnauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                /**
                 * @description The authentication scheme to use.
                 * @example Bearer realm="sessions-api"
                 */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /** @description The key's account owns this sub-user, but the key's scope does not cover its product or sub-user. */
        GatewayScopeMismatch: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /**
         * @description `session_not_found`: the session expired, was purged or never existed (for this account and
         *     product). `product_has_no_sessions`: the product has no sessions.
         */
        GatewaySessionNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /** @description `product_has_no_sessions`: the product has no sessions. */
        GatewayProductHasNoSessions: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /**
         * @description A request with this `Idempotency-Key` is still running (on this instance or another); try again
         *     after `Retry-After` seconds, when its answer is replayed.
         */
        GatewayIdempotencyKeyInUse: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                /**
                 * @description Seconds to wait before sending the request again.
                 * @example 1
                 */
                "Retry-After": number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /**
         * @description Too many requests with this API key, or too many unknown API keys from this client address;
         *     wait `Retry-After` seconds.
         */
        GatewayRateLimited: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /** @description An unexpected server error. Retrying an idempotent request is safe. */
        GatewayInternalError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /**
         * @description The server cannot reach its store (a database outage). Nothing else is wrong with the request: try
         *     again after `Retry-After` seconds; a write may have been made before the connection was lost.
         */
        GatewayServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayError"];
            };
        };
        /**
         * @description A path, query or header parameter is malformed or out of range, or the `Idempotency-Key` was sent
         *     with another request; `details.param` names it. A path `id` is malformed only when it cannot be an
         *     id at all (longer than 128 characters, or holding a control character): an id of any other shape
         *     that names no application session is `404`.
         */
        AppInvalidParameter: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AppError"];
            };
        };
        /**
         * @description The JSON body is malformed or breaks its schema (`details.param` names the field), or the
         *     `Idempotency-Key` header is malformed or was sent with another request (`details.param:
         *     Idempotency-Key`).
         */
        AppInvalidRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AppError"];
            };
        };
        /** @description The API key is missing or unknown. */
        AppUnauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                /**
                 * @description The authentication scheme to use.
                 * @example Bearer realm="sessions-api"
                 */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AppError"];
            };
        };
        /** @description The key's scope does not cover application sessions (`ERR_UNAUTHORIZED` with `status_code: 403`). */
        AppScopeMismatch: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AppError"];
            };
        };
        /** @description No live application session with this id in this account. */
        AppNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AppError"];
            };
        };
        /**
         * @description A request with this `Idempotency-Key` is still running (on this instance or another); try again
         *     after `Retry-After` seconds, when its answer is replayed.
         */
        AppIdempotencyKeyInUse: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                /**
                 * @description Seconds to wait before sending the request again.
                 * @example 1
                 */
                "Retry-After": number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AppError"];
            };
        };
        /**
         * @description Too many requests with this API key, or too many unknown API keys from this client address;
         *     wait `Retry-After` seconds.
         */
        AppRateLimited: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AppError"];
            };
        };
        /** @description An unexpected server error. Retrying an idempotent request is safe. */
        AppInternalError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AppError"];
            };
        };
        /**
         * @description The server cannot reach its store (a database outage): `ERR_INTERNAL` with `status_code: 503`. Try
         *     again after `Retry-After` seconds; a write may have been made before the connection was lost.
         */
        AppServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AppError"];
            };
        };
    };
    parameters: {
        /**
         * @description Makes a sandbox write safe to retry, as Stripe's idempotency keys do: a unique value the client
         *     makes per write (a UUID v4, say) and sends again with each retry of it. The first request with a
         *     key runs; for 24 hours (real time: no test clock moves it) another with the same key and the same
         *     request (method, path and JSON body) does not run again but gets the first one's answer (status,
         *     body and headers, `X-Request-Id` included) with `Idempotent-Replayed: true`. An answer of `5xx`
         *     is not kept: a retry runs the request. Keys belong to the API key that sent them (another API
         *     key's same key is another key) and are kept in the server's database, so a retry that reaches
         *     another instance over it gets the same answer. The same key with another request is `400
         *     idempotency_key_reused` (as Stripe answers it), and does not run; a request while the first with
         *     its key is still running is `409 idempotency_key_in_use` with `Retry-After`, and does not run
         *     either: of requests sent together with one key, exactly one has an effect. An empty key, or one
         *     over 255 characters, is `400 invalid_parameter` naming `Idempotency-Key`. Without the header,
         *     every request runs.
         * @example 0b6e8f5a-3c2d-4e1f-9a7b-5d4c3b2a1f0e
         */
        IdempotencyKey: string;
        /**
         * @description The gateway product. Only `residential` and `mobile` have sessions; any other value (notably
         *     `isp`, whose IPs are permanent) is `404 product_has_no_sessions`.
         * @example residential
         */
        Product: string;
        /**
         * @description Session id, as listed in `data[].id`. Any id that names no session of this account and product
         *     is `404 session_not_found`, whatever its shape: a session that expired or never existed is not
         *     found. Only a value that cannot be an id at all is `400 invalid_parameter`: one longer than 128
         *     characters, or holding a control character.
         * @example ses_01HX2K3PQ4M5
         */
        GatewaySessionId: string | components["schemas"]["SessionId"] | components["schemas"]["LookupId"];
        /**
         * @description Only sessions of this sub-user.
         * @example sub_01HX2K3PQ4M5
         */
        SubuserFilter: components["schemas"]["SubuserId"];
        /**
         * @description Only sessions whose username carries this `session_id` (the user-chosen part, e.g. `job1` from
         *     `-session-job1-sesstime-30`). Several sessions can share it under different geo or sub-users.
         * @example job1
         */
        SessionIdFilter: components["schemas"]["UserSessionId"];
        /**
         * @description Only sessions whose exit IP is in this country (ISO 3166-1 alpha-2, lowercase).
         * @example us
         */
        RegionFilter: components["schemas"]["RegionCode"];
        /**
         * @description Only sessions whose exit IP belongs to this autonomous system.
         * @example 7922
         */
        AsnFilter: components["schemas"]["Asn"];
        /**
         * @description Only sessions whose upstream IP was (`true`) or was not (`false`) reassigned mid-session.
         * @example false
         */
        RepinnedFilter: boolean;
        /**
         * @description Which sessions to list: `active` (default) lists live sessions; `terminated` lists sessions
         *     terminated in the last 24 hours (kept for audit); `all` lists both. Expired sessions are never
         *     listed.
         * @example all
         */
        StatusFilter: "active" | "terminated" | "all";
        /**
         * @description Page size. Default 50, maximum 200.
         * @example 50
         */
        GatewayLimit: number;
        /**
         * @description Opaque position, taken verbatim from a previous page's `next_cursor`. A cursor is valid only
         *     with the same product, filters and account that produced it; anything else (a cursor the server
         *     did not issue: malformed, altered, cut short or made up; or one issued for another query) is
         *     `400 invalid_parameter`. Cursors are signed by the server, so one issued by any instance serving
         *     the same data keeps working on the others and after a restart. Paging is keyset-based on the list
         *     order (`started_at` descending, then `id` descending), so sessions that start while a client
         *     pages appear on no later page, and no session is repeated or skipped.
         */
        GatewayCursor: string;
        /**
         * @description Application session id. Any id that names no application session of this account is `404`
         *     (`ERR_NOT_FOUND`), whatever its shape: a session that expired, was deleted or never existed is
         *     not found. Only a value that cannot be an id at all is `400` (`ERR_INVALID_PARAMETER`): one
         *     longer than 128 characters, or holding a control character.
         * @example as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE
         */
        AppSessionId: string | components["schemas"]["ApplicationSessionId"] | components["schemas"]["LookupId"];
        /**
         * @description Page size. Default 100, maximum 100.
         * @example 20
         */
        AppLimit: number;
        /**
         * @description Lists the sessions created before this one (ids sort by creation time). It must name an
         *     application session of this account; one deleted in the last 24 hours still counts, so paging
         *     survives deletions. Anything else is `400`. Normally taken from `next_page_uri`.
         * @example as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE
         */
        AppBeforeId: components["schemas"]["ApplicationSessionId"];
        /**
         * @deprecated
         * @description Alias of `before_id`, with the same meaning and rules, kept for the official TypeScript client
         *     of the API these operations were specified from (`@ngrok/ngrok-api`): its `list()` sends the
         *     cursor as `beforeId`. Giving both is `400` naming `beforeId` unless they are equal. New clients
         *     send `before_id`, or follow `next_page_uri`, which always carries `before_id`.
         * @example as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE
         */
        AppBeforeIdAlias: components["schemas"]["ApplicationSessionId"];
    };
    requestBodies: never;
    headers: {
        /**
         * @description Unique id of this request; the same id appears in error bodies.
         * @example req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE
         */
        "X-Request-Id": string;
        /**
         * @description The API key's request budget, as a quota policy of draft-ietf-httpapi-ratelimit-headers-10 (a
         *     structured-field list): one policy named `default` of `q` requests per window of `w` = 60
         *     seconds. Sent on every response to a request whose API key the server knows, whether it
         *     succeeded or not (never on a `401`, nor on a `429` for unknown keys from the client's address).
         * @example "default";q=600;w=60
         */
        "RateLimit-Policy": string;
        /**
         * @description What is left of the API key's budget after this request, per draft-ietf-httpapi-ratelimit-headers-10:
         *     `r` whole requests remain, and in `t` seconds the budget is full again (it refills continuously, one
         *     request every `w / q` seconds). Sent with `RateLimit-Policy`. A key over its budget gets `429` with
         *     `r=0`; its `Retry-After` says when the next request is allowed. Over several instances of the
         *     reference server on one PostgreSQL database, the budget is the key's across all of them.
         * @example "default";r=597;t=1
         */
        RateLimit: string;
        /**
         * @description Seconds to wait before trying again: on `429`, until this API key's budget allows the next
         *     request; on `503`, about how long the store takes to come back, at the shortest.
         * @example 3
         */
        "Retry-After": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listResidentialSessions: {
        parameters: {
            query?: {
                /**
                 * @description Only sessions of this sub-user.
                 * @example sub_01HX2K3PQ4M5
                 */
                subuser?: components["parameters"]["SubuserFilter"];
                /**
                 * @description Only sessions whose username carries this `session_id` (the user-chosen part, e.g. `job1` from
                 *     `-session-job1-sesstime-30`). Several sessions can share it under different geo or sub-users.
                 * @example job1
                 */
                session_id?: components["parameters"]["SessionIdFilter"];
                /**
                 * @description Only sessions whose exit IP is in this country (ISO 3166-1 alpha-2, lowercase).
                 * @example us
                 */
                region?: components["parameters"]["RegionFilter"];
                /**
                 * @description Only sessions whose exit IP belongs to this autonomous system.
                 * @example 7922
                 */
                asn?: components["parameters"]["AsnFilter"];
                /**
                 * @description Only sessions whose upstream IP was (`true`) or was not (`false`) reassigned mid-session.
                 * @example false
                 */
                repinned?: components["parameters"]["RepinnedFilter"];
                /**
                 * @description Which sessions to list: `active` (default) lists live sessions; `terminated` lists sessions
                 *     terminated in the last 24 hours (kept for audit); `all` lists both. Expired sessions are never
                 *     listed.
                 * @example all
                 */
                status?: components["parameters"]["StatusFilter"];
                /**
                 * @description Page size. Default 50, maximum 200.
                 * @example 50
                 */
                limit?: components["parameters"]["GatewayLimit"];
                /**
                 * @description Opaque position, taken verbatim from a previous page's `next_cursor`. A cursor is valid only
                 *     with the same product, filters and account that produced it; anything else (a cursor the server
                 *     did not issue: malformed, altered, cut short or made up; or one issued for another query) is
                 *     `400 invalid_parameter`. Cursors are signed by the server, so one issued by any instance serving
                 *     the same data keeps working on the others and after a restart. Paging is keyset-based on the list
                 *     order (`started_at` descending, then `id` descending), so sessions that start while a client
                 *     pages appear on no later page, and no session is repeated or skipped.
                 */
                cursor?: components["parameters"]["GatewayCursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["SessionList"];
            400: components["responses"]["GatewayInvalidParameter"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayScopeMismatch"];
            429: components["responses"]["GatewayRateLimited"];
            500: components["responses"]["GatewayInternalError"];
            503: components["responses"]["GatewayServiceUnavailable"];
        };
    };
    listMobileSessions: {
        parameters: {
            query?: {
                /**
                 * @description Only sessions of this sub-user.
                 * @example sub_01HX2K3PQ4M5
                 */
                subuser?: components["parameters"]["SubuserFilter"];
                /**
                 * @description Only sessions whose username carries this `session_id` (the user-chosen part, e.g. `job1` from
                 *     `-session-job1-sesstime-30`). Several sessions can share it under different geo or sub-users.
                 * @example job1
                 */
                session_id?: components["parameters"]["SessionIdFilter"];
                /**
                 * @description Only sessions whose exit IP is in this country (ISO 3166-1 alpha-2, lowercase).
                 * @example us
                 */
                region?: components["parameters"]["RegionFilter"];
                /**
                 * @description Only sessions whose exit IP belongs to this autonomous system.
                 * @example 7922
                 */
                asn?: components["parameters"]["AsnFilter"];
                /**
                 * @description Only sessions whose upstream IP was (`true`) or was not (`false`) reassigned mid-session.
                 * @example false
                 */
                repinned?: components["parameters"]["RepinnedFilter"];
                /**
                 * @description Which sessions to list: `active` (default) lists live sessions; `terminated` lists sessions
                 *     terminated in the last 24 hours (kept for audit); `all` lists both. Expired sessions are never
                 *     listed.
                 * @example all
                 */
                status?: components["parameters"]["StatusFilter"];
                /**
                 * @description Page size. Default 50, maximum 200.
                 * @example 50
                 */
                limit?: components["parameters"]["GatewayLimit"];
                /**
                 * @description Opaque position, taken verbatim from a previous page's `next_cursor`. A cursor is valid only
                 *     with the same product, filters and account that produced it; anything else (a cursor the server
                 *     did not issue: malformed, altered, cut short or made up; or one issued for another query) is
                 *     `400 invalid_parameter`. Cursors are signed by the server, so one issued by any instance serving
                 *     the same data keeps working on the others and after a restart. Paging is keyset-based on the list
                 *     order (`started_at` descending, then `id` descending), so sessions that start while a client
                 *     pages appear on no later page, and no session is repeated or skipped.
                 */
                cursor?: components["parameters"]["GatewayCursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["SessionList"];
            400: components["responses"]["GatewayInvalidParameter"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayScopeMismatch"];
            429: components["responses"]["GatewayRateLimited"];
            500: components["responses"]["GatewayInternalError"];
            503: components["responses"]["GatewayServiceUnavailable"];
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The gateway product. Only `residential` and `mobile` have sessions; any other value (notably
                 *     `isp`, whose IPs are permanent) is `404 product_has_no_sessions`.
                 * @example residential
                 */
                product: components["parameters"]["Product"];
                /**
                 * @description Session id, as listed in `data[].id`. Any id that names no session of this account and product
                 *     is `404 session_not_found`, whatever its shape: a session that expired or never existed is not
                 *     found. Only a value that cannot be an id at all is `400 invalid_parameter`: one longer than 128
                 *     characters, or holding a control character.
                 * @example ses_01HX2K3PQ4M5
                 */
                id: components["parameters"]["GatewaySessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["SessionDetail"];
            400: components["responses"]["GatewayInvalidParameter"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayScopeMismatch"];
            404: components["responses"]["GatewaySessionNotFound"];
            429: components["responses"]["GatewayRateLimited"];
            500: components["responses"]["GatewayInternalError"];
            503: components["responses"]["GatewayServiceUnavailable"];
        };
    };
    terminateSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The gateway product. Only `residential` and `mobile` have sessions; any other value (notably
                 *     `isp`, whose IPs are permanent) is `404 product_has_no_sessions`.
                 * @example residential
                 */
                product: components["parameters"]["Product"];
                /**
                 * @description Session id, as listed in `data[].id`. Any id that names no session of this account and product
                 *     is `404 session_not_found`, whatever its shape: a session that expired or never existed is not
                 *     found. Only a value that cannot be an id at all is `400 invalid_parameter`: one longer than 128
                 *     characters, or holding a control character.
                 * @example ses_01HX2K3PQ4M5
                 */
                id: components["parameters"]["GatewaySessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["TerminatedSession"];
            400: components["responses"]["GatewayInvalidParameter"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayScopeMismatch"];
            404: components["responses"]["GatewaySessionNotFound"];
            429: components["responses"]["GatewayRateLimited"];
            500: components["responses"]["GatewayInternalError"];
            503: components["responses"]["GatewayServiceUnavailable"];
        };
    };
    listApplicationSessions: {
        parameters: {
            query?: {
                /**
                 * @description Page size. Default 100, maximum 100.
                 * @example 20
                 */
                limit?: components["parameters"]["AppLimit"];
                /**
                 * @description Lists the sessions created before this one (ids sort by creation time). It must name an
                 *     application session of this account; one deleted in the last 24 hours still counts, so paging
                 *     survives deletions. Anything else is `400`. Normally taken from `next_page_uri`.
                 * @example as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE
                 */
                before_id?: components["parameters"]["AppBeforeId"];
                /**
                 * @deprecated
                 * @description Alias of `before_id`, with the same meaning and rules, kept for the official TypeScript client
                 *     of the API these operations were specified from (`@ngrok/ngrok-api`): its `list()` sends the
                 *     cursor as `beforeId`. Giving both is `400` naming `beforeId` unless they are equal. New clients
                 *     send `before_id`, or follow `next_page_uri`, which always carries `before_id`.
                 * @example as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE
                 */
                beforeId?: components["parameters"]["AppBeforeIdAlias"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ApplicationSessionList"];
            400: components["responses"]["AppInvalidParameter"];
            401: components["responses"]["AppUnauthorized"];
            403: components["responses"]["AppScopeMismatch"];
            429: components["responses"]["AppRateLimited"];
            500: components["responses"]["AppInternalError"];
            503: components["responses"]["AppServiceUnavailable"];
        };
    };
    getApplicationSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Application session id. Any id that names no application session of this account is `404`
                 *     (`ERR_NOT_FOUND`), whatever its shape: a session that expired, was deleted or never existed is
                 *     not found. Only a value that cannot be an id at all is `400` (`ERR_INVALID_PARAMETER`): one
                 *     longer than 128 characters, or holding a control character.
                 * @example as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE
                 */
                id: components["parameters"]["AppSessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ApplicationSession"];
            400: components["responses"]["AppInvalidParameter"];
            401: components["responses"]["AppUnauthorized"];
            403: components["responses"]["AppScopeMismatch"];
            404: components["responses"]["AppNotFound"];
            429: components["responses"]["AppRateLimited"];
            500: components["responses"]["AppInternalError"];
            503: components["responses"]["AppServiceUnavailable"];
        };
    };
    deleteApplicationSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Application session id. Any id that names no application session of this account is `404`
                 *     (`ERR_NOT_FOUND`), whatever its shape: a session that expired, was deleted or never existed is
                 *     not found. Only a value that cannot be an id at all is `400` (`ERR_INVALID_PARAMETER`): one
                 *     longer than 128 characters, or holding a control character.
                 * @example as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE
                 */
                id: components["parameters"]["AppSessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session was deleted. No body. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["AppInvalidParameter"];
            401: components["responses"]["AppUnauthorized"];
            403: components["responses"]["AppScopeMismatch"];
            404: components["responses"]["AppNotFound"];
            429: components["responses"]["AppRateLimited"];
            500: components["responses"]["AppInternalError"];
            503: components["responses"]["AppServiceUnavailable"];
        };
    };
    reportTraffic: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a sandbox write safe to retry, as Stripe's idempotency keys do: a unique value the client
                 *     makes per write (a UUID v4, say) and sends again with each retry of it. The first request with a
                 *     key runs; for 24 hours (real time: no test clock moves it) another with the same key and the same
                 *     request (method, path and JSON body) does not run again but gets the first one's answer (status,
                 *     body and headers, `X-Request-Id` included) with `Idempotent-Replayed: true`. An answer of `5xx`
                 *     is not kept: a retry runs the request. Keys belong to the API key that sent them (another API
                 *     key's same key is another key) and are kept in the server's database, so a retry that reaches
                 *     another instance over it gets the same answer. The same key with another request is `400
                 *     idempotency_key_reused` (as Stripe answers it), and does not run; a request while the first with
                 *     its key is still running is `409 idempotency_key_in_use` with `Retry-After`, and does not run
                 *     either: of requests sent together with one key, exactly one has an effect. An empty key, or one
                 *     over 255 characters, is `400 invalid_parameter` naming `Idempotency-Key`. Without the header,
                 *     every request runs.
                 * @example 0b6e8f5a-3c2d-4e1f-9a7b-5d4c3b2a1f0e
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The gateway product. Only `residential` and `mobile` have sessions; any other value (notably
                 *     `isp`, whose IPs are permanent) is `404 product_has_no_sessions`.
                 * @example residential
                 */
                product: components["parameters"]["Product"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrafficReport"];
            };
        };
        responses: {
            /** @description The traffic was added to the live session for this username. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDetail"];
                };
            };
            /** @description No live session had this username; a new session started with this traffic. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /**
                     * @description Path of the new session.
                     * @example /v1/residential/sessions/ses_01HX2K3PQ4M5
                     */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDetail"];
                };
            };
            400: components["responses"]["GatewayInvalidRequest"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayScopeMismatch"];
            404: components["responses"]["GatewayProductHasNoSessions"];
            409: components["responses"]["GatewayIdempotencyKeyInUse"];
            429: components["responses"]["GatewayRateLimited"];
            500: components["responses"]["GatewayInternalError"];
            503: components["responses"]["GatewayServiceUnavailable"];
        };
    };
    getClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Clock"];
            401: components["responses"]["GatewayUnauthorized"];
            429: components["responses"]["GatewayRateLimited"];
            500: components["responses"]["GatewayInternalError"];
            503: components["responses"]["GatewayServiceUnavailable"];
        };
    };
    advanceClock: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a sandbox write safe to retry, as Stripe's idempotency keys do: a unique value the client
                 *     makes per write (a UUID v4, say) and sends again with each retry of it. The first request with a
                 *     key runs; for 24 hours (real time: no test clock moves it) another with the same key and the same
                 *     request (method, path and JSON body) does not run again but gets the first one's answer (status,
                 *     body and headers, `X-Request-Id` included) with `Idempotent-Replayed: true`. An answer of `5xx`
                 *     is not kept: a retry runs the request. Keys belong to the API key that sent them (another API
                 *     key's same key is another key) and are kept in the server's database, so a retry that reaches
                 *     another instance over it gets the same answer. The same key with another request is `400
                 *     idempotency_key_reused` (as Stripe answers it), and does not run; a request while the first with
                 *     its key is still running is `409 idempotency_key_in_use` with `Retry-After`, and does not run
                 *     either: of requests sent together with one key, exactly one has an effect. An empty key, or one
                 *     over 255 characters, is `400 invalid_parameter` naming `Idempotency-Key`. Without the header,
                 *     every request runs.
                 * @example 0b6e8f5a-3c2d-4e1f-9a7b-5d4c3b2a1f0e
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockAdvance"];
            };
        };
        responses: {
            200: components["responses"]["Clock"];
            400: components["responses"]["GatewayInvalidRequest"];
            401: components["responses"]["GatewayUnauthorized"];
            409: components["responses"]["GatewayIdempotencyKeyInUse"];
            429: components["responses"]["GatewayRateLimited"];
            500: components["responses"]["GatewayInternalError"];
            503: components["responses"]["GatewayServiceUnavailable"];
        };
    };
    resetSandbox: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a sandbox write safe to retry, as Stripe's idempotency keys do: a unique value the client
                 *     makes per write (a UUID v4, say) and sends again with each retry of it. The first request with a
                 *     key runs; for 24 hours (real time: no test clock moves it) another with the same key and the same
                 *     request (method, path and JSON body) does not run again but gets the first one's answer (status,
                 *     body and headers, `X-Request-Id` included) with `Idempotent-Replayed: true`. An answer of `5xx`
                 *     is not kept: a retry runs the request. Keys belong to the API key that sent them (another API
                 *     key's same key is another key) and are kept in the server's database, so a retry that reaches
                 *     another instance over it gets the same answer. The same key with another request is `400
                 *     idempotency_key_reused` (as Stripe answers it), and does not run; a request while the first with
                 *     its key is still running is `409 idempotency_key_in_use` with `Retry-After`, and does not run
                 *     either: of requests sent together with one key, exactly one has an effect. An empty key, or one
                 *     over 255 characters, is `400 invalid_parameter` naming `Idempotency-Key`. Without the header,
                 *     every request runs.
                 * @example 0b6e8f5a-3c2d-4e1f-9a7b-5d4c3b2a1f0e
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Clock"];
            400: components["responses"]["GatewayInvalidParameter"];
            401: components["responses"]["GatewayUnauthorized"];
            403: components["responses"]["GatewayScopeMismatch"];
            409: components["responses"]["GatewayIdempotencyKeyInUse"];
            429: components["responses"]["GatewayRateLimited"];
            500: components["responses"]["GatewayInternalError"];
            503: components["responses"]["GatewayServiceUnavailable"];
        };
    };
    createApplicationSession: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a sandbox write safe to retry, as Stripe's idempotency keys do: a unique value the client
                 *     makes per write (a UUID v4, say) and sends again with each retry of it. The first request with a
                 *     key runs; for 24 hours (real time: no test clock moves it) another with the same key and the same
                 *     request (method, path and JSON body) does not run again but gets the first one's answer (status,
                 *     body and headers, `X-Request-Id` included) with `Idempotent-Replayed: true`. An answer of `5xx`
                 *     is not kept: a retry runs the request. Keys belong to the API key that sent them (another API
                 *     key's same key is another key) and are kept in the server's database, so a retry that reaches
                 *     another instance over it gets the same answer. The same key with another request is `400
                 *     idempotency_key_reused` (as Stripe answers it), and does not run; a request while the first with
                 *     its key is still running is `409 idempotency_key_in_use` with `Retry-After`, and does not run
                 *     either: of requests sent together with one key, exactly one has an effect. An empty key, or one
                 *     over 255 characters, is `400 invalid_parameter` naming `Idempotency-Key`. Without the header,
                 *     every request runs.
                 * @example 0b6e8f5a-3c2d-4e1f-9a7b-5d4c3b2a1f0e
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApplicationSessionCreate"];
            };
        };
        responses: {
            /** @description The application session was created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    RateLimit: components["headers"]["RateLimit"];
                    /**
                     * @description Absolute URI of the new application session.
                     * @example http://127.0.0.1:8080/app/sessions/as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE
                     */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationSession"];
                };
            };
            400: components["responses"]["AppInvalidRequest"];
            401: components["responses"]["AppUnauthorized"];
            403: components["responses"]["AppScopeMismatch"];
            409: components["responses"]["AppIdempotencyKeyInUse"];
            429: components["responses"]["AppRateLimited"];
            500: components["responses"]["AppInternalError"];
            503: components["responses"]["AppServiceUnavailable"];
        };
    };
    recordApplicationSessionActivity: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a sandbox write safe to retry, as Stripe's idempotency keys do: a unique value the client
                 *     makes per write (a UUID v4, say) and sends again with each retry of it. The first request with a
                 *     key runs; for 24 hours (real time: no test clock moves it) another with the same key and the same
                 *     request (method, path and JSON body) does not run again but gets the first one's answer (status,
                 *     body and headers, `X-Request-Id` included) with `Idempotent-Replayed: true`. An answer of `5xx`
                 *     is not kept: a retry runs the request. Keys belong to the API key that sent them (another API
                 *     key's same key is another key) and are kept in the server's database, so a retry that reaches
                 *     another instance over it gets the same answer. The same key with another request is `400
                 *     idempotency_key_reused` (as Stripe answers it), and does not run; a request while the first with
                 *     its key is still running is `409 idempotency_key_in_use` with `Retry-After`, and does not run
                 *     either: of requests sent together with one key, exactly one has an effect. An empty key, or one
                 *     over 255 characters, is `400 invalid_parameter` naming `Idempotency-Key`. Without the header,
                 *     every request runs.
                 * @example 0b6e8f5a-3c2d-4e1f-9a7b-5d4c3b2a1f0e
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description Application session id. Any id that names no application session of this account is `404`
                 *     (`ERR_NOT_FOUND`), whatever its shape: a session that expired, was deleted or never existed is
                 *     not found. Only a value that cannot be an id at all is `400` (`ERR_INVALID_PARAMETER`): one
                 *     longer than 128 characters, or holding a control character.
                 * @example as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE
                 */
                id: components["parameters"]["AppSessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ApplicationSession"];
            400: components["responses"]["AppInvalidParameter"];
            401: components["responses"]["AppUnauthorized"];
            403: components["responses"]["AppScopeMismatch"];
            404: components["responses"]["AppNotFound"];
            409: components["responses"]["AppIdempotencyKeyInUse"];
            429: components["responses"]["AppRateLimited"];
            500: components["responses"]["AppInternalError"];
            503: components["responses"]["AppServiceUnavailable"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server is alive. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            503: components["responses"]["GatewayServiceUnavailable"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server and its store are ready. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            503: components["responses"]["GatewayServiceUnavailable"];
        };
    };
}
