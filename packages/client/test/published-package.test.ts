import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { packageDir, packClient, run } from "./pack.js";

// The size budget of the client's own code (both entry points, minified and gzipped); openapi-fetch,
// its one dependency, is left out. Raise it only on purpose: it went from 5 to 6 KiB for the fast path
// over the global fetch (SessionsRequest and the cached path serializer, ~400 B for ~10% per call).
const SIZE_BUDGET_BYTES = 6 * 1024;

let tarball = "";
let packDir = "";

beforeAll(async () => {
  ({ tarball, dir: packDir } = await packClient());
  await run("tar", ["xzf", tarball], { cwd: packDir });
});

afterAll(async () => {
  if (packDir) await rm(packDir, { recursive: true, force: true });
});

describe("the published package", () => {
  test("holds dist, the node10 username shim, the README and package.json, nothing else", async () => {
    const { stdout } = await run("tar", ["tzf", tarball]);
    const top = new Set(
      stdout
        .split("\n")
        .filter(Boolean)
        .map((path) => path.split("/").slice(1, 2).join("/")),
    );
    expect([...top].sort()).toEqual(["README.md", "dist", "package.json", "username"]);
  });

  test("points its exports at dist and depends on openapi-fetch alone", async () => {
    const manifest = JSON.parse(await readFile(join(packDir, "package", "package.json"), "utf8"));
    expect(Object.keys(manifest.dependencies)).toEqual(["openapi-fetch"]);
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.exports["."]).toEqual({
      import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
      require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
    });
    expect(Object.keys(manifest.exports)).toEqual([".", "./username", "./package.json"]);
    expect(JSON.stringify(manifest.exports)).not.toContain("src/");
  });

  test("inlines the private workspace packages: no import of @sessions-api in dist", async () => {
    const dist = join(packDir, "package", "dist");
    const { stdout } = await run("ls", [dist]);
    for (const file of stdout.split("\n").filter((name) => /\.(c?js|d\.c?ts)$/.test(name))) {
      const text = await readFile(join(dist, file), "utf8");
      // anchored at the line start, so the JSDoc examples (` * import ...`) do not count
      expect(text, file).not.toMatch(
        /^(import|export)\b[^\n]*from ['"]@sessions-api\/|require\(['"]@sessions-api\//m,
      );
    }
  });

  test("publint finds nothing to report", async () => {
    const { stdout } = await run(
      join(packageDir, "node_modules", ".bin", "publint"),
      ["run", tarball, "--strict"],
      {
        timeout: 240_000,
      },
    );
    expect(stdout).toContain("All good!");
  });

  test("attw finds no problem in any entry point under any module resolution", async () => {
    const result = await run(
      join(packageDir, "node_modules", ".bin", "attw"),
      [tarball, "--format", "json"],
      {
        timeout: 240_000,
      },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
    const report = JSON.parse(result.stdout);
    // attw groups problems by kind; an empty report is an empty object and an empty list
    expect(report.problems).toEqual({});
    expect(report.analysis.problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual([".", "./package.json", "./username"]);
  });

  test(`the client's own code fits the size budget of ${SIZE_BUDGET_BYTES} bytes min+gzip`, async () => {
    const dist = join(packDir, "package", "dist");
    const result = await build({
      stdin: { contents: 'export * from "./index.js";\nexport * from "./username.js";', resolveDir: dist },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "neutral",
      external: ["openapi-fetch"],
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    const gzipped = gzipSync(code, { level: 9 }).length;
    console.log(
      `@sessions-api/client: ${code.length} B minified, ${gzipped} B min+gzip (budget ${SIZE_BUDGET_BYTES} B)`,
    );
    expect(gzipped).toBeGreaterThan(0);
    expect(gzipped).toBeLessThanOrEqual(SIZE_BUDGET_BYTES);
  });
});
