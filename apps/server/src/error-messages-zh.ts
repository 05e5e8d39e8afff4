/**
 * The Chinese (zh-CN) text of error messages, in the terms of the Chinese product documentation
 * (粘性会话, 子账号, 出口 IP, 终止). Messages are made in English where the error is thrown; here each
 * known message shape has its Chinese wording, with the values it carries (ids, names, numbers) kept.
 * A message of no known shape gets the Chinese sentence of its code (or of its username rule), followed
 * by the English original in brackets, so no detail is lost. Codes never change: only the words do.
 *
 * @example
 * translateErrorMessage(ApiError.unauthorized("Unknown API key.")); // "未知的 API 密钥。"
 */
import type { GatewayErrorCode, UsernameViolation } from "@sessions-api/openapi";
import type { ApiError } from "./errors.js";

/** One Chinese sentence per error code: complete by type, so a new code cannot go untranslated. */
export const zhMessageByCode: Record<GatewayErrorCode, string> = {
  invalid_parameter: "路径或查询参数格式错误或超出范围。",
  invalid_request_body: "JSON 请求体缺失、格式错误或不符合其 schema。",
  invalid_username: "代理用户名不符合语法。",
  unauthorized: "缺少 API 密钥或密钥未知。",
  subuser_scope_mismatch: "该 API 密钥的作用域不覆盖此产品或子账号。",
  session_not_found: "会话不存在或已过期。",
  product_has_no_sessions: "该产品没有会话。",
  subuser_not_found: "子账号不存在。",
  not_found: "没有这个路径。",
  method_not_allowed: "该路径不支持此方法。",
  malformed_request: "请求无法按 HTTP/1.1 读取。",
  rate_limited: "请求过于频繁，请稍后重试。",
  internal_error: "服务器发生意外错误；联系技术支持时请提供请求 ID。",
  service_unavailable: "服务暂时不可用，请稍后重试。",
  idempotency_key_in_use: "带此 Idempotency-Key 的请求仍在执行，请稍后重试。",
  idempotency_key_reused: "此 Idempotency-Key 已用于另一个请求；请使用新键。",
};

/** One Chinese sentence per rule of the username grammar (`reason` of `invalid_username`). */
export const zhMessageByUsernameRule: Record<UsernameViolation, string> = {
  username_too_long: "用户名过长。",
  missing_user_prefix: "用户名必须以 user-<subuser> 开头。",
  unknown_segment: "用户名含有语法以外的段。",
  duplicate_segment: "用户名中有重复的段。",
  segment_out_of_order: "用户名的段顺序不对。",
  missing_segment: "用户名缺少必需的段（region、session 和 sesstime）。",
  invalid_subuser: "子账号 ID 无效。",
  invalid_region: "region 无效。",
  invalid_state: "state 无效。",
  invalid_city: "city 无效。",
  invalid_asn: "asn 无效。",
  invalid_session_id: "session 无效。",
  invalid_sesstime: "sesstime 必须是整数分钟。",
  sesstime_out_of_range: "sesstime 超出范围。",
};

type Template = [english: RegExp, chinese: (...values: string[]) => string];

