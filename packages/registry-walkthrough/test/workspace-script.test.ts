/**
 * A plain `node` script inside the workspace imports `@sessions-api/client` by name and gets the built
 * `dist` (ESM for `import`, CommonJS for `require`): only TypeScript and vitest set the
 * `@sessions-api/source` condition that maps the package to its `src`. Needs the client's build, which
 * turbo's test task runs first (`^build`).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { type SessionsServer, startSessionsServer } from "@sessions-api/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const run = promisify(execFile);
const clientDist = join(import.meta.dirname, "..", "..", "client", "dist");
let server: SessionsServer | undefined;

beforeAll(async () => {
  if (!existsSync(join(clientDist, "index.js"))) {
    throw new Error(
      "packages/client/dist is missing: run `pnpm turbo run build --filter=@sessions-api/client`.",
    );
  }
  server = await startSessionsServer({ port: 0, host: "127.0.0.1", seedDemoData: true });
});

afterAll(async () => {
  await server?.close();
});

describe("a plain node script in the workspace", () => {
  test.each([
    { kind: "ESM", script: "client-import.mjs", built: ["index.js", "username.js"] },
    { kind: "CommonJS", script: "client-require.cjs", built: ["index.cjs", "username.cjs"] },
  ])(
    "imports @sessions-api/client from its built $kind output and calls the server",
    async ({ script, built }) => {
      const { stdout } = await run(process.execPath, [join(import.meta.dirname, "fixtures", script)], {
        cwd: join(import.meta.dirname, ".."),
        env: { ...process.env, SESSIONS_API_URL: server?.url, NODE_OPTIONS: "" },
        timeout: 240_000,
        killSignal: "SIGKILL",
      });
      const seen = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
      expect(seen.resolved.map((path: string) => path.replace(/^file:\/\//, ""))).toEqual(
        built.map((file) => join(clientDist, file)),
      );
      expect(seen.username).toBe("user-sub_01HX2K3PQ4M5-region-us-session-a-sesstime-5");
      expect(seen.listed).toBe(true);
    },
  );
});
