import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSessionsApp, DEMO_KEYS, type SessionsSandbox } from "../src/index.js";
import type { CallResult } from "./helpers.js";

// Error messages follow Accept-Language; status and code never do (spec: info, Conventions, Errors).
describe("error messages in the request's language", () => {
  let sandbox: SessionsSandbox;
  beforeAll(async () => {
    sandbox = await createSessionsApp({ purgeIntervalMs: 0 });
  });
  afterAll(() => sandbox.close());

  const call = async (
    path: string,
    headers: Record<string, string>,
    init: RequestInit = {},
  ): Promise<CallResult> => {
    const response = await sandbox.fetch(new Request(`http://127.0.0.1:8080${path}`, { ...init, headers }));
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  const withKey = { authorization: `Bearer ${DEMO_KEYS.full}` };

  test("a zh-CN request gets the Chinese message, with the same status and code", async () => {
    const chinese = await call("/v1/residential/sessions", { "accept-language": "zh-CN" });
    const english = await call("/v1/residential/sessions", {});
    expect(chinese.status).toBe(401);
    expect(chinese.body.error.code).toBe("unauthorized");
    expect(chinese.body.error.message).toBe("缺少 API 密钥：请以 Authorization: Bearer <key> 发送。");
    expect(english.status).toBe(401);
    expect(english.body.error.code).toBe("unauthorized");
    expect(english.body.error.message).toBe("Missing API key: send it as Authorization: Bearer <key>.");
  });

  test("says which language it answered in, and that the answer varies with Accept-Language", async () => {
    const chinese = await call("/v1/residential/sessions", { "accept-language": "zh" });
    const english = await call("/v1/residential/sessions", { "accept-language": "fr, de;q=0.5" });
    expect(chinese.headers.get("content-language")).toBe("zh-CN");
    expect(english.headers.get("content-language")).toBe("en");
    for (const { headers } of [chinese, english]) expect(headers.get("vary")).toMatch(/accept-language/i);
  });

  test("weighs the languages by q-value", async () => {
    const prefersEnglish = await call("/v1/residential/sessions", {
      "accept-language": "en-US,en;q=0.9,zh-CN;q=0.8",
    });
    const prefersChinese = await call("/v1/residential/sessions", { "accept-language": "en;q=0.5, zh-Hans" });
    expect(prefersEnglish.body.error.message).toBe(
      "Missing API key: send it as Authorization: Bearer <key>.",
    );
    expect(prefersChinese.body.error.message).toBe("缺少 API 密钥：请以 Authorization: Bearer <key> 发送。");
  });

  test("keeps the values a message quotes: a parameter out of range", async () => {
    const { status, body } = await call("/v1/residential/sessions?limit=500", {
      ...withKey,
      "accept-language": "zh-CN",
    });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_parameter", param: "limit" });
    expect(body.error.message).toBe("limit 必须是 1 到 200 之间的整数；收到的是 500。");
  });

  test("translates the application family's msg, keeping its error_code", async () => {
    const id = "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE";
    const { status, body } = await call(`/app/sessions/${id}`, { ...withKey, "accept-language": "zh-CN" });
    expect(status).toBe(404);
    expect(body).toMatchObject({
      error_code: "ERR_NOT_FOUND",
      status_code: 404,
      msg: `未找到应用会话 ${id}。`,
    });
  });

  test("names the username rule in Chinese and keeps the English detail of a message it has no wording for", async () => {
    const { status, body } = await call(
      "/sandbox/v1/residential/traffic",
      { ...withKey, "accept-language": "zh-CN", "content-type": "application/json" },
      {
        method: "POST",
        body: JSON.stringify({
          username: "user-sub_01HX2K3PQ4M5-session-job1-sesstime-30",
          requests: [
            {
              method: "GET",
              target_host: "example.com",
              target_port: 443,
              status_code: 200,
              bytes: 1,
              duration_ms: 1,
            },
          ],
        }),
      },
    );
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_username", reason: "missing_segment" });
    expect(body.error.message).toMatch(/^用户名缺少必需的段（region、session 和 sesstime）。（.+）$/);
  });
});
