/**
 * Quotes bench/results/latest.md in bench/README.md, between the `<!-- latest:start -->` and
 * `<!-- latest:end -->` markers, with its headings moved two levels down. Run it after a full run;
 * the analysis below the quote is written by hand.
 *
 * @example
 * // pnpm --filter @sessions-api/bench quote-latest
 */
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
console.error(
  "README.md now quotes results/latest.md; run `biome check --write README.md` to align its tables.",
);
