/**
 * The checks of `@sessions-api/server` as published: a fresh project outside the workspace installs it
 * from the local registry with npm (its runtime dependencies from npm), and `npx sessions-api-server`
 * starts the sandbox on the embedded store with demo data, the docs and the spec, then stops on Ctrl-C.
 * Proves the package carries what the server needs at run time (the bundled spec, the migrations,
 * Scalar's docs) and points at no workspace package.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createFreshProject } from "../../src/fresh-project.js";
import type { Walkthrough } from "./walkthrough.js";

const name = "@sessions-api/server";

export function describeServerChecks(walkthrough: Walkthrough): void {
  describe(`${name}, as published`, () => {
    let project: string;
    let server: ChildProcess | undefined;

    beforeAll(async () => {
      project = await createFreshProject(walkthrough.registry, {
        dir: join(walkthrough.dir, "server"),
        type: "module",
        files: {},
        install: [name],
      });
    });
    afterAll(() => {
      if (server?.pid !== undefined) process.kill(-server.pid, "SIGTERM");
    });

    test("depends on npm packages only, and names its bin", async () => {
      const manifest = JSON.parse(
        await readFile(join(project, "node_modules", name, "package.json"), "utf8"),
      ) as { dependencies: Record<string, string>; bin: Record<string, string> };
      expect(Object.keys(manifest.dependencies).filter((dep) => dep.startsWith("@sessions-api/"))).toEqual(
        [],
      );
      expect(manifest.bin).toEqual({ "sessions-api-server": "./dist/main.js" });
    });

    test("npx sessions-api-server --port 0 serves the sandbox, its docs and its spec, and stops on Ctrl-C", async () => {
      const child = spawn("npx", ["--no-install", "sessions-api-server", "--port", "0"], {
        cwd: project,
        env: walkthrough.registry.env,
        stdio: ["ignore", "pipe", "pipe"],
        // its own process group, which Ctrl-C signals as a whole: npx, its shell and the server
        detached: true,
      });
      server = child;
      let out = "";
      let err = "";
      child.stdout?.on("data", (chunk) => {
        out += chunk;
      });
      child.stderr?.on("data", (chunk) => {
        err += chunk;
      });
      const exit = new Promise<number | NodeJS.Signals | null>((resolve) =>
        child.on("close", (code, signal) => resolve(code ?? signal)),
      );
      const listening = expect.poll(() => out.includes('"msg":"listening"'), { timeout: 240_000 }).toBe(true);
      await Promise.race([
        listening,
        exit.then((code) => {
          throw new Error(`exited with ${code} before listening:\n${out}\n${err}`);
        }),
      ]);
      const line = out.split("\n").find((text) => text.includes('"msg":"listening"'));
      const { url, data_dir } = JSON.parse(line ?? "") as { url: string; data_dir: string };
      expect(data_dir).toBe(join(project, ".data"));

      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: "ok", store: "pglite" });
      const docs = await fetch(`${url}/docs`);
      expect(docs.status).toBe(200);
      const script = /<script src="([^"]+)"><\/script>/.exec(await docs.text())?.[1];
      expect(script).toBeDefined();
      const bundle = await fetch(`${url}${script}`);
      expect(bundle.status).toBe(200);
      expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
      const spec = (await (await fetch(`${url}/openapi.json`)).json()) as { openapi: string; paths: object };
      expect(spec.openapi).toBe("3.1.0");
      expect(Object.keys(spec.paths).length).toBeGreaterThan(0);
      const demo = await fetch(`${url}/v1/residential/sessions/ses_01HX2K3PQ4M5`, {
        headers: { authorization: "Bearer sk_demo_full" },
      });
      expect(demo.status).toBe(200);

      // Ctrl-C: the server stops gracefully and says nothing on stderr; npx itself may end by the signal
      process.kill(-(child.pid ?? 0), "SIGINT");
      expect([0, "SIGINT"]).toContain(await exit);
      expect(out).toContain('"msg":"stopped"');
      expect(err).not.toMatch(/error|ERR!/i);
      server = undefined;
    });
  });
}
