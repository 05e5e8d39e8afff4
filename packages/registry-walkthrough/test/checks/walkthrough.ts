/**
 * What every package's checks share: the local registry the workspace was released to, a temporary
 * directory for fresh projects, and the packages that were published. Filled in by the walk-through's
 * `beforeAll`, before any package's checks run.
 *
 * @example
 * test("installs", async () => createFreshProject(walkthrough.registry, { dir: join(walkthrough.dir, "x"), ... }));
 */
import type { LocalRegistry } from "../../src/local-registry.js";
import type { WorkspacePackage } from "../../src/workspace.js";

export interface Walkthrough {
  registry: LocalRegistry;
  /** A temporary directory outside the workspace, removed afterwards. */
  dir: string;
  published: WorkspacePackage[];
}
