/**
 * The ceiling: a bare node:http server that answers the benchmarked requests with the same bodies the
 * reference server gave, after the same bearer check. It stringifies the body on every request, as any
 * real server must, but does no routing, validation or storage: what is left is the cost of HTTP and
 * JSON on this machine, the most any server in Node can do.
 *
 * Run as a child process: `node ceiling-server.mjs ROUTES.json`, where the file is
 * `{"token": "...", "routes": {"/path?query": <body>}}`. Prints `{"msg":"listening","url":...}`.
 *
 * @example
 * // node .cache/ceiling-server.mjs .cache/ceiling-routes.json
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

interface CeilingRoutes {
  token: string;
  routes: Record<string, unknown>;
}

const file = process.argv[2];
if (file === undefined) throw new Error("usage: ceiling-server ROUTES.json");
const config = JSON.parse(readFileSync(file, "utf8")) as CeilingRoutes;
const routes = new Map(Object.entries(config.routes));
const expected = `Bearer ${config.token}`;
let sequence = 0;

const server = createServer((request, response) => {
  const requestId = `req_${(++sequence).toString(36).padStart(26, "0")}`;
  if (request.headers.authorization !== expected) {
    response.writeHead(401, { "content-type": "application/json", "x-request-id": requestId });
    response.end(
      JSON.stringify({ error: { code: "unauthorized", message: "Missing API key.", request_id: requestId } }),
    );
    return;
  }
  const body = routes.get(request.url ?? "");
  if (body === undefined) {
    response.writeHead(404, { "content-type": "application/json", "x-request-id": requestId });
    response.end(
      JSON.stringify({ error: { code: "not_found", message: "No such path.", request_id: requestId } }),
    );
    return;
  }
  response.writeHead(200, { "content-type": "application/json", "x-request-id": requestId });
  response.end(JSON.stringify(body));
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  console.log(JSON.stringify({ level: "info", msg: "listening", url: `http://127.0.0.1:${port}` }));
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
