/**
 * A description of the machine a run happened on, written beside its results: figures from two machines
 * are not comparable, ratios from one interleaved run are.
 *
 * @example
 * const machine = describeMachine(); // { cpu: "AMD EPYC", cores: 2, memory_gib: 23.5, node: "v20.20.2", ... }
 */
import { execFile, execFileSync } from "node:child_process";
import { arch, cpus, loadavg, platform, release, totalmem } from "node:os";

export interface MachineDescription {
  cpu: string;
  cores: number;
  memory_gib: number;
  node: string;
  os: string;
  date: string;
  commit: string | null;
  /** 1, 5 and 15 minute load averages at the start: a busy machine slows every figure. */
  load_average: number[];
}

/**
 * The machine's CPU model, core count, memory, Node version, OS, the date and the git commit measured.
 *
 * @example
 * console.log(describeMachine().cpu);
 */
export function describeMachine(): MachineDescription {
  let commit: string | null = null;
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    commit = null;
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    memory_gib: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
    date: new Date().toISOString(),
    commit,
    load_average: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

/** How often, and for how long, the machine took the core from a thread that never yields it. */
export interface StallSummary {
  seconds: number;
  /** Gaps over 1 ms in the thread's progress. */
  over_1ms: number;
  /** Gaps over 5 ms: each would lift one request of the store leg by as much. */
  over_5ms: number;
  worst_ms: number;
  /** The time lost to gaps over 1 ms, as a share of the run. */
  lost_percent: number;
}

/**
 * Summarises the gaps a busy thread saw in its own progress.
 *
 * @example
 * summarizeStalls([1.5, 9.1], 10); // { seconds: 10, over_1ms: 2, over_5ms: 1, worst_ms: 9.1, lost_percent: 0.11 }
 */
export function summarizeStalls(gapsMs: readonly number[], seconds: number): StallSummary {
  const over1 = gapsMs.filter((gap) => gap > 1);
  const lost = over1.reduce((sum, gap) => sum + gap, 0);
  return {
    seconds,
    over_1ms: over1.length,
    over_5ms: gapsMs.filter((gap) => gap > 5).length,
    worst_ms: Math.round(Math.max(0, ...gapsMs) * 10) / 10,
    lost_percent: Math.round((lost / (seconds * 1000)) * 10_000) / 100,
  };
}

// a child that spins for the given seconds and prints every gap over 1 ms in its clock's progress
const spinner = `
const end = performance.now() + Number(process.argv[1]) * 1000;
const gaps = [];
for (let last = performance.now(), now = last; now < end; last = now) {
  now = performance.now();
  if (now - last > 1) gaps.push(now - last);
}
process.stdout.write(JSON.stringify(gaps));
`;

/**
 * Spins one thread for `seconds` in a child process, with nothing else of the benchmark running, and
 * reports the gaps in its progress: time the core was given to something else (another process, or the
 * host of a virtual machine). A request's latency includes such a gap whenever one falls inside it, so
 * these bound what a p99 of one-at-a-time requests can be on this machine.
 *
 * @example
 * const stalls = await measureStalls(3); // { seconds: 3, over_1ms: 4, over_5ms: 1, worst_ms: 8.7, ... }
 */
export function measureStalls(seconds: number): Promise<StallSummary> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["-e", spinner, String(seconds)],
      { timeout: (seconds + 30) * 1000 },
      (error, stdout) => {
        if (error) reject(error);
        else resolve(summarizeStalls(JSON.parse(stdout) as number[], seconds));
      },
    );
  });
}
