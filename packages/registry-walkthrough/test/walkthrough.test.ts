/**
 * The release walk-through: `pnpm release` (turbo build, then `changeset publish`) run as a maintainer
 * runs it, but pointed at a local registry started here (Verdaccio on loopback, a dummy token in a
 * temporary `.npmrc`); then every public package is checked as its users get it from that registry, by
 * its own checks (`checks/index.ts`). Needs the network for the published packages' own dependencies,
 * which the local registry proxies from npm.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkUpstream, localScope, startLocalRegistry } from "../src/local-registry.js";
import { run } from "../src/run.js";
import { readWorkspacePackages, releaseTo } from "../src/workspace.js";
import { packageChecks } from "./checks/index.js";
import type { Walkthrough } from "./checks/walkthrough.js";

const workspace = await readWorkspacePackages();
const published = workspace.filter((pkg) => !pkg.private);
// filled in before any test runs
const walkthrough = { published } as Walkthrough;
let releaseOutput = "";

beforeAll(async () => {
  walkthrough.dir = await mkdtemp(join(tmpdir(), "sessions-api-walkthrough-"));
  walkthrough.registry = await startLocalRegistry({ dir: join(walkthrough.dir, "registry") });
  releaseOutput = await releaseTo(walkthrough.registry);
  // the published packages' own dependencies come through the registry's uplink
  for (const pkg of published) {
    const { body } = await packument(pkg.name);
    const manifest = (body.versions as Record<string, { dependencies?: Record<string, string> }>)[
      pkg.version
    ];
    for (const dependency of Object.keys(manifest?.dependencies ?? {})) {
      if (!dependency.startsWith(`${localScope}/`)) await checkUpstream(walkthrough.registry, dependency);
    }
  }
});

afterAll(async () => {
  await walkthrough.registry?.close();
  if (walkthrough.dir) await rm(walkthrough.dir, { recursive: true, force: true });
});

async function packument(name: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${walkthrough.registry.url}${name.replace("/", "%2f")}`);
  return {
    status: response.status,
    body: response.ok ? ((await response.json()) as Record<string, unknown>) : {},
  };
}

describe("pnpm release, pointed at a local registry", () => {
  test("publishes every public package of the workspace at its version, and no private one", async () => {
    expect(published.length, "no public package in the workspace").toBeGreaterThan(0);
    for (const pkg of workspace) {
      const { status, body } = await packument(pkg.name);
      if (pkg.private) {
        expect(status, `${pkg.name} is private`).toBe(404);
      } else {
        expect(Object.keys(body.versions ?? {}), `${pkg.name}\n${releaseOutput}`).toEqual([pkg.version]);
      }
    }
  });

  test.each(published)(
    "$name: the published manifest points at nothing in the workspace",
    async ({ name, version }) => {
      const { body } = await packument(name);
      const manifest = (body.versions as Record<string, Record<string, unknown>>)[version] ?? {};
      // pnpm rewrites workspace: and catalog: ranges when it publishes; nothing may point at a path either
      const pointers = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];
      for (const field of [...pointers, "exports", "imports", "main", "module", "types", "bin"]) {
        expect(JSON.stringify(manifest[field] ?? null), `${name} ${field}`).not.toMatch(
          /"(workspace|catalog|link|file|portal):|\.\.\/|\/src\//,
        );
      }
      const publishedNames = new Set(published.map((pkg) => pkg.name));
      for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
        for (const dependency of Object.keys((manifest[field] as Record<string, string>) ?? {})) {
          // a private workspace package is bundled, never a dependency: its users could not install it
          if (dependency.startsWith(`${localScope}/`)) {
            expect(publishedNames.has(dependency), `${name} ${field}: ${dependency}`).toBe(true);
          }
        }
      }
    },
  );

  test(`serves the ${localScope} scope only from what was published, never from npm`, async () => {
    const lookup = run("npm", ["view", `${localScope}/not-published-anywhere`, "version"], {
      cwd: walkthrough.dir,
      env: walkthrough.registry.env,
    });
    await expect(lookup).rejects.toThrow(/E404/);
  });

  test("every public package has checks of its own, as its users get it", () => {
    expect(published.map((pkg) => pkg.name).sort()).toEqual(Object.keys(packageChecks).sort());
  });
});

for (const pkg of published) packageChecks[pkg.name]?.(walkthrough);
