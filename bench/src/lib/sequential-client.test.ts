import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { SequentialClient } from "./sequential-client.js";

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function listen(
  handler: Parameters<typeof createServer>[1],
): Promise<{ base: string; sockets: () => number }> {
  let sockets = 0;
  server = createServer(handler);
  server.on("connection", () => sockets++);
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, sockets: () => sockets };
}

describe("SequentialClient", () => {
  test("sends the path and headers it is given and returns the status and the whole body", async () => {
    const { base } = await listen((req, res) => {
      res.writeHead(req.headers.authorization === "Bearer k" ? 200 : 401);
      // several writes: the body is every chunk, in order
      res.write(`{"path":${JSON.stringify(req.url)},`);
      res.end(`"pad":"${"x".repeat(100_000)}"}`);
    });
    const client = new SequentialClient(base, { authorization: "Bearer k" });
    const { status, body, ms } = await client.get("/v1/things?limit=100");
    client.close();
    expect(status).toBe(200);
    expect(JSON.parse(body)).toEqual({ path: "/v1/things?limit=100", pad: "x".repeat(100_000) });
    expect(ms).toBeGreaterThan(0);
  });

  test("keeps one connection for every request", async () => {
    const { base, sockets } = await listen((_req, res) => res.end("{}"));
    const client = new SequentialClient(base, {});
    for (let i = 0; i < 5; i++) expect((await client.get("/")).status).toBe(200);
    client.close();
    expect(sockets()).toBe(1);
  });

  test("times the whole response, not only its headers", async () => {
    const { base } = await listen((_req, res) => {
      res.writeHead(200);
      res.write("[");
      setTimeout(() => res.end("]"), 50);
    });
    const client = new SequentialClient(base, {});
    const { ms, body } = await client.get("/");
    client.close();
    expect(body).toBe("[]");
    expect(ms).toBeGreaterThanOrEqual(45);
  });

  test("rejects when the server cannot be reached", async () => {
    const { base } = await listen((_req, res) => res.end());
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    const client = new SequentialClient(base, {});
    await expect(client.get("/")).rejects.toThrow(/ECONNREFUSED/);
    client.close();
  });
});
