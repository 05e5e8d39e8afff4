/**
 * Run by `pnpm version-packages` after `changeset version`: when the published client's version changed,
 * records spec/openapi.yaml as the spec of that release (spec/released/openapi.yaml), the baseline of
 * `spec:gate`. Running it again, or without a new version, changes nothing.
 *
 *   pnpm --filter @sessions-api/spec-diff record-release [--root <repository root>]
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { recordReleasedSpec, releasedPackage, releasedSpecPath } from "./released-spec.js";

try {
  const { values } = parseArgs({ options: { root: { type: "string" } } });
  const root =
    values.root === undefined
      ? join(import.meta.dirname, "..", "..", "..")
      : resolve(process.env.INIT_CWD ?? process.cwd(), values.root);
  const version = recordReleasedSpec(root);
  console.log(
    version === undefined
      ? `${releasedSpecPath} is already the spec of this ${releasedPackage} release; unchanged.`
      : `${releasedSpecPath}: recorded spec/openapi.yaml as released in ${releasedPackage}@${version}.`,
  );
} catch (error) {
  console.error(`record-release: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
