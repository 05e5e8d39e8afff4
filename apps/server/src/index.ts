/**
 * The reference server of the Sessions API: every operation of `spec/openapi.yaml` on Hono, over PGlite
 * or PostgreSQL, with a stateful sandbox.
 *
 * @example
 * import { createSessionsApp, DEMO_KEYS } from "@sessions-api/server";
 * const sandbox = await createSessionsApp();
 * const response = await sandbox.fetch(
 *   new Request("http://localhost/v1/residential/sessions", { headers: { authorization: `Bearer ${DEMO_KEYS.full}` } }),
 * );
 * await sandbox.close();
 */
export {
  type ApiKeyConfig,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  DEMO_KEYS,
  demoKeyConfigs,
  loadApiKeysFile,
  parseApiKeys,
} from "./api-keys.js";
export { createSessionsApp, type SessionsAppOptions, type SessionsSandbox } from "./app.js";
export { DEMO_APP_SESSION_ID, DEMO_SESSION_ID, DEMO_SUBUSER } from "./demo-data.js";
export { type BufferedLogger, jsonLogger, type Logger } from "./logger.js";
export { type SessionsServer, type SessionsServerOptions, startSessionsServer } from "./server.js";
export { DEFAULT_SERVER_LIMITS, type ServerLimits } from "./server-limits.js";
