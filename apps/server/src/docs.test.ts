import { execFileSync } from "node:child_process";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_KEYS } from "./api-keys.js";
import { createSessionsApp } from "./app.js";
import { docsRoutes } from "./docs.js";

const ensureChromium = new URL("../../../scripts/ensure-chromium.sh", import.meta.url).pathname;

// the part of a canvas's 2D context the glyph check draws with (the server's types have no DOM library)
interface Canvas2D {
  font: string;
  clearRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
  getImageData(x: number, y: number, width: number, height: number): { data: ArrayLike<number> };
}

interface BrowserGlobals {
  document: {
    body: unknown;
    createElement(tag: "canvas"): { width: number; height: number; getContext(kind: "2d"): Canvas2D };
  };
  getComputedStyle(element: unknown): { fontFamily: string };
}

interface SpecDocument {
  paths: Record<string, Record<string, { operationId: string; summary: string } | undefined>>;
}

// the configuration the docs page passes to Scalar, as the browser would read it
async function pageConfiguration(app: Hono): Promise<Record<string, unknown>> {
  const html = await (await app.request("/docs")).text();
  const json = html.match(/const configuration = (\{.*\});/)?.[1];
  if (json === undefined) throw new Error("the page has no configuration");
  return JSON.parse(json) as Record<string, unknown>;
}

