import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort, listensOn } from "./prism.js";

describe("listensOn", () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    port = (server.address() as { port: number }).port;
  });

  afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

  test("is true for the port this process listens on", () => {
    expect(listensOn(process.pid, port)).toBe(true);
  });

  test("is false for a port no socket of this process holds", async () => {
    expect(listensOn(process.pid, await freePort())).toBe(false);
  });
});
