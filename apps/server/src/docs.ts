/**
 * The interactive API reference at `/docs` and the spec itself at `/openapi.json`, each also in Chinese
 * (`/docs/zh-CN`, `/openapi.zh-CN.json`; see `docs-languages.ts`).
 *
 * The page is Scalar's standalone bundle, served by this server from the installed package: the docs
 * work with no internet (sandboxes often have none), so nothing is loaded from a CDN, no web fonts are
 * fetched, and the vendor's hosted services (telemetry, AI agent, MCP, the Deploy and Share toolbar) are
 * off. "Try it" requests go straight to this server, with the demo key when demo keys are on.
 * `/openapi.json` names this server, at the origin the request came to, as the spec's one server.
 *
 * @example
 * import { docsRoutes } from "./docs.js";
 * app.route("/", docsRoutes());
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import type { OpenApiDocument } from "@sessions-api/openapi/document";
import { Hono } from "hono";
import { etag } from "hono/etag";
import { type Language, negotiateLanguage } from "./accept-language.js";
import { referenceLanguages, renderLanguageSwitch } from "./docs-languages.js";

const scalarBundlePath = "/docs/assets/scalar-standalone.js";

interface StaticAsset {
  body: Uint8Array<ArrayBuffer>;
  gzipped: Uint8Array<ArrayBuffer>;
}

// read and compressed once, on first request: 4 MB of script must not cost each page view
let scalarBundle: StaticAsset | undefined;
function loadScalarBundle(): StaticAsset {
  if (!scalarBundle) {
    const entry = createRequire(import.meta.url).resolve("@scalar/api-reference");
    const body = new Uint8Array(readFileSync(new URL("./browser/standalone.js", `file://${entry}`)));
    scalarBundle = { body, gzipped: new Uint8Array(gzipSync(body)) };
  }
  return scalarBundle;
}

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** What the docs page knows of the server it documents. */
export interface DocsOptions {
  /** The key "Try it" sends unless the reader types another: the demo key, when demo keys are on. */
  demoKey?: string | undefined;
  /** The configured public origin; omitted: each request's own origin. */
  publicUrl?: string | undefined;
}

/** What one page of the reference shows: the options, and which language's document it reads. */
interface PageOptions extends DocsOptions {
  specPath?: string;
}

/**
 * The configuration of the Scalar API reference: offline, with the vendor's hosted services (developer
 * toolbar with Deploy and Share, Generate MCP, telemetry, agent) off, and the demo key pre-filled when
 * there is one. The page adds `servers` (the browser's own origin) when it runs.
 *
 * @example
 * Scalar.createApiReference("#app", scalarConfiguration({ demoKey: "sk_demo_full" }));
 */
export function scalarConfiguration(options: PageOptions): Record<string, unknown> {
  return {
    url: options.specPath ?? "/openapi.json",
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    mcp: { disabled: true },
    showDeveloperTools: "never",
    documentDownloadType: "json",
    ...(options.demoKey === undefined
      ? {}
      : {
          authentication: {
            preferredSecurityScheme: "apiKey",
            securitySchemes: { apiKey: { token: options.demoKey } },
          },
        }),
  };
}

function docsPage(options: DocsOptions, language: Language): string {
  const reference = referenceLanguages[language];
  const configuration = scalarConfiguration({ ...options, specPath: reference.specPath });
  const title = escapeHtml(reference.title);
  // a key or URL with "</script>" in it must not end the script early
  const json = JSON.stringify(configuration).replaceAll("<", "\\u003c");
  return `<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
  </head>
  <body>
    ${renderLanguageSwitch(language)}
    <div id="app"></div>
    <script src="${scalarBundlePath}"></script>
    <script>
      // "Try it" talks to the server that serves this page, whatever host and port it runs on.
      const configuration = ${json};
      configuration.servers = [{ url: window.location.origin, description: "This reference server" }];
      Scalar.createApiReference("#app", configuration);
    </script>
  </body>
</html>
`;
}

// a document as this server serves it: its one server is this server, where the reader reached it
function servedDocument(document: OpenApiDocument, origin: string): OpenApiDocument {
  return { ...document, servers: [{ url: origin, description: "This server" }] };
}

/**
 * Routes for `/` (a redirect to `/docs`), `/docs`, its script, and `/openapi.json`, in each language.
 * They need no API key.
 */
export function docsRoutes(options: DocsOptions = {}): Hono {
  const routes = new Hono();
  const pages = { en: docsPage(options, "en"), "zh-CN": docsPage(options, "zh-CN") };
  routes.get("/", (c) => c.redirect("/docs", 302));
  routes.get("/docs", (c) => {
    const language = negotiateLanguage(c.req.header("accept-language"));
    c.header("content-language", language);
    c.header("vary", "accept-language");
    return c.html(pages[language]);
  });
  for (const [language, { pagePath, specPath, document }] of Object.entries(referenceLanguages)) {
    routes.get(pagePath, (c) => c.html(pages[language as Language]));
    routes.get(specPath, (c) =>
      c.json(servedDocument(document, options.publicUrl ?? new URL(c.req.url).origin)),
    );
  }
  routes.get("/docs/", (c) => c.redirect("/docs", 301));
  routes.get(scalarBundlePath, etag(), (c) => {
    const asset = loadScalarBundle();
    const gzip = /\bgzip\b/.test(c.req.header("accept-encoding") ?? "");
    c.header("content-type", "text/javascript; charset=utf-8");
    c.header("cache-control", "public, max-age=86400");
    c.header("vary", "accept-encoding");
    if (gzip) c.header("content-encoding", "gzip");
    return c.body(gzip ? asset.gzipped : asset.body);
  });
  return routes;
}
