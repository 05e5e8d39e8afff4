/**
 * The new-user check: the packed tarball installed with npm in a fresh ESM project and a fresh CommonJS
 * project outside the workspace, type-checked against the published declarations, compiled, and run
 * against the reference server over HTTP. Needs the npm registry (for openapi-fetch).
 */
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type SessionsServer, startSessionsServer } from "@sessions-api/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { packClient, run } from "./pack.js";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const projects = [
  { kind: "ESM", type: "module", subuser: "sub_newuseresm" },
  { kind: "CommonJS", type: "commonjs", subuser: "sub_newusercjs" },
] as const;

let root = "";
let server: SessionsServer | undefined;

beforeAll(async () => {
  const packed = await packClient();
  root = packed.dir;
  server = await startSessionsServer({ port: 0, host: "127.0.0.1" });
  await Promise.all(
    projects.map(async ({ type }) => {
      const dir = join(root, type);
      await mkdir(dir);
      await writeFile(
        join(dir, "package.json"),
        JSON.stringify({ name: `new-user-${type}`, private: true, type }),
      );
      await writeFile(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            module: "NodeNext",
            moduleResolution: "NodeNext",
            target: "ES2022",
            lib: ["ES2022", "DOM", "DOM.Iterable"],
            types: [],
            strict: true,
            // the published declarations themselves are checked too
            skipLibCheck: false,
            outDir: "out",
          },
          files: ["index.ts"],
        }),
      );
      await copyFile(join(import.meta.dirname, "fixtures", "new-user.ts"), join(dir, "index.ts"));
      await run(
        "npm",
        ["install", packed.tarball, "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
        {
          cwd: dir,
          timeout: 240_000,
          killSignal: "SIGKILL",
        },
      );
    }),
  );
});

afterAll(async () => {
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe("the packed tarball, as a new user installs it", () => {
  test.each(projects)(
    "in a $kind project: type-checks, lists a sub-user's sessions across pages, terminates one, catches SessionNotFoundError",
    async ({ type, subuser }) => {
      const dir = join(root, type);
      await run(process.execPath, [tsc, "-p", "."], { cwd: dir, timeout: 240_000, killSignal: "SIGKILL" });
      const { stdout } = await run(process.execPath, ["out/index.js"], {
        cwd: dir,
        timeout: 240_000,
        killSignal: "SIGKILL",
        env: { ...process.env, SESSIONS_API_URL: server?.url, SESSIONS_API_SUBUSER: subuser },
      });
      expect(JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}")).toEqual({
        listed: 6,
        listRequests: 3,
        terminated: "terminated",
        firstGet: "active",
        caught: "SessionNotFoundError 404 session_not_found",
      });
    },
    120_000,
  );

  test("the CommonJS project loads the CommonJS build and the ESM project the ESM build", async () => {
    const probe = `const p = require.resolve("@sessions-api/client"); const u = require.resolve("@sessions-api/client/username"); console.log(p + "\\n" + u);`;
    const cjs = await run(process.execPath, ["-e", probe], { cwd: join(root, "commonjs"), timeout: 240_000 });
    expect(cjs.stdout).toMatch(/dist\/index\.cjs\n.*dist\/username\.cjs/);
    const esm = await run(
      process.execPath,
      ["--input-type=module", "-e", `console.log(import.meta.resolve("@sessions-api/client"))`],
      { cwd: join(root, "module"), timeout: 240_000 },
    );
    expect(esm.stdout).toMatch(/dist\/index\.js$/m);
  });
});
