/**
 * The interactive API reference at `/docs` and the spec itself at `/openapi.json`, each also in Chinese
 * (`/docs/zh-CN`, `/openapi.zh-CN.json`; see `docs-languages.ts`).
 *
 * The page is Scalar's standalone bundle, served by this server from the installed package: the docs
 * work with no internet (sandboxes often have none), so nothing is loaded from a CDN, no web fonts are
 * fetched and telemetry and the hosted AI agent are off. "Try it" requests go straight to this server.
 *
 * @example
 * import { docsRoutes } from "./docs.js";
 * app.route("/", docsRoutes());
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { openapiDocument } from "@sessions-api/openapi/document";
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

function docsPage(language: Language = "en"): string {
  const reference = referenceLanguages[language];
  const configuration = {
    url: reference.specPath,
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    hideDownloadButton: false,
  };
  const title = escapeHtml(reference.title);
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
      const configuration = ${JSON.stringify(configuration)};
      configuration.servers = [{ url: window.location.origin, description: "This reference server" }];
      Scalar.createApiReference("#app", configuration);
    </script>
  </body>
</html>
`;
}

/** Routes for `/docs`, its script, and `/openapi.json`, in each language. They need no API key. */
export function docsRoutes(): Hono {
  const routes = new Hono();
  const pages = { en: docsPage("en"), "zh-CN": docsPage("zh-CN") };
  routes.get("/docs", (c) => {
    const language = negotiateLanguage(c.req.header("accept-language"));
    c.header("content-language", language);
    c.header("vary", "accept-language");
    return c.html(pages[language]);
  });
  for (const [language, { pagePath, specPath, document }] of Object.entries(referenceLanguages)) {
    routes.get(pagePath, (c) => c.html(pages[language as Language]));
    if (specPath !== "/openapi.json") routes.get(specPath, (c) => c.json(document));
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
  routes.get("/openapi.json", (c) => c.json(openapiDocument));
  return routes;
}
