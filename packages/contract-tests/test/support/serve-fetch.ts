/**
 * Serves a fetch handler (`(Request) => Response`) over real HTTP on a free loopback port, so that an
 * in-process app, or a deliberately broken wrapper around one, can stand behind Prism's proxy.
 *
 * @example
 * const served = await serveFetch((request) => sandbox.fetch(request));
 * await fetch(`${served.url}/healthz`);
 * await served.close();
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ServedFetch {
  url: string;
  close(): Promise<void>;
}

export async function serveFetch(handler: (request: Request) => Promise<Response>): Promise<ServedFetch> {
  const server = createServer(async (incoming, outgoing) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (typeof value === "string") headers.set(name, value);
        else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      }
      const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD" && chunks.length > 0;
      const response = await handler(
        new Request(`http://${incoming.headers.host ?? "127.0.0.1"}${incoming.url ?? "/"}`, {
          method: incoming.method ?? "GET",
          headers,
          ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
        }),
      );
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      outgoing.writeHead(502, { "content-type": "text/plain" });
      outgoing.end(String(error));
    }
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
