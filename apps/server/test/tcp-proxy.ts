// A TCP proxy a test puts between the server and its PostgreSQL, to take the database away and give it
// back without touching the PostgreSQL server itself (other tests share it).
import { connect, createServer, type Socket } from "node:net";

export interface TcpProxy {
  /** The loopback port the proxy listens on. */
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's. */
  urlThrough(url: string): string;
  /** Ends every connection through the proxy and refuses new ones (ECONNREFUSED) until `restore`. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  /** How many connections the proxy has accepted so far. */
  readonly accepted: number;
  close(): Promise<void>;
}

/**
 * Starts a proxy on a free loopback port that forwards every connection to `target`.
 *
 * @example
 * const proxy = await startTcpProxy({ host: "127.0.0.1", port: 5432 });
 * await proxy.cut();
 * await proxy.restore();
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let accepted = 0;
  const server = createServer((client) => {
    accepted++;
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on("close", () => open.delete(socket));
      // either side failing ends both, as a network would
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve((server.address() as { port: number }).port);
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      // close waits for open connections to end: they are destroyed right after
      server.close(() => resolve());
      for (const socket of open) socket.destroy();
    });
  const port = await listen(0);
  return {
    port,
    urlThrough(url) {
      const through = new URL(url);
      through.hostname = "127.0.0.1";
      through.port = String(port);
      return through.toString();
    },
    cut: stopListening,
    async restore() {
      if (!server.listening) await listen(port);
    },
    get accepted() {
      return accepted;
    },
    close: stopListening,
  };
}
