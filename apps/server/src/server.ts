/**
 * The Sessions API over real HTTP: `startSessionsServer` creates the app and listens on a port (0 picks a
 * free one); `close` stops accepting, lets requests in flight finish, then closes the store.
 *
 * @example
 * const server = await startSessionsServer({ port: 0 });
 * const response = await fetch(`${server.url}/healthz`);
 * await server.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { createSessionsApp, type SessionsAppOptions, type SessionsSandbox } from "./app.js";
import { answerConnectRequests, answerUpgradeRequests } from "./bare-socket-requests.js";
import { limitConnections } from "./connection-limit.js";
import { errorsOnlyLogger } from "./logger.js";
import { answerMalformedRequests } from "./protocol-errors.js";
import { guardRequestTargets } from "./request-target.js";
import { resolveServerLimits, type ServerLimits } from "./server-limits.js";
import { closeUnlessBodyRead } from "./unread-bodies.js";

/**
 * Options of `startSessionsServer`: the app's, plus where to listen and the limits of `ServerLimits`
 * (`maxConnections`, `headersTimeoutMs`, `requestTimeoutMs`, `keepAliveTimeoutMs`; `DEFAULT_SERVER_LIMITS`
 * for those left out).
 *
 * @example
 * const options: SessionsServerOptions = { port: 0, host: "127.0.0.1", shutdownGraceMs: 5000, maxConnections: 64 };
 */
export interface SessionsServerOptions extends SessionsAppOptions, Partial<ServerLimits> {
  /** Port to listen on; 0 (the default here) picks a free one. */
  port?: number | undefined;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string | undefined;
  /** How long `close` waits for requests in flight before cutting connections, in ms; default 10 s. */
  shutdownGraceMs?: number | undefined;
}

/**
 * A listening server.
 *
 * @example
 * const { url, close } = await startSessionsServer({ port: 0, host: "127.0.0.1" });
 */
export interface SessionsServer extends SessionsSandbox {
  /** `http://host:port` the server listens on. */
  url: string;
}

/**
 * Starts the server.
 *
 * @example
 * const server = await startSessionsServer({ port: 0, seedDemoData: true });
 * console.log(server.url); // "http://127.0.0.1:41733"
 */
export async function startSessionsServer(options: SessionsServerOptions = {}): Promise<SessionsServer> {
  const host = options.host ?? "127.0.0.1";
  // checked before the store opens: a bad option must not leave the data directory locked
  const limits = resolveServerLimits(options);
  const logger = options.logger ?? errorsOnlyLogger();
  const logRequests = options.logRequests;
  const server = createServer({
    // a missing Host is the guard's to answer, in the error body, not Node's (an empty 400)
    requireHostHeader: false,
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // how often Node looks for requests past their time (30 s by default): a 408 comes near its time
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
  });
  // until the store is open, requests wait for it; then they go straight to the app
  let sandboxReady!: (sandbox: SessionsSandbox) => void;
  let sandboxFailed!: (error: unknown) => void;
  const opened = new Promise<SessionsSandbox>((resolve, reject) => {
    sandboxReady = resolve;
    sandboxFailed = reject;
  });
  opened.catch(() => {});
  type FetchApp = Parameters<typeof getRequestListener>[0];
  let fetchApp: FetchApp = async (request, env) => (await opened).app.fetch(request, env);
  const connectionLimit = limitConnections(server, {
    maxConnections: limits.maxConnections,
    logger,
    logRequests,
  });
  const guarded = guardRequestTargets(
    getRequestListener((request, env) => fetchApp(request, env), { hostname: host }),
    {
      logger,
      logRequests,
    },
  );
  const handleRequest = (req: IncomingMessage, res: ServerResponse) => {
    // a request read on a connection over the limit is not run: that connection was answered 503
    if (connectionLimit.isRefused(req.socket)) return;
    closeUnlessBodyRead(req, res);
    guarded(req, res);
  };
  server.on("request", handleRequest);
  answerMalformedRequests(server, { logger, logRequests });
  answerConnectRequests(server, handleRequest);
  answerUpgradeRequests(server, handleRequest, { logger, logRequests });
  // an expectation other than 100-continue is ignored, as RFC 9110 allows, rather than Node's empty 417
  server.on("checkExpectation", (req, res) => server.emit("request", req, res));
  // the port is taken before the store opens: a busy port fails at once, before a data directory is
  // made, locked or seeded
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
  let sandbox: SessionsSandbox;
  try {
    sandbox = await createSessionsApp(options);
  } catch (error) {
    sandboxFailed(error);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  sandboxReady(sandbox);
  fetchApp = sandbox.app.fetch;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), options.shutdownGraceMs ?? 10_000);
      force.unref();
      // stops accepting; resolves once every in-flight request has been answered
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    }).then(() => sandbox.close());
    return closing;
  };
  return { ...sandbox, url: `http://${urlHost}:${address.port}`, close };
}
