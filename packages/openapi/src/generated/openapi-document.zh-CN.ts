// This file is generated from spec/openapi.yaml and its translation overlay by packages/openapi/scripts/generate.mjs.
// Do not edit it by hand: change spec/overlays/zh-CN.yaml, then run `pnpm generate`.
// It holds the OpenAPI document with its prose in zh-CN, for serving it.

import type { OpenApiDocument } from "../openapi-document-type.js";

export const openapiDocument: OpenApiDocument = {
  "openapi": "3.1.0",
  "info": {
    "title": "Sessions API（会话 API）",
    "version": "1.0.0",
    "summary": "网关粘性会话与应用会话：通过同一个 API 查看和终止。",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    },
    "contact": {
      "name": "Sessions API maintainers",
      "url": "https://github.com/sessions-api/sessions-api"
    },
    "description": "本文档包含两类会话。\n\n**网关粘性会话**（`/v1/...`）是代理网关 `residential`（住宅）和 `mobile`（移动）产品上的粘性会话。粘性会话以*完整代理用户名*为会话键\n（`user-<subuser>-region-<cc>[-state-<st>][-city-<city>][-asn-<n>]-session-<id>-sesstime-<minutes>`）：\n相同的 `session_id` 配不同 geo 或子账号是不同的会话。会话从该用户名的第一个代理请求开始，\n`expires_at = started_at + sesstime`。提前终止的会话记录保留 24 小时，状态为 `status: terminated`；\n之后使用同一用户名的请求会开始一个新会话，获得新的出口 IP。`isp` 产品没有会话：ISP 每个 IP 本身就永久稳定，\n不存在可查看的临时会话状态。\n\n**应用会话**（`/app/...`）是端点背后的浏览器会话。这部分 API 与其所依据的应用会话 API 在线路上兼容：\n该 API 的现有客户端无需修改即可使用，包括其分页方式（`before_id`、`limit`、`next_page_uri`）和错误响应体。\n\n**沙盒**（`/sandbox/...`）操作只存在于参考服务器上，**不属于生产 API**：生产 API 只能读取和删除会话，\n沙盒让测试和客户端开发者能够上报代理流量、创建应用会话并拨动测试时钟。\n\n## 约定\n- **认证。** 除 `GET /healthz` 和 `GET /readyz` 外，每个操作都以 Bearer 令牌的形式接收 API 密钥：\n  `Authorization: Bearer <key>`。密钥属于一个账户，并带有作用域（scope）：可读取的网关产品\n  （`residential`、`mobile`）、可选地限定的子账号，以及是否覆盖该账户的应用会话\n  （限定了部分子账号或产品的密钥，只有在作用域允许时才能访问它们）。\n  子账号 ID 按账户区分：两个账户可以各有一个相同 ID 的子账号，它们是两个不同的子账号；密钥的子账号属于密钥自己的账户。\n  缺少密钥或密钥未知时返回 `401`。密钥所属账户拥有某会话，但密钥的作用域不覆盖该会话的产品或子账号时，\n  返回 `403 subuser_scope_mismatch`；作用域不覆盖应用会话的密钥，在每个 `/app` 和 `/sandbox/app` 操作上\n  都返回 `403`（`ERR_UNAUTHORIZED`，`status_code: 403`）。其他账户的会话不可见：按 ID 查询为 `404`，列表中也不出现。\n- **错误。** 每一类 API 对所有 4xx 和 5xx 响应使用同一种错误响应体。网关操作和沙盒网关操作返回\n  `GatewayError`（`{\"error\": {\"code\", \"message\", \"request_id\", ...}}`）；应用会话操作返回 `AppError`\n  （`{\"error_code\", \"status_code\", \"msg\", \"details\"}`），与其兼容的 API 相同。不存在的路径返回\n  `404 not_found`（`ERR_NOT_FOUND`），路径不支持的方法返回 `405 method_not_allowed`\n  （`ERR_METHOD_NOT_ALLOWED`）并附 `Allow` 头，均使用该路径所属类别的错误响应体\n  （`/app` 和 `/sandbox/app` 路径：`AppError`；其他所有路径：`GatewayError`）。\n  无法按 HTTP/1.1 读取的请求不会到达任何操作，同样返回 `malformed_request`（`ERR_MALFORMED_REQUEST`）\n  （路径无法读取时使用 `GatewayError`：请求行本身就出错的字节，或在请求头结束前就断开的连接），并关闭连接：\n  请求行、请求头或分块请求体损坏、请求体被截断、请求目标不是路径（`*`、`host:443`：服务器不是代理，\n  对 `CONNECT` 的处理与其他方法相同），或 `Host` 头缺失（HTTP/1.1）、为空、重复或不是主机和端口时返回 `400`；\n  请求行和请求头超过 16 KiB 时返回 `431`；请求未按时到达时返回 `408`（见“限制”）。错误的输入绝不会得到 5xx。\n  错误消息（`message`、`msg`）的语言跟随请求的 `Accept-Language` 头：`zh`、`zh-CN`、`zh-Hans` 得到中文，\n  其他语言得到英文；错误码（`code`、`error_code`）不随语言变化。错误响应带有 `Content-Language` 头，\n  说明消息所用的语言；在请求被读取之前给出的应答（`malformed_request`、连接数上限）为英文。\n- **可用性。** 服务器无法连接其存储时（数据库宕机、正在重启或不可达），除 `GET /healthz`（存活检查）外的每个操作都返回 `503`，\n  附 `Retry-After` 头（秒），并使用该类别的错误响应体：`GatewayError` 中为 `service_unavailable`，\n  `AppError` 中为 `ERR_INTERNAL` 加 `status_code: 503`（其错误码与所兼容的 API 保持一致）。\n  服务器会继续运行，存储恢复后自动恢复服务。得到 `503` 的写操作可能在连接断开前已经完成：\n  重试之前请先读取确认。其他服务器故障返回 `500`。\n- **路径**严格按本文档的写法匹配：带尾部斜杠的路径，或含 `.`、`..` 段的路径（原样或百分号编码的 `%2e`），\n  不对应任何已记录的路径，返回 `404 not_found`（`ERR_NOT_FOUND`）；点段永远不会被解析。\n- **限制。** 请求头必须在连接建立后 10 秒内到达（在保持连接上，从该请求的第一个字节起算），\n  整个请求必须在 30 秒内到达；两个请求之间空闲 5 秒的连接会被关闭。接收 JSON 请求体的操作最多读取 1 MiB\n  （超过时：`400 invalid_request_body`）；不接收请求体的操作最多忽略 1 KiB 的请求体\n  （超过时：`400 malformed_request`，且操作不会执行）。响应用不到的请求体不会被读完：该响应会关闭连接。\n  服务器的连接数达到上限时，会立即回应多出的连接（不读取其内容），返回 `GatewayError` 中的\n  `503 service_unavailable` 并附 `Retry-After` 头（秒），然后关闭连接。以上时间和连接上限是参考服务器的默认值；\n  修改方法见其 README。\n- **未知的查询参数**：接收查询参数的操作（各列表）会以 `400 invalid_parameter`（`ERR_INVALID_PARAMETER`）\n  拒绝未知参数并指出其名称，以免拼错的筛选参数悄悄扩大列表范围（或扩大被终止的范围）。\n- **请求 ID。** 每个响应都带有 `X-Request-Id`；每个错误响应体中也有同一个 ID，联系技术支持时请提供它。\n- **速率限制。** 每个 API 密钥有请求额度；超出后请求会得到 `429`，附 `Retry-After` 头（秒）和该类别的错误响应体。\n  对已知密钥的每个响应都以 draft-ietf-httpapi-ratelimit-headers-10 的 `RateLimit-Policy` 和 `RateLimit` 头告知额度\n  （`RateLimit-Policy: \"default\";q=600;w=60`，`RateLimit: \"default\";r=597;t=1`：还剩 597 个请求，1 秒后恢复满额）。\n  未知的 API 密钥也有额度，按客户端地址计算（取连接本身的地址，而不是 `X-Forwarded-For` 等请求头；\n  IPv6 客户端按其 /64 计算）：超出额度后（参考服务器默认每分钟 30 个未知密钥），该地址的每个请求，\n  无论携带什么密钥，都会得到同样的 `429`，直到额度恢复。其他地址使用的密钥不受影响。\n- **时间。** 时间戳为 UTC 的 RFC 3339 格式。参考服务器中一个账户的所有时间戳都来自该账户的时钟：\n  真实时钟加上该账户的沙盒测试时钟拨快的时间。每个账户都有自己的测试时钟（如同 Stripe 的测试时钟\n  只移动挂在它上面的对象）：拨动它只会让该账户的会话到期、被清除并以其时间记录，其他账户都保持在各自的时间。\n"
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
      "description": "生产环境"
    },
    {
      "url": "http://127.0.0.1:8080",
      "description": "参考服务器（本地沙盒，`pnpm start`）"
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
      "description": "代理网关 `residential`（住宅）和 `mobile`（移动）产品的粘性会话：列出、查看和终止。\n适合监控长时采集与提前清理超量会话。\n"
    },
    {
      "name": "Application sessions",
      "description": "端点背后的浏览器会话，附带其来源的用户代理和地理位置。"
    },
    {
      "name": "Sandbox",
      "description": "参考服务器的控制操作，**不属于生产 API**。它们用于上报代理流量（使网关会话开始、增长和被重新绑定 IP），\n创建应用会话并记录其活动，把调用者账户的测试时钟往前拨（无需等待即可验证到期和 24 小时审计窗口），\n以及重置调用者的账户。每个沙盒写操作都接受 `Idempotency-Key`，因此客户端可以安全地重试。\n生产 API 从不响应这些路径。\n"
    },
    {
      "name": "Service",
      "description": "服务器本身的存活与就绪状态。"
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
        "summary": "列出住宅粘性会话",
        "description": "列出 API 密钥可见的 `residential`（住宅）产品粘性会话，最新的在前。\n默认只列出活跃会话；`status=terminated` 列出为审计而保留的已终止会话（终止后保留 24 小时），\n`status=all` 两者都列出。已过期的会话永不列出。限定了部分子账号的密钥只能看到这些子账号的会话；\n查询密钥作用域以外的子账号或产品，返回 `403 subuser_scope_mismatch`。\n",
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
        "summary": "列出移动粘性会话",
        "description": "列出 API 密钥可见的 `mobile`（移动）产品粘性会话，最新的在前。筛选参数、排序、分页和状态语义\n均与 `listResidentialSessions` 相同。\n",
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
        "summary": "获取单个粘性会话",
        "description": "返回单个会话，字段同列表，并附 `samples`：该会话最近 10 条代理请求样本，最新的在前。\n活跃会话和仍在 24 小时审计窗口内的已终止会话都能查到；已过期、已清除、属于其他产品或其他账户的会话\n返回 `404 session_not_found`。没有会话的产品（`isp`，或不是产品的名称）返回 `404 product_has_no_sessions`。\n",
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
        "summary": "提前终止粘性会话",
        "description": "立即终止会话，并返回已终止的记录（`status: terminated`，并设置 `terminated_at`）。之后使用同一用户名的请求\n会获得**新**出口 IP，效果与 `sesstime` 自然到期相同。会话记录保留 24 小时供审计，之后清除。\n\n终止是幂等的：终止一个已经终止的会话，会原样返回同一条记录（`terminated_at` 保持第一次的值）。\n未知、已过期或已清除的会话返回 `404 session_not_found`。\n",
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
        "summary": "列出应用会话",
        "description": "列出账户的应用会话，最新的在前。每页最多 `limit` 个会话；`next_page_uri` 是下一页的绝对 URI\n（带有 `before_id` 和 `limit`），最后一页为 `null`。已过期和已删除的会话不会列出。\n",
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
        "summary": "获取应用会话",
        "description": "按 ID 返回单个应用会话。已过期、已删除和未知的 ID 返回 `404`。",
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
        "summary": "删除应用会话",
        "description": "删除应用会话：之后它不再出现在列表中，读取时返回 `404`。成功时返回不带响应体的 `204`。\n删除已删除、已过期或未知的会话返回 `404`。\n\n与这些操作所依据的 API 一样，`204` 不带响应体。该 API 的官方 TypeScript 客户端（`@ngrok/ngrok-api` 0.11.0）\n会把这个空响应体当作 JSON 解析，因此尽管会话已被删除，其 `delete()` 仍会以 `SyntaxError` 拒绝：\n这是该客户端的缺陷，这里不做迁就，因为 `204` 带响应体会违反 HTTP。其调用方可以把这个拒绝视为成功，\n或用 `GET` 确认（删除后为 `404`）。\n",
        "tags": [
          "Application sessions"
        ],
        "responses": {
          "204": {
            "description": "会话已删除。无响应体。",
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
        "summary": "上报某用户名的代理流量（沙盒）",
        "description": "**仅限沙盒。** 像网关一样，记录使用某代理用户名发出的代理请求。\n某用户名在没有存活会话时的第一次上报会开始一个会话（`201`）：新的 ID 和出口 IP，`started_at` 为当前时间，\n`expires_at = started_at + sesstime`。之后的上报会累加 `bytes_used` 和 `requests`，并追加请求样本（`200`）。\n`reassign_exit_ip: true` 模拟上游重分配：会话换到新的出口 IP，`repinned` 变为 `true`。\n\n用户名中的子账号属于密钥所在账户，首次使用时自动创建：子账号 ID 按账户区分，\n因此其他账户中相同 ID 的子账号是另一个子账号，既不会被改动，也不会被暴露。密钥作用域不覆盖该产品或子账号时\n返回 `403 subuser_scope_mismatch`。不符合语法的用户名返回 `400 invalid_username`，\n并用 `reason` 指出违反的规则。\n",
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
                  "summary": "洛杉矶住宅会话上的两个代理请求",
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
            "description": "流量已计入该用户名的存活会话。",
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
            "description": "该用户名没有存活会话；已用这些流量开始一个新会话。",
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
                "description": "新会话的路径。",
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
        "summary": "读取测试时钟（沙盒）",
        "description": "**仅限沙盒。** 返回调用者账户的当前时间，以及其测试时钟比真实时间拨快了多少。每个账户都有自己的测试时钟：\n其他账户的拨动不会在这里体现。同一数据库上的每个服务器实例告诉一个账户的时间都相同。\n",
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
        "summary": "把测试时钟往前拨（沙盒）",
        "description": "**仅限沙盒。** 把调用者账户的测试时钟往前拨 `seconds` 秒。该账户所有依赖时间的东西立即随之变化：\n其超过 `expires_at` 的会话消失，其超过 24 小时的已终止记录被清除，其超过 `expires_at` 的应用会话消失，\n之后写入的内容以其时钟的时间记录。其他账户的时钟不动。时钟永不倒退，也永远不会超过 9999-01-01T00:00:00Z\n（每个时间戳都保持四位数年份）：会越过这一时刻的拨动返回指出 `seconds` 的 `400 invalid_request_body`，\n且时钟不动。到达该时刻后，无论真实时间过去多久，时钟都停在那里。\n",
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
                  "summary": "跳过 24 小时审计窗口",
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
        "summary": "重置调用者的账户（沙盒）",
        "description": "**仅限沙盒。** 把调用者的账户恢复成全新服务器上的样子，且不影响任何其他账户：删除其网关会话和应用会话，\n其测试时钟回到真实时间（`offset_seconds: 0`），在会写入演示数据的服务器上（参考服务器的默认行为），\n该账户的演示数据按当前时间重新写入，与全新服务器写入的相同。其他账户的会话和时钟都不受影响。\n重置在一个事务中完成：该账户的其他请求看到的要么是重置前的账户，要么是重置后的账户。响应为重置后该账户的时钟。\n它会清空整个账户，因此只有作用域覆盖整个账户（两个产品、所有子账号和应用会话）的密钥才能重置它；\n其他密钥得到 `403 subuser_scope_mismatch`。该账户的子账号会保留（除了通过其会话，它们不出现在任何响应中）。\n`Idempotency-Key` 属于 API 密钥而非账户：重置会保留它们。\n",
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
        "summary": "创建应用会话（沙盒）",
        "description": "**仅限沙盒。** 像浏览器访问端点那样创建一个应用会话。请求体的每个字段都是可选的；省略的字段取逼真的默认值。\n原始 `user_agent` 会被解析为浏览器和操作系统字段。`expires_at = created_at + ttl_seconds`。\n",
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
                  "summary": "来自旧金山、macOS 上的 Chrome",
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
            "description": "应用会话已创建。",
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
                "description": "新应用会话的绝对 URI。",
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
        "summary": "记录应用会话上的活动（沙盒）",
        "description": "**仅限沙盒。** 记录会话背后的浏览器此刻发出了一个请求：`last_active` 变为当前时间。\n`expires_at` 不变。已过期、已删除或未知的会话返回 `404`。\n",
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
        "summary": "存活检查",
        "description": "服务器进程在运行并接收请求时返回 `200`。它不向存储发出任何请求，因此数据库宕机不会让实例看起来已经死掉\n（重启实例也无济于事）；要知道实例能否提供服务，请使用 `GET /readyz`。唯一的例外是嵌入式存储（PGlite）：\n它是进程的一部分，一旦某个请求发现它已失效（已关闭，或其引擎已中止），它不会自行恢复，\n`/healthz` 会一直返回 `503`，直到服务器重启。无需 API 密钥。\n",
        "tags": [
          "Service"
        ],
        "security": [],
        "responses": {
          "200": {
            "description": "服务器存活。",
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
        "summary": "就绪检查",
        "description": "服务器能够提供服务时返回 `200`：其存储可以应答，且数据库已应用本服务器所知的全部迁移\n（基于 PostgreSQL 时，每次调用都从数据库读取）。否则返回 `503`，错误消息说明是哪种情况\n（无法连接存储；数据库的迁移落后于本服务器）。负载均衡器只把流量发往就绪的实例；基于 PostgreSQL 的服务器\n在数据库恢复后数秒内会自动重新就绪。无需 API 密钥。\n",
        "tags": [
          "Service"
        ],
        "security": [],
        "responses": {
          "200": {
            "description": "服务器及其存储已就绪。",
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
        "description": "API 密钥，以 `Authorization: Bearer <key>` 发送。参考服务器启动时会打印其演示密钥。\n"
      }
    },
    "parameters": {
      "IdempotencyKey": {
        "name": "Idempotency-Key",
        "in": "header",
        "required": false,
        "description": "让沙盒写操作可以安全重试，与 Stripe 的幂等键相同：客户端为每次写操作生成一个唯一值（例如 UUID v4），\n并在每次重试时再次发送。带某个键的第一个请求会执行；24 小时内（按真实时间：测试时钟不会移动它），\n带同一个键且请求相同（方法、路径和 JSON 请求体）的另一个请求不会再次执行，而是得到第一个请求的响应\n（状态码、响应体和响应头，包括 `X-Request-Id`），并带有 `Idempotent-Replayed: true`。`5xx` 响应不会被保存：\n重试会再次执行该请求。键属于发送它的 API 密钥（另一个 API 密钥的同名键是另一个键），并保存在服务器的数据库中，\n因此落到同一数据库上另一个实例的重试也会得到相同的响应。同一个键用于另一个请求时返回\n`400 idempotency_key_reused`（与 Stripe 的做法相同），且不会执行；在带该键的第一个请求仍在执行时到达的请求返回\n带 `Retry-After` 的 `409 idempotency_key_in_use`，也不会执行：同时发送的带同一个键的请求中，恰好只有一个产生效果。\n空键或超过 255 个字符的键返回指出 `Idempotency-Key` 的 `400 invalid_parameter`。不带该请求头时，每个请求都会执行。\n",
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
        "description": "网关产品。只有 `residential` 和 `mobile` 有会话；其他任何值（特别是 IP 永久稳定的 `isp`）\n返回 `404 product_has_no_sessions`。\n",
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
        "description": "会话 ID，即列表中的 `data[].id`。任何不对应本账户、本产品下某个会话的 ID，无论格式如何，都返回\n`404 session_not_found`：已过期或从未存在的会话都是“未找到”。只有根本不可能是 ID 的值才返回\n`400 invalid_parameter`：长度超过 128 个字符，或含有控制字符。\n",
        "schema": {
          "type": "string",
          "description": "任意格式的 ID，最长 128 个字符，不含控制字符。",
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
        "description": "只列出该子账号的会话。",
        "schema": {
          "$ref": "#/components/schemas/SubuserId"
        },
        "example": "sub_01HX2K3PQ4M5"
      },
      "SessionIdFilter": {
        "name": "session_id",
        "in": "query",
        "required": false,
        "description": "只列出用户名中带有该 `session_id` 的会话（用户自定义的部分，如 `-session-job1-sesstime-30` 的 `job1`）。\n不同 geo 或子账号下的多个会话可以共用同一个 `session_id`。\n",
        "schema": {
          "$ref": "#/components/schemas/UserSessionId"
        },
        "example": "job1"
      },
      "RegionFilter": {
        "name": "region",
        "in": "query",
        "required": false,
        "description": "只列出出口 IP 位于该国家的会话（ISO 3166-1 alpha-2，小写）。",
        "schema": {
          "$ref": "#/components/schemas/RegionCode"
        },
        "example": "us"
      },
      "AsnFilter": {
        "name": "asn",
        "in": "query",
        "required": false,
        "description": "只列出出口 IP 属于该自治系统的会话。",
        "schema": {
          "$ref": "#/components/schemas/Asn"
        },
        "example": 7922
      },
      "RepinnedFilter": {
        "name": "repinned",
        "in": "query",
        "required": false,
        "description": "只列出上游 IP 在会话中途被（`true`）或未被（`false`）重分配的会话。",
        "schema": {
          "type": "boolean"
        },
        "example": false
      },
      "StatusFilter": {
        "name": "status",
        "in": "query",
        "required": false,
        "description": "要列出哪些会话：`active`（默认）列出存活的会话；`terminated` 列出最近 24 小时内被终止的会话（为审计而保留）；\n`all` 两者都列出。已过期的会话永不列出。\n",
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
        "description": "每页数量。默认 50，最大 200。",
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
        "description": "不透明的位置标记，原样取自上一页的 `next_cursor`。游标只在产生它的同一产品、筛选参数和账户下有效；\n其他情况（不是服务器签发的游标：格式错误、被改动、被截断或伪造；或为另一个查询签发的游标）返回\n`400 invalid_parameter`。游标由服务器签名，因此服务同一份数据的任一实例签发的游标，在其他实例上和重启后都依然有效。\n分页基于列表顺序的键集（`started_at` 降序，再按 `id` 降序），因此客户端翻页期间新开始的会话不会出现在后面的页中，\n也不会有会话被重复或跳过。\n",
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
        "description": "应用会话 ID。任何不对应本账户某个应用会话的 ID，无论格式如何，都返回 `404`（`ERR_NOT_FOUND`）：\n已过期、已删除或从未存在的会话都是“未找到”。只有根本不可能是 ID 的值才返回 `400`（`ERR_INVALID_PARAMETER`）：\n长度超过 128 个字符，或含有控制字符。\n",
        "schema": {
          "type": "string",
          "description": "任意格式的 ID，最长 128 个字符，不含控制字符。",
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
        "description": "每页数量。默认 100，最大 100。",
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
        "description": "列出在该会话之前创建的会话（ID 按创建时间排序）。它必须是本账户的应用会话；最近 24 小时内删除的会话仍然有效，\n因此删除不会打断分页。其他值返回 `400`。通常取自 `next_page_uri`。\n",
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
        "description": "`before_id` 的别名，含义和规则相同，为这些操作所依据的 API 的官方 TypeScript 客户端（`@ngrok/ngrok-api`）保留：\n其 `list()` 以 `beforeId` 发送游标。两者同时给出且不相等时返回指出 `beforeId` 的 `400`。\n新客户端请发送 `before_id`，或直接跟随 `next_page_uri`（它总是带有 `before_id`）。\n",
        "schema": {
          "$ref": "#/components/schemas/ApplicationSessionId"
        },
        "example": "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE"
      }
    },
    "headers": {
      "X-Request-Id": {
        "description": "本次请求的唯一 ID；错误响应体中也有同一个 ID。",
        "required": true,
        "schema": {
          "type": "string",
          "minLength": 1
        },
        "example": "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE"
      },
      "RateLimit-Policy": {
        "description": "API 密钥的请求额度，以 draft-ietf-httpapi-ratelimit-headers-10 的配额策略表示（一个结构化字段列表）：\n一个名为 `default` 的策略，每个 `w` = 60 秒的窗口内允许 `q` 个请求。只要请求所带的 API 密钥是服务器认识的，\n无论请求成功与否，响应都带有此头（`401` 从不带，来自客户端地址的未知密钥所得到的 `429` 也不带）。\n",
        "required": false,
        "schema": {
          "type": "string",
          "pattern": "^\"default\";q=\\d+;w=60$"
        },
        "example": "\"default\";q=600;w=60"
      },
      "RateLimit": {
        "description": "本次请求之后 API 密钥剩余的额度，遵循 draft-ietf-httpapi-ratelimit-headers-10：还剩 `r` 个完整请求，\n`t` 秒后额度恢复满额（额度持续恢复，每 `w / q` 秒恢复一个请求）。与 `RateLimit-Policy` 一起发送。\n超出额度的密钥得到 `429`，其中 `r=0`；其 `Retry-After` 说明何时可以发出下一个请求。多个参考服务器实例\n共用一个 PostgreSQL 数据库时，额度是该密钥在所有实例上共享的。\n",
        "required": false,
        "schema": {
          "type": "string",
          "pattern": "^\"default\";r=\\d+;t=\\d+$"
        },
        "example": "\"default\";r=597;t=1"
      },
      "Retry-After": {
        "description": "重试前需要等待的秒数：对 `429`，是该 API 密钥的额度允许下一个请求之前的时间；对 `503`，是存储恢复大约所需的最短时间。\n",
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
        "description": "有粘性会话的网关产品。",
        "enum": [
          "residential",
          "mobile"
        ]
      },
      "LookupId": {
        "type": "string",
        "description": "路径中用于查找资源的任意 ID，无论格式如何（不对应任何资源的 ID 返回 `404`）；长度超过 128 个字符\n或含有控制字符的值不可能是 ID。\n",
        "minLength": 1,
        "maxLength": 128,
        "pattern": "^[^\\u0000-\\u001F\\u007F]+$",
        "examples": [
          "ses_01HX2K3PQ4M5"
        ]
      },
      "SessionId": {
        "type": "string",
        "description": "会话 ID，`ses_` 后跟 12 个 Crockford base32 字符。",
        "pattern": "^ses_[0-9A-HJKMNP-TV-Z]{12}$",
        "examples": [
          "ses_01HX2K3PQ4M5"
        ]
      },
      "SubuserId": {
        "type": "string",
        "description": "子账号 ID，`sub_` 后跟 4 到 32 个字母或数字。",
        "pattern": "^sub_[A-Za-z0-9]{4,32}$",
        "examples": [
          "sub_01HX2K3PQ4M5"
        ]
      },
      "UserSessionId": {
        "type": "string",
        "description": "代理用户名中用户自定义的会话名，由 1 到 64 个字母、数字或 `_` 组成。",
        "pattern": "^[A-Za-z0-9_]{1,64}$",
        "examples": [
          "job1"
        ]
      },
      "RegionCode": {
        "type": "string",
        "description": "国家，小写的 ISO 3166-1 alpha-2 代码。",
        "pattern": "^[a-z]{2}$",
        "examples": [
          "us"
        ]
      },
      "Asn": {
        "type": "integer",
        "description": "自治系统号（ASN）。",
        "minimum": 1,
        "maximum": 4294967295,
        "examples": [
          7922
        ]
      },
      "IpAddress": {
        "type": "string",
        "description": "IPv4 或 IPv6 地址。",
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
        "description": "UTC 的 RFC 3339 时间戳。",
        "examples": [
          "2026-05-28T07:00:00Z"
        ]
      },
      "Session": {
        "description": "网关粘性会话，以其完整代理用户名为会话键。",
        "allOf": [
          {
            "$ref": "#/components/schemas/SessionFields"
          }
        ],
        "unevaluatedProperties": false
      },
      "SessionFields": {
        "type": "object",
        "description": "网关粘性会话的字段，由 `Session`（列表项）和 `SessionDetail`（单个读取）共用，二者各自禁止未知属性。\n",
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
            "description": "完整代理用户名，即会话键：\n`user-<subuser>-region-<cc>[-state-<st>][-city-<city>][-asn-<n>]-session-<id>-sesstime-<minutes>`。\n",
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
            "description": "用户名指定了州或省时，为出口 IP 所在的州或省；否则为 null。",
            "type": [
              "string",
              "null"
            ],
            "pattern": "^[a-z0-9]{1,3}$"
          },
          "city": {
            "description": "用户名指定了城市时，为出口 IP 所在的城市；否则为 null。",
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
            "description": "`started_at + sesstime`。",
            "type": "string",
            "format": "date-time"
          },
          "bytes_used": {
            "type": "integer",
            "format": "int64",
            "minimum": 0,
            "description": "本会话代理的字节数，双向合计。达到 9223372036854775807（int64 最大值）后不再增长，而不会溢出。\n"
          },
          "requests": {
            "type": "integer",
            "format": "int64",
            "minimum": 0,
            "description": "本会话代理的请求数。"
          },
          "repinned": {
            "type": "boolean",
            "description": "上游 IP 在会话中途被重分配后为 `true`。"
          },
          "status": {
            "type": "string",
            "enum": [
              "active",
              "terminated"
            ],
            "description": "会话被提前终止后为 `terminated`；其记录保留 24 小时。"
          },
          "terminated_at": {
            "description": "会话被终止的时间；会话活跃时为 null。",
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
        "description": "会话中的一个代理请求。",
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
            "description": "HTTP 方法，隧道 HTTPS 为 `CONNECT`。",
            "pattern": "^[A-Z]{1,16}$"
          },
          "target_host": {
            "type": "string",
            "description": "请求发往的主机名或 IP 地址。",
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
            "description": "目标返回的 HTTP 状态码。",
            "minimum": 100,
            "maximum": 599
          },
          "bytes": {
            "type": "integer",
            "format": "int64",
            "minimum": 0,
            "description": "本请求代理的字节数，双向合计。"
          },
          "duration_ms": {
            "type": "integer",
            "minimum": 0,
            "maximum": 86400000,
            "description": "从收到第一个字节到发出最后一个字节的时间，单位为毫秒。"
          }
        }
      },
      "SessionDetail": {
        "description": "附最近 10 条代理请求的会话。",
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
                "description": "最近 10 条代理请求，最新的在前。",
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
            "description": "下一页的游标；最后一页为 null。",
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
            "description": "发送该流量时使用的完整代理用户名。语法：\n`user-<subuser>-region-<cc>[-state-<st>][-city-<city>][-asn-<n>]-session-<id>-sesstime-<minutes>`，\n各段按此顺序出现，每段至多一次。`<subuser>` 为子账号 ID（`sub_` 加 4-32 个字母或数字）；`<cc>` 为两个小写字母；\n`<st>` 为 1-3 个小写字母或数字；`<city>` 为一个小写字母后跟至多 31 个小写字母、数字或 `_`；`<n>` 为 ASN\n（1-4294967295）；`<id>` 为 1-64 个字母、数字或 `_`；`<minutes>` 为 1-1440。\n"
          },
          "requests": {
            "type": "array",
            "minItems": 1,
            "maxItems": 100,
            "description": "被代理的请求，最早的在前。",
            "items": {
              "$ref": "#/components/schemas/ProxiedRequest"
            }
          },
          "reassign_exit_ip": {
            "type": "boolean",
            "default": false,
            "description": "在这些请求之前模拟一次上游重分配：存活的会话换到新的出口 IP，`repinned` 变为 `true`。\n本次上报开始新会话时忽略此字段。\n"
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
            "description": "代理所见的请求目标主机（可打印 ASCII，不含空格）。"
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
            "description": "请求及其响应的字节数，至多 1 TiB。"
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
            "description": "该账户的测试时钟比真实时间拨快了多少：`now` 为真实时间加上此值，到达 9999-01-01T00:00:00Z 后停在该时刻。"
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
            "description": "时钟往前拨的秒数（每次调用至多一年）。"
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
            "description": "服务器使用的存储。"
          }
        }
      },
      "GatewayErrorCode": {
        "type": "string",
        "description": "网关类错误的机器可读错误码。`invalid_parameter`（400）：路径或查询参数格式错误或超出范围，`param` 指出该参数。\n`invalid_request_body`（400）：JSON 请求体缺失、格式错误或不符合其 schema，`param` 指出该字段。\n`invalid_username`（400）：代理用户名不符合语法，`reason` 指出违反的规则。`unauthorized`（401）。\n`subuser_scope_mismatch`（403）：密钥的作用域不覆盖该子账号或产品。\n`session_not_found`（404）：会话不存在、已过期或已清除。\n`product_has_no_sessions`（404）：该产品没有会话（`isp`）或不存在。\n`subuser_not_found`（404）：由于子账号 ID 按账户区分（用户名中的子账号总是属于密钥所在账户），不再返回；\n保留它是为了让处理它的客户端无需修改。\n`not_found`（404）：路径不存在。`method_not_allowed`（405）。\n`malformed_request`（400、408 或 431）：请求无法按 HTTP/1.1 读取，因此没有操作被执行（见 API 说明中的“错误”）。\n`rate_limited`（429）。`internal_error`（500）。\n`service_unavailable`（503）：服务器无法连接其存储，或连接数已达上限；请在 `Retry-After` 之后重试。\n`idempotency_key_in_use`（409）：带此 `Idempotency-Key` 的请求仍在执行；请在 `Retry-After` 之后重试。\n`idempotency_key_reused`（400）：此 `Idempotency-Key` 已用于另一个请求（方法、路径或请求体不同）；请使用新键。\n",
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
        "description": "代理用户名违反的语法规则。`username_too_long`：超过 256 个字符。\n`missing_user_prefix`：不以 `user-<subuser>` 开头。`unknown_segment`：语法以外的段名。\n`duplicate_segment`、`segment_out_of_order`、`missing_segment`（`region`、`session` 和 `sesstime` 为必需段）。\n`invalid_subuser`、`invalid_region`、`invalid_state`、`invalid_city`、`invalid_asn`、`invalid_session_id`：\n值的字符或长度不符合其规则。`invalid_sesstime`：不是整数分钟。`sesstime_out_of_range`：不在 1-1440 分钟之内。\n",
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
        "description": "网关类与沙盒的每个 4xx 和 5xx 响应的错误响应体。",
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
                "description": "供人阅读的说明，可以展示给开发者。其语言跟随请求的 `Accept-Language`（中文或英文）。\n"
              },
              "request_id": {
                "type": "string",
                "minLength": 1,
                "description": "与响应头 `X-Request-Id` 相同。"
              },
              "param": {
                "type": "string",
                "description": "出错的参数或请求体字段（400 错误）。"
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
        "description": "应用会话 ID，`as_` 后跟 26 个字符的 ULID（按创建时间排序）。",
        "pattern": "^as_[0-9A-HJKMNP-TV-Z]{26}$",
        "examples": [
          "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE"
        ]
      },
      "Ref": {
        "type": "object",
        "description": "对另一个资源的引用。",
        "additionalProperties": false,
        "required": [
          "id",
          "uri"
        ],
        "properties": {
          "id": {
            "type": "string",
            "minLength": 1,
            "description": "资源标识符。"
          },
          "uri": {
            "type": "string",
            "format": "uri",
            "description": "用于定位该资源的 URI。"
          }
        }
      },
      "UserAgent": {
        "type": "object",
        "description": "HTTP User-Agent 信息。请求头未透露的字段为空字符串。",
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
            "description": "原始的 User-Agent 请求头。"
          },
          "browser_name": {
            "type": "string",
            "description": "浏览器名称（如 Chrome）。"
          },
          "browser_version": {
            "type": "string",
            "description": "浏览器主版本号（如 102）。"
          },
          "device_type": {
            "type": "string",
            "description": "设备类型（如 Desktop）。"
          },
          "os_name": {
            "type": "string",
            "description": "操作系统名称（如 MacOS）。"
          },
          "os_version": {
            "type": "string",
            "description": "操作系统版本（如 10.15.7）。"
          }
        }
      },
      "Location": {
        "type": "object",
        "description": "IP 地理位置信息。",
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
            "description": "大写的 ISO 3166-1 alpha-2 国家代码。",
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
            "description": "坐标的精度半径，单位为千米。"
          }
        }
      },
      "BrowserSession": {
        "type": "object",
        "description": "浏览器会话详情。",
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
            "description": "该应用会话资源的绝对 URI。"
          },
          "public_url": {
            "type": "string",
            "format": "uri",
            "description": "端点所服务的 hostport 的 URL。"
          },
          "browser_session": {
            "$ref": "#/components/schemas/BrowserSession"
          },
          "application_user": {
            "$ref": "#/components/schemas/Ref",
            "description": "应用用户。其 `uri` 是指向这些操作所依据的 API 的链接（`https://api.ngrok.com/app/users/{id}`），\n该用户由那个 API 持有：本 API 不提供它。\n"
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "last_active": {
            "description": "会话背后的浏览器最近一次发出请求的时间。",
            "type": "string",
            "format": "date-time"
          },
          "expires_at": {
            "description": "会话的到期时间；到期后会话即消失。",
            "type": "string",
            "format": "date-time"
          },
          "endpoint": {
            "$ref": "#/components/schemas/Ref",
            "description": "会话经过的端点。其 `uri` 是指向这些操作所依据的 API 的链接（`https://api.ngrok.com/endpoints/{id}`）：\n本 API 不提供它。\n"
          },
          "edge": {
            "description": "会话的 edge；端点由 agent 发起时为 null。其 `uri` 是指向这些操作所依据的 API 的链接\n（`https://api.ngrok.com/edges/https/{id}`）。\n",
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
            "description": "会话的 route；端点由 agent 发起时为 null。其 `uri` 是指向这些操作所依据的 API 的链接\n（位于其 edge 的 `uri` 之下）。\n",
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
            "description": "账户应用会话的一页，最新的在前。",
            "items": {
              "$ref": "#/components/schemas/ApplicationSession"
            }
          },
          "uri": {
            "type": "string",
            "format": "uri",
            "description": "本页的绝对 URI。"
          },
          "next_page_uri": {
            "description": "下一页的绝对 URI；最后一页为 null。",
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
            "description": "浏览器的原始 User-Agent 头：不含控制字符（与 HTTP 头相同），也不含未配对的代理项（surrogate）转义。\n"
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
            "description": "端点所服务的 hostport 的 URL：只允许 `http` 或 `https`，因为客户端会把它显示为链接\n（那里的 `javascript:` 或 `data:` URL 会在客户端页面中执行）。\n"
          },
          "application_user_id": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_]{1,64}$",
            "description": "应用用户的 ID；省略时会新建一个。"
          },
          "agent_initiated": {
            "type": "boolean",
            "default": false,
            "description": "端点由 agent 发起时为 `true`：`edge` 和 `route` 为 null。"
          },
          "ttl_seconds": {
            "type": "integer",
            "minimum": 60,
            "maximum": 2592000,
            "default": 86400,
            "description": "会话的存活时长；`expires_at = created_at + ttl_seconds`。"
          }
        }
      },
      "AppError": {
        "type": "object",
        "title": "AppError",
        "description": "应用会话类的每个 4xx 和 5xx 响应的错误响应体。",
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
            "description": "机器可读的错误码。`ERR_INVALID_PARAMETER`（400，`details.param` 指出该参数）、\n`ERR_INVALID_REQUEST_BODY`（400）、`ERR_UNAUTHORIZED`（401：缺少密钥或密钥未知；\n403：密钥的作用域不覆盖应用会话）、`ERR_NOT_FOUND`（404）、\n`ERR_METHOD_NOT_ALLOWED`（405）、`ERR_MALFORMED_REQUEST`（400、408 或 431：请求无法按 HTTP/1.1 读取）、\n`ERR_RATE_LIMITED`（429）、`ERR_INTERNAL`（500，或服务器无法连接其存储时为 503：以 `status_code` 区分）。\n带 `Idempotency-Key` 的沙盒写操作还会返回 `ERR_CONFLICT`（409：带该键的请求仍在执行），以及在键为空、\n过长或已用于另一个请求时返回指出 `details.param: Idempotency-Key` 的 `ERR_INVALID_PARAMETER`（400）。\n",
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
            "description": "响应的 HTTP 状态码。"
          },
          "msg": {
            "type": "string",
            "minLength": 1,
            "description": "供人阅读的说明。其语言跟随请求的 `Accept-Language`（中文或英文）。"
          },
          "details": {
            "type": "object",
            "description": "`operation_id` 为请求 ID；`param` 指出出错的参数。",
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
        "summary": "带最新请求样本的活跃会话",
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
        "summary": "由第一个请求开始的会话",
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
        "summary": "被提前终止的会话",
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
        "summary": "macOS 上的一个 Chrome 会话",
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
        "description": "一页会话，最新的在前。",
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
                "summary": "某子账号会话的唯一一页",
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
                "summary": "后面还有更多页的第一页",
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
        "description": "附最近 10 条代理请求的会话。",
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
        "description": "会话已终止（本次或之前的调用所终止）；其记录保留 24 小时。",
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
        "description": "调用者账户的测试时钟。",
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
                "summary": "比真实时间快一天零一秒",
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
        "description": "应用会话。",
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
        "description": "一页应用会话，最新的在前。",
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
                "summary": "只有一个会话的第一页，后面还有更多",
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
        "description": "路径、查询或请求头参数格式错误或超出范围（`invalid_parameter`），或 `Idempotency-Key` 已用于另一个请求\n（`idempotency_key_reused`）；`param` 指出该参数。只有根本不可能是 ID 的路径 `id`（超过 128 个字符，\n或含有控制字符）才算格式错误：其他任何格式、但不对应任何会话的 ID 返回 `404 session_not_found`。\n",
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
        "description": "请求格式错误：参数（`invalid_parameter`）、JSON 请求体（`invalid_request_body`）或代理用户名\n（`invalid_username`，附 `reason`）；或其 `Idempotency-Key` 已用于另一个请求（`idempotency_key_reused`）。\n",
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
        "description": "缺少 API 密钥或密钥未知。",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "WWW-Authenticate": {
            "description": "应使用的认证方案。",
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
        "description": "密钥所在账户拥有该子账号，但密钥的作用域不覆盖其产品或子账号。",
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
        "description": "`session_not_found`：会话已过期、已清除或（在本账户和产品下）从未存在。`product_has_no_sessions`：该产品没有会话。\n",
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
        "description": "`product_has_no_sessions`：该产品没有会话。",
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
        "description": "带此 `Idempotency-Key` 的请求仍在执行（在本实例或另一个实例上）；请在 `Retry-After` 秒后重试，届时会重放它的响应。",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Retry-After": {
            "description": "再次发送请求前需要等待的秒数。",
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
        "description": "该 API 密钥的请求过多，或来自该客户端地址的未知 API 密钥过多；请等待 `Retry-After` 秒。\n",
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
        "description": "意外的服务器错误。重试幂等请求是安全的。",
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
        "description": "服务器无法连接其存储（数据库宕机）。请求本身没有其他问题：请在 `Retry-After` 秒后重试；\n写操作可能在连接断开前已经完成。\n",
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
        "description": "路径、查询或请求头参数格式错误或超出范围，或 `Idempotency-Key` 已用于另一个请求；`details.param` 指出该参数。\n只有根本不可能是 ID 的路径 `id`（超过 128 个字符，或含有控制字符）才算格式错误：其他任何格式、\n但不对应任何应用会话的 ID 返回 `404`。\n",
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
        "description": "JSON 请求体格式错误或不符合其 schema（`details.param` 指出该字段），\n或 `Idempotency-Key` 请求头格式错误或已用于另一个请求（`details.param: Idempotency-Key`）。\n",
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
        "description": "缺少 API 密钥或密钥未知。",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "WWW-Authenticate": {
            "description": "应使用的认证方案。",
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
        "description": "密钥的作用域不覆盖应用会话（`ERR_UNAUTHORIZED`，`status_code: 403`）。\n",
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
        "description": "本账户中没有该 ID 的存活应用会话。",
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
        "description": "带此 `Idempotency-Key` 的请求仍在执行（在本实例或另一个实例上）；请在 `Retry-After` 秒后重试，届时会重放它的响应。",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Retry-After": {
            "description": "再次发送请求前需要等待的秒数。",
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
        "description": "该 API 密钥的请求过多，或来自该客户端地址的未知 API 密钥过多；请等待 `Retry-After` 秒。\n",
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
        "description": "意外的服务器错误。重试幂等请求是安全的。",
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
        "description": "服务器无法连接其存储（数据库宕机）：`ERR_INTERNAL`，`status_code: 503`。请在 `Retry-After` 秒后重试；\n写操作可能在连接断开前已经完成。\n",
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
