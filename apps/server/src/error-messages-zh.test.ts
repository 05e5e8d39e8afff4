import { openapiDocument } from "@sessions-api/openapi/document";
import { describe, expect, test } from "vitest";
import { translateErrorMessage, zhMessageByCode, zhMessageByUsernameRule } from "./error-messages-zh.js";
import { ApiError } from "./errors.js";

const enumOf = (schema: string) =>
  (openapiDocument.components.schemas?.[schema] as { enum?: string[] } | undefined)?.enum ?? [];
const chinese = /\p{Script=Han}/u;

describe("the zh-CN error messages", () => {
  test.each(enumOf("GatewayErrorCode"))("have a Chinese sentence for the code %s", (code) => {
    expect(zhMessageByCode[code as keyof typeof zhMessageByCode]).toMatch(chinese);
  });

  test.each(enumOf("UsernameViolation"))("have a Chinese sentence for the username rule %s", (rule) => {
    expect(zhMessageByUsernameRule[rule as keyof typeof zhMessageByUsernameRule]).toMatch(chinese);
  });

  test.each([
    [ApiError.unauthorized("Unknown API key."), "未知的 API 密钥。"],
    [
      ApiError.scopeMismatch("residential", "sub_01HX2K3PQ4M5"),
      "该 API 密钥的作用域不覆盖子账号 sub_01HX2K3PQ4M5 的 residential 会话。",
    ],
    [
      ApiError.productHasNoSessions("isp"),
      "isp 产品没有会话：ISP 每个 IP 本身就永久稳定，不存在临时会话状态。",
    ],
    [
      ApiError.methodNotAllowed("PUT", "/v1/residential/sessions", ["GET", "HEAD"]),
      "/v1/residential/sessions 不支持 PUT；请使用 GET, HEAD。",
    ],
    [ApiError.storeUnavailable(), "无法连接会话存储；请在 2 秒后重试。"],
    [
      new ApiError(
        409,
        "idempotency_key_in_use",
        "A request with this Idempotency-Key is still running; retry in 1 s to get its answer.",
      ),
      "带此 Idempotency-Key 的请求仍在执行；请在 1 秒后重试以获得它的响应。",
    ],
    [
      ApiError.invalidParameter("Idempotency-Key", 'Idempotency-Key must be 1 to 255 characters; got "".'),
      'Idempotency-Key 必须是 1 到 255 个字符；收到的是 ""。',
    ],
  ])("translate a known message shape, keeping its values: %s", (error, message) => {
    expect(translateErrorMessage(error)).toBe(message);
  });

  test("put the code's Chinese sentence before an English message of no known shape", () => {
    const error = new ApiError(
      400,
      "invalid_request_body",
      "requests[0].bytes must be at most 1099511627776.",
    );
    expect(translateErrorMessage(error)).toBe(
      "JSON 请求体缺失、格式错误或不符合其 schema。（requests[0].bytes must be at most 1099511627776.）",
    );
  });
});
