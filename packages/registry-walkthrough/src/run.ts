/**
 * Runs a command to its end and resolves to its output, or rejects with the command, its exit and its
 * output. Asynchronous on purpose: the local registry serves from this process, so a synchronous child
 * that talks to it would wait forever.
 *
 * @example
 * const { stdout } = await run("npm", ["view", "@sessions-api/client", "version"], { cwd, env: registry.env });
 */
import { execFile } from "node:child_process";

/** How long one command may run before it counts as hung: a hang guard, not a speed target. */
export const commandHangGuardMs = 240_000;

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv | undefined;
}

export function run(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: commandHangGuardMs,
        killSignal: "SIGKILL",
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          const code = (error as { code?: unknown }).code;
          const summary = `${command} ${args.join(" ")} (in ${options.cwd}) failed: ${String(code ?? error.message)}`;
          reject(new Error(`${summary}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`, { cause: error }));
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
  });
}
