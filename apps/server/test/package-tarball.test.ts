// The package as a registry would serve it: `pnpm pack`, then `npm install <tarball>` into an empty
// directory (the runtime dependencies come from the npm registry), then `npx sessions-api-server`. Proves
// the tarball carries what the server needs at run time (the bundled spec, the migrations, Scalar's
// docs) and points at no workspace package.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

describe("the packed @sessions-api/server", () => {
  const work = mkdtempSync(join(tmpdir(), "sessions-api-tarball-"));
  const project = join(work, "project");
  let tarball: string;
  let server: ChildProcess | undefined;

  beforeAll(() => {
    // pack builds nothing: the tarball is what dist holds now
    execFileSync("pnpm", ["build"], { cwd: packageDir, stdio: "ignore" });
    execFileSync("pnpm", ["pack", "--pack-destination", work], { cwd: packageDir, stdio: "ignore" });
    const file = readdirSync(work).find((name) => name.endsWith(".tgz"));
    if (file === undefined) throw new Error(`pnpm pack wrote no tarball into ${work}`);
    tarball = join(work, file);
    execFileSync("mkdir", [project]);
    writeFileSync(join(project, "package.json"), '{ "private": true }\n');
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", tarball], {
      cwd: project,
      stdio: "ignore",
    });
  });
  afterAll(() => {
    if (server?.pid !== undefined) process.kill(-server.pid, "SIGTERM");
    rmSync(work, { recursive: true, force: true });
  });

  test("names only npm packages, no workspace ones", () => {
    const manifest = JSON.parse(
      readFileSync(join(project, "node_modules/@sessions-api/server/package.json"), "utf8"),
    ) as { dependencies: Record<string, string>; bin: Record<string, string> };
    expect(Object.keys(manifest.dependencies).filter((name) => name.startsWith("@sessions-api/"))).toEqual(
      [],
    );
    expect(Object.values(manifest.dependencies).filter((range) => range.startsWith("workspace:"))).toEqual(
      [],
    );
    expect(manifest.bin).toEqual({ "sessions-api-server": "./dist/main.js" });
  });

  test("npx sessions-api-server --port 0 answers /healthz, /docs and /openapi.json", async () => {
    const child = spawn("npx", ["--no-install", "sessions-api-server", "--port", "0"], {
      cwd: project,
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
    const line = out.split("\n").find((l) => l.includes('"msg":"listening"'));
    const { url, data_dir } = JSON.parse(line ?? "") as { url: string; data_dir: string };
    expect(data_dir).toBe(join(project, ".data"));

    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: "ok", store: "pglite" });
    const docs = await fetch(`${url}/docs`);
    expect(docs.status).toBe(200);
    const page = await docs.text();
    const script = /<script src="([^"]+)"><\/script>/.exec(page)?.[1];
    expect(script).toBeDefined();
    const bundle = await fetch(`${url}${script}`);
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    const spec = (await (await fetch(`${url}/openapi.json`)).json()) as { openapi: string; paths: object };
    expect(spec.openapi).toBe("3.1.0");
    expect(Object.keys(spec.paths).length).toBeGreaterThan(0);
    const sessions = await fetch(`${url}/v1/residential/sessions/ses_01HX2K3PQ4M5`, {
      headers: { authorization: "Bearer sk_demo_full" },
    });
    expect(sessions.status).toBe(200);

    // Ctrl-C: the server stops gracefully and says nothing on stderr; npm itself then ends by the signal
    process.kill(-(child.pid ?? 0), "SIGINT");
    expect([0, "SIGINT"]).toContain(await exit);
    expect(out).toContain('"msg":"stopped"');
    expect(err).not.toMatch(/error|ERR!/i);
    server = undefined;
  });
});
