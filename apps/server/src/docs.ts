/**
 * The interactive API reference at `/docs` and the spec itself at `/openapi.json`.
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
import { openapiDocument } from "@sessions-api/openapi/document";
import { Hono } from "hono";
import { etag } from "hono/etag";

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

/**
 * The configuration of the Scalar API reference: offline, with the vendor's hosted services (developer
 * toolbar with Deploy and Share, Generate MCP, telemetry, agent) off, and the demo key pre-filled when
 * there is one. The page adds `servers` (the browser's own origin) when it runs.
 *
 * @example
 * Scalar.createApiReference("#app", scalarConfiguration({ demoKey: "sk_demo_full" }));
 */
export function scalarConfiguration(options: DocsOptions): Record<string, unknown> {
  return {
    url: "/openapi.json",
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

function docsPage(options: DocsOptions): string {
  const configuration = scalarConfiguration(options);
  const title = escapeHtml(`${openapiDocument.info.title} ${openapiDocument.info.version} reference`);
  // a key or URL with "</script>" in it must not end the script early
  const json = JSON.stringify(configuration).replaceAll("<", "\\u003c");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
  </head>
  <body>
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

// the spec as this server serves it: its one server is this server, where the reader reached it
function servedDocument(origin: string): typeof openapiDocument {
  return { ...openapiDocument, servers: [{ url: origin, description: "This server" }] };
}

/**
 * Routes for `/` (a redirect to `/docs`), `/docs`, its script, and `/openapi.json`. They need no API key.
 */
export function docsRoutes(options: DocsOptions = {}): Hono {
  const routes = new Hono();
  const page = docsPage(options);
  routes.get("/", (c) => c.redirect("/docs", 302));
  routes.get("/docs", (c) => c.html(page));
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
  routes.get("/openapi.json", (c) => c.json(servedDocument(options.publicUrl ?? new URL(c.req.url).origin)));
  return routes;
}
