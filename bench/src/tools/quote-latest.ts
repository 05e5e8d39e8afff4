/**
 * Quotes bench/results/latest.md in bench/README.md, between the `<!-- latest:start -->` and
 * `<!-- latest:end -->` markers, with its headings moved two levels down. Run it after a full run;
 * the analysis below the quote is written by hand.
 *
 * @example
 * // pnpm --filter @sessions-api/bench quote-latest
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchRoot } from "../lib/servers.js";

const readmePath = join(benchRoot, "README.md");
const readme = readFileSync(readmePath, "utf8");
const latest = readFileSync(join(benchRoot, "results/latest.md"), "utf8").trim();
const start = "<!-- latest:start -->";
const end = "<!-- latest:end -->";
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from < 0 || to < from) throw new Error(`README.md needs the markers ${start} and ${end}`);
const quoted = latest.replace(/^(#{1,4}) /gm, (_, hashes: string) => `${hashes}## `);
writeFileSync(readmePath, `${readme.slice(0, from + start.length)}\n${quoted}\n${readme.slice(to)}`);
// the report's tables are not aligned, and the lint (part of `pnpm test`) refuses the README until they are
execFileSync("pnpm", ["exec", "biome", "format", "--write", "README.md"], {
  cwd: benchRoot,
  stdio: "inherit",
});
console.error("README.md now quotes results/latest.md, its tables aligned.");
