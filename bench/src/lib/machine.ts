/**
 * A description of the machine a run happened on, written beside its results: figures from two machines
 * are not comparable, ratios from one interleaved run are.
 *
 * @example
 * const machine = describeMachine(); // { cpu: "AMD EPYC", cores: 2, memory_gib: 23.5, node: "v20.20.2", ... }
 */
import { execFileSync } from "node:child_process";
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
