/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, or `BENCH_CPU_PROF=dir pnpm bench`): self time by
 * function and by package, the first thing to read when a target is missed.
 *
 * @example
 * // pnpm --filter @sessions-api/bench profile-summary .cache/prof/CPU.20260101.cpuprofile
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function packageOf(url: string): string {
  const pnpm = /node_modules\/\.pnpm\/([^/]+)\//.exec(url);
  if (pnpm?.[1]) return pnpm[1].replace(/@[^@]+$/, "").replace("+", "/");
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules?.[1]) return modules[1];
  if (url.startsWith("node:") || url === "") return url === "" ? "(native/gc/idle)" : "node";
  const workspace = /\/(apps|packages)\/([^/]+)\//.exec(url);
  return workspace ? `${workspace[1]}/${workspace[2]}` : url.replace(/^file:\/\//, "");
}

/**
 * The top self-time entries of a profile, by function and by package, as text.
 *
 * @example
 * console.log(summarizeProfile(JSON.parse(readFileSync(path, "utf8")), 25));
 */
export function summarizeProfile(profile: CpuProfile, top: number): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) continue;
    const name = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    const pkg = packageOf(frame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const list = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${name}`)
      .join("\n");
  return `total ${(total / 1e6).toFixed(2)} s sampled\n\nself time by package:\n${list(byPackage)}\n\nself time by function:\n${list(byFunction)}\n`;
}

const path = process.argv[2];
if (path === undefined) {
  console.error("usage: profile-summary FILE.cpuprofile [TOP]");
  process.exit(2);
}
process.stdout.write(
  summarizeProfile(JSON.parse(readFileSync(path, "utf8")) as CpuProfile, Number(process.argv[3] ?? 25)),
);
