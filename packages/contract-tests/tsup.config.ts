import { readdirSync } from "node:fs";
import { defineConfig } from "tsup";

// The kit ships the suite built: the command, the library entry, and each contract file the kit runs
// against an implementation. The workspace packages (the spec document, its validator, the username
// grammar) are private, so they are bundled in; vitest, fast-check and ajv stay dependencies.
// Two files test the suite itself on targets only this repository has, and are not shipped:
// documented-responses (Prism's mock) and broken-server (a wrapped reference server).
const repositoryOnly = new Set(["documented-responses.test.ts", "broken-server.test.ts"]);
const suite = readdirSync("test").filter((file) => file.endsWith(".test.ts") && !repositoryOnly.has(file));

export default defineConfig({
  entry: {
    cli: "src/cli.ts",
    index: "src/index.ts",
    ...Object.fromEntries(suite.map((file) => [`suite/${file.replace(/\.ts$/, "")}`, `test/${file}`])),
  },
  format: ["esm"],
  target: "node20",
  platform: "node",
  // one copy of the spec model and the target context, shared by the command and every contract file
  splitting: true,
  noExternal: [/^@sessions-api\//],
  dts: { entry: { index: "src/index.ts" } },
  sourcemap: true,
  clean: true,
});