describe("the API reference", () => {
  const app = new Hono().route("/", docsRoutes());

  test("serves the spec itself at /openapi.json", async () => {
    const response = await app.request("/openapi.json");
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/app/sessions/{id}");
  });

  test("serves the Chinese document at /openapi.zh-CN.json: the same operations, Chinese prose", async () => {
    const english = (await (await app.request("/openapi.json")).json()) as SpecDocument;
    const response = await app.request("/openapi.zh-CN.json");
    expect(response.status).toBe(200);
    const chinese = (await response.json()) as SpecDocument;
    expect(Object.keys(chinese.paths)).toEqual(Object.keys(english.paths));
    const list = chinese.paths["/v1/residential/sessions"]?.get;
    expect(list).toMatchObject({ operationId: "listResidentialSessions", summary: "列出住宅粘性会话" });
    expect(chinese.paths["/v1/{product}/sessions/{id}"]?.delete?.summary).toBe("提前终止粘性会话");
  });

  test.each([
    ["/docs", {}, "en", "/openapi.json"],
    ["/docs", { "accept-language": "zh-CN,zh;q=0.9,en;q=0.8" }, "zh-CN", "/openapi.zh-CN.json"],
    ["/docs", { "accept-language": "en-US,en;q=0.9,zh;q=0.5" }, "en", "/openapi.json"],
    ["/docs/zh-CN", {}, "zh-CN", "/openapi.zh-CN.json"],
    ["/docs/en", { "accept-language": "zh-CN" }, "en", "/openapi.json"],
  ])("serves %s with %j in %s, from %s", async (path, headers, language, specPath) => {
    const response = await app.request(path, { headers });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain(`"url":"${specPath}"`);
    if (path === "/docs") expect(response.headers.get("vary")).toMatch(/accept-language/i);
  });

  test("offers a switch to the other language on each page", async () => {
    expect(await (await app.request("/docs/en")).text()).toContain('<a href="/docs/zh-CN" hreflang="zh-CN"');
    expect(await (await app.request("/docs/zh-CN")).text()).toContain('<a href="/docs/en" hreflang="en"');
  });

  test("/openapi.json names the server at the origin the request came to, or the configured public URL", async () => {
    const servers = async (routes: Hono, url: string) =>
      ((await (await routes.request(url)).json()) as { servers: { url: string }[] }).servers.map(
        (s) => s.url,
      );
    expect(await servers(app, "http://docs.example.test:8123/openapi.json")).toEqual([
      "http://docs.example.test:8123",
    ]);
    const behindProxy = new Hono().route("/", docsRoutes({ publicUrl: "https://sandbox.example.com" }));
    expect(await servers(behindProxy, "http://127.0.0.1:8080/openapi.json")).toEqual([
      "https://sandbox.example.com",
    ]);
  });

  test("GET / redirects to the reference", async () => {
    const response = await app.request("/");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/docs");
  });

  test("pre-fills the demo key when demo keys are on, and no key otherwise", async () => {
    const withDemo = await pageConfiguration(new Hono().route("/", docsRoutes({ demoKey: "sk_demo_full" })));
    expect(withDemo.authentication).toEqual({
      preferredSecurityScheme: "apiKey",
      securitySchemes: { apiKey: { token: "sk_demo_full" } },
    });
    expect((await pageConfiguration(app)).authentication).toBeUndefined();
  });

  test("turns off the vendor's hosted services: developer toolbar, MCP, agent, telemetry", async () => {
    expect(await pageConfiguration(app)).toMatchObject({
      showDeveloperTools: "never",
      mcp: { disabled: true },
      agent: { disabled: true },
      telemetry: false,
    });
  });

  test("serves its script from this server, compressed when the browser accepts it", async () => {
    const html = await (await app.request("/docs")).text();
    const script = html.match(/<script src="([^"]+)"/)?.[1];
    expect(script).toMatch(/^\/docs\/assets\//);
    const response = await app.request(script as string, { headers: { "accept-encoding": "gzip" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("content-type")).toContain("javascript");
  });

  describe("in headless Chromium, offline, on a server with the demo data and keys", () => {
    let browser: Browser;
    let origin: string;
    let close: () => Promise<void>;

    beforeAll(async () => {
      const executablePath = execFileSync("bash", [ensureChromium], { encoding: "utf8" })
        .trim()
        .split("\n")
        .at(-1);
      const sandbox = await createSessionsApp({ seedDemoData: true, purgeIntervalMs: 0 });
      const server = serve({ fetch: sandbox.fetch, port: 0, hostname: "127.0.0.1" });
      await new Promise((resolve) => server.once("listening", resolve));
      // 127.0.0.1 is where the vendor's page shows its developer tools unless told not to
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      close = async () => {
        server.close();
        await sandbox.close();
      };
      browser = await chromium.launch({
        executablePath,
        // the machine has no internet: background networking would only produce refused connections
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
        ],
      });
    });

    afterAll(async () => {
      await browser?.close();
      await close?.();
    });

    test("lists the operations of both session families and loads nothing from elsewhere", async () => {
      const page = await browser.newPage();
      const foreign: string[] = [];
      page.on("request", (request) => {
        const url = request.url();
        if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:"))
          foreign.push(url);
      });
      await page.goto(`${origin}/docs`);
      const sidebar = page.locator("aside").first();
      const families = {
        "Gateway sessions": [
          "List residential sticky sessions",
          "List mobile sticky sessions",
          "Terminate a sticky session early",
        ],
        "Application sessions": [
          "List application sessions",
          "Get an application session",
          "Delete an application session",
        ],
      };
      for (const [tag, summaries] of Object.entries(families)) {
        const group = sidebar.getByText(tag, { exact: true }).first();
        await group.waitFor({ timeout: 120_000 });
        // a group that is not expanded yet shows its operations once clicked
        if ((await sidebar.getByText(summaries[0] as string).count()) === 0) await group.click();
        for (const summary of summaries) {
          await expect
            .poll(() => sidebar.getByText(summary).count(), { timeout: 120_000 })
            .toBeGreaterThan(0);
        }
      }
      expect(foreign).toEqual([]);
      await page.close();
    });

    test("shows the Chinese reference at /docs/zh-CN with Chinese operation titles, drawn as glyphs", async () => {
      const page = await browser.newPage();
      await page.goto(`${origin}/docs/zh-CN`);
      const sidebar = page.locator("aside").first();
      const title = sidebar.getByText("列出住宅粘性会话").first();
      // the tag groups keep their English names (they are identifiers); a closed group opens on click
      const group = sidebar.getByText("Gateway sessions", { exact: true }).first();
      await group.waitFor({ timeout: 120_000 });
      if ((await sidebar.getByText("列出住宅粘性会话").count()) === 0) await group.click();
      await title.waitFor({ timeout: 120_000 });
      for (const summary of ["列出移动粘性会话", "提前终止粘性会话"]) {
        await expect.poll(() => sidebar.getByText(summary).count(), { timeout: 120_000 }).toBeGreaterThan(0);
      }
      // a font with Han glyphs is installed: a Han character does not draw as the missing-glyph box
      const glyphs = await page.evaluate(() => {
        const web = globalThis as unknown as BrowserGlobals;
        const canvas = web.document.createElement("canvas");
        canvas.width = 64;
        canvas.height = 64;
        const context = canvas.getContext("2d");
        context.font = `48px ${web.getComputedStyle(web.document.body).fontFamily}, sans-serif`;
        const draw = (text: string) => {
          context.clearRect(0, 0, 64, 64);
          context.fillText(text, 0, 52);
          return Array.from(context.getImageData(0, 0, 64, 64).data);
        };
        const han = draw("会");
        const missing = draw("\u{10FFFD}");
        return {
          inked: han.some((value, index) => index % 4 === 3 && value > 0),
          sameAsMissingGlyph: han.every((value, index) => value === missing[index]),
        };
      });
      expect(glyphs).toEqual({ inked: true, sameAsMissingGlyph: false });
      // and the title itself is not blank: hiding its text changes what is drawn
      const drawn = await title.screenshot();
      await title.evaluate((element) => {
        element.setAttribute("style", "color: transparent");
      });
      expect(Buffer.compare(drawn, await title.screenshot())).not.toBe(0);
      await page.close();
    });

    test("shows the client's code sample; Try it sends the list with its defaults and shows 200; no vendor menus", async () => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`${origin}/docs#tag/gateway-sessions/GET/v1/residential/sessions`);
      const tryIt = page.getByRole("button", { name: "Test Request" }).first();
      await tryIt.waitFor({ timeout: 120_000 });
      // the vendor's developer toolbar (Deploy, Share) and its Generate MCP button stay away
      for (const menu of ["Generate MCP", "Deploy", "Share", "Developer Tools"]) {
        expect(await page.getByText(menu, { exact: true }).count(), menu).toBe(0);
      }
      // the request example shows the spec's own code sample, for the typed client
      expect(await page.getByRole("button", { name: "@sessions-api/client" }).count()).toBeGreaterThan(0);
      await tryIt.click();
      const sent = page.waitForRequest((request) => request.url().includes("/v1/residential/sessions"));
      await page.getByRole("button", { name: "Send" }).first().click();
      const request = await sent;
      expect(request.headers().authorization).toBe(`Bearer ${DEMO_KEYS.full}`);
      await page.getByText("200 OK", { exact: true }).first().waitFor({ timeout: 120_000 });
      // the spec's examples select the docs' own session
      await page.getByText('"ses_01HX2K3PQ4M5"').first().waitFor({ timeout: 120_000 });
      await page.close();
    });
  });
});
