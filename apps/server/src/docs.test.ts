import { execFileSync } from "node:child_process";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { docsRoutes } from "./docs.js";

const ensureChromium = new URL("../../../scripts/ensure-chromium.sh", import.meta.url).pathname;

describe("the API reference", () => {
  const app = new Hono().route("/", docsRoutes());

  test("serves the spec itself at /openapi.json", async () => {
    const response = await app.request("/openapi.json");
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/app/sessions/{id}");
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

  describe("in headless Chromium, offline", () => {
    let browser: Browser;
    let origin: string;
    let close: () => void;

    beforeAll(async () => {
      const executablePath = execFileSync("bash", [ensureChromium], { encoding: "utf8" })
        .trim()
        .split("\n")
        .at(-1);
      const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
      await new Promise((resolve) => server.once("listening", resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      close = () => server.close();
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
      close?.();
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
  });
});
