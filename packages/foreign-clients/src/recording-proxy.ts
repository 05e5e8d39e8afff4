/**
 * A pass-through HTTP proxy that records the method and URL of every request it forwards, so that a test
 * can check what a client nobody here wrote actually puts on the wire.
 *
 * @example
 * const proxy = await startRecordingProxy(server.url);
 * await vendorClient(proxy.url).list();
 * console.log(proxy.requests); // [{ method: "GET", url: "/app/sessions?limit=100" }, ...]
 * await proxy.close();
 */
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the proxy forwarded: its method and its URL as sent (path and query). */
export interface RecordedRequest {
  method: string;
  url: string;
}

/** A running proxy: where to send requests, what it forwarded so far, and how to stop it. */
export interface RecordingProxy {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a proxy on a free loopback port that forwards every request, headers and body unchanged, to
 * `target` (an `http://host:port` origin) and streams the answer back.
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    requests.push({ method: incoming.method ?? "", url: incoming.url ?? "" });
    const forwarded = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", (error) => outgoing.destroy(error));
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