// the message shapes the server makes, most specific first; each keeps the values it quotes
const templates: Template[] = [
  [
    /^Missing API key: send it as Authorization: Bearer <key>\.$/,
    () => "缺少 API 密钥：请以 Authorization: Bearer <key> 发送。",
  ],
  [/^Unknown API key\.$/, () => "未知的 API 密钥。"],
  [
    /^The Authorization header is not one bearer key: send one header, Authorization: Bearer <key>\.$/,
    () => "Authorization 头不是单个 Bearer 密钥：请只发送一个 Authorization: Bearer <key> 头。",
  ],
  [
    /^This API key's scope does not cover application sessions \(a keys file grants them with "app_sessions": true\)\.$/,
    () => '该 API 密钥的作用域不覆盖应用会话（密钥文件以 "app_sessions": true 授予）。',
  ],
  [
    /^This API key's scope does not cover the whole account \(both products, every sub-user and its application sessions\), which a reset empties\.$/,
    () => "该 API 密钥的作用域不覆盖整个账户（两个产品、所有子账号及其应用会话），而重置会清空整个账户。",
  ],
  [
    /^A request with this Idempotency-Key is still running; retry in (\d+) s to get its answer\.$/,
    (seconds) => `带此 Idempotency-Key 的请求仍在执行；请在 ${seconds} 秒后重试以获得它的响应。`,
  ],
  [
    /^This Idempotency-Key was sent with another request \(not this (\S+) (\S+) with this body\); use a new key for a new request\.$/,
    (method, path) =>
      `此 Idempotency-Key 已用于另一个请求（不是这个带此请求体的 ${method} ${path}）；新请求请使用新键。`,
  ],
  [
    /^(\S+) must be (\d+) to (\d+) characters; got (.*)\.$/s,
    (name, min, max, got) => `${name} 必须是 ${min} 到 ${max} 个字符；收到的是 ${got}。`,
  ],
  [
    /^This API key's scope does not cover (\S+) sessions of sub-user (\S+)\.$/,
    (product, subuser) => `该 API 密钥的作用域不覆盖子账号 ${subuser} 的 ${product} 会话。`,
  ],
  [
    /^This API key's scope does not cover (\S+) sessions\.$/,
    (product) => `该 API 密钥的作用域不覆盖 ${product} 会话。`,
  ],
  [
    /^The isp product has no sessions: every ISP IP is itself permanent, so there is no transient session state\.$/,
    () => "isp 产品没有会话：ISP 每个 IP 本身就永久稳定，不存在临时会话状态。",
  ],
  [
    /^The (.+) product has no sessions: only residential and mobile have sticky sessions\.$/,
    (product) => `${product} 产品没有会话：只有 residential 和 mobile 有粘性会话。`,
  ],
  [
    /^No session (\S+): it expired, was purged or never existed\.$/,
    (id) => `会话 ${id} 不存在：已过期、已清除或从未存在。`,
  ],
  [/^Application session (\S+) not found\.$/, (id) => `未找到应用会话 ${id}。`],
  [/^No route (\S+) (.*)\.$/s, (method, path) => `没有路由 ${method} ${path}。`],
  [
    /^(.*) does not support (\S+); use (.+)\.$/s,
    (path, method, allow) => `${path} 不支持 ${method}；请使用 ${allow}。`,
  ],
  [
    /^The session store cannot be reached; try again in (\d+) s\.$/,
    (seconds) => `无法连接会话存储；请在 ${seconds} 秒后重试。`,
  ],
  [
    /^Rate limit of (\d+) requests per minute exceeded; retry in (\d+) s\.$/,
    (limit, seconds) => `超出每分钟 ${limit} 个请求的速率限制；请在 ${seconds} 秒后重试。`,
  ],
  [
    /^Too many unknown API keys from this address \((\d+) a minute\); retry in (\d+) s\.$/,
    (limit, seconds) => `来自该地址的未知 API 密钥过多（每分钟 ${limit} 个）；请在 ${seconds} 秒后重试。`,
  ],
  [
    /^An unexpected error occurred; quote the request id to support\.$/,
    () => "发生意外错误；联系技术支持时请提供请求 ID。",
  ],
  [
    /^An unexpected error occurred; quote the operation id to support\.$/,
    () => "发生意外错误；联系技术支持时请提供 operation_id。",
  ],
  [
    /^cursor was not issued by this server: pass a next_cursor value verbatim\.$/,
    () => "cursor 不是本服务器签发的：请原样传入 next_cursor 的值。",
  ],
  [
    /^cursor was issued for another query: use it with the same product, filters and API key account\.$/,
    () => "cursor 是为另一个查询签发的：请在相同的产品、筛选参数和 API 密钥账户下使用。",
  ],
  [
    /^Unknown query parameter (\S+): this operation takes (.*)\.$/s,
    (name, known) => `未知的查询参数 ${name}：该操作接受 ${known}。`,
  ],
  [/^(\S+) must be given at most once\.$/, (name) => `${name} 最多只能给出一次。`],
  [/^(\S+) is required\.$/, (name) => `缺少必需的 ${name}。`],
  [
    /^(\S+) must be an integer from (-?\d+) to (-?\d+); got (.*)\.$/s,
    (name, min, max, got) => `${name} 必须是 ${min} 到 ${max} 之间的整数；收到的是 ${got}。`,
  ],
  [
    /^(\S+) must be one of (.*); got (.*)\.$/s,
    (name, values, got) => `${name} 必须是 ${values} 之一；收到的是 ${got}。`,
  ],
  [
    /^(\S+) must be true or false; got (.*)\.$/s,
    (name, got) => `${name} 必须是 true 或 false；收到的是 ${got}。`,
  ],
  [
    /^(\S+) must name an application session of this account; (\S+) is not one\.$/,
    (name, id) => `${name} 必须是本账户的应用会话；${id} 不是。`,
  ],
  [
    /^beforeId is an alias of before_id: give one of them, or both equal; got before_id=(.*) and beforeId=(.*)\.$/s,
    (canonical, alias) =>
      `beforeId 是 before_id 的别名：只给出其中一个，或两者相等；收到 before_id=${canonical}，beforeId=${alias}。`,
  ],
  [/^A JSON body is required\.$/, () => "需要 JSON 请求体。"],
  [/^The body is not valid JSON: (.*)\.$/s, (reason) => `请求体不是有效的 JSON：${reason}。`],
  [/^The body is larger than (\d+) bytes\.$/, (bytes) => `请求体超过 ${bytes} 字节。`],
  [
    /^The request body is not UTF-8: send JSON encoded as UTF-8\.$/,
    () => "请求体不是 UTF-8：请发送以 UTF-8 编码的 JSON。",
  ],
  [
    /^The sandbox clock cannot move past (\S+); it is at (\S+)\.$/,
    (limit, now) => `沙盒时钟不能拨过 ${limit}；当前为 ${now}。`,
  ],
  [
    /^sesstime must be from (\d+) to (\d+) minutes; got (.*)\.$/s,
    (min, max, got) => `sesstime 必须在 ${min} 到 ${max} 分钟之间；收到的是 ${got}。`,
  ],
];

/**
 * The Chinese text of `error`'s message: its known shape translated, or the Chinese sentence of its
 * code (or username rule) followed by the English original.
 */
export function translateErrorMessage(error: ApiError): string {
  for (const [english, chinese] of templates) {
    const match = english.exec(error.message);
    if (match) return chinese(...match.slice(1).map((value) => value ?? ""));
  }
  const summary =
    error.details.reason === undefined
      ? zhMessageByCode[error.code]
      : zhMessageByUsernameRule[error.details.reason];
  return `${summary}（${error.message}）`;
}
