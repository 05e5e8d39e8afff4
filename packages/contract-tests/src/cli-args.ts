/**
 * The command line of `sessions-api-contract`: flags in, a run request out, or a one-line error for
 * the user (exit 2). Parsing only; `cli.ts` does the running.
 *
 * @example
 * parseCliArgs(["--base-url", "https://staging.example.com", "--key", "sk_live_1"]);
 * // { kind: "run", target: "external", baseUrl: "https://staging.example.com", keys: { full: "sk_live_1" } }
 */
import { parseArgs } from "node:util";
import { ownTargetNames } from "./coverage.js";

export const usage = `Usage: sessions-api-contract --base-url URL --key KEY [options]

Runs the Sessions API contract suite against an implementation of spec/openapi.yaml and exits 0 only
when every case passed (1 when a case failed, 2 when the run could not start).

  --base-url URL            origin of the implementation, e.g. https://staging.example.com (no path)
  --key KEY                 API key of an account with both products and all of its sub-users
  --narrow-key KEY          a key of the same account limited to residential and sub-user
                            sub_01HX2K3PQ4M5 (scope cases skip without it)
  --other-account-key KEY   a key of another account (account-isolation cases skip without it)
  --junit FILE              also write the results as JUnit XML
  --markdown FILE           also write the contract report as Markdown
  --grep PATTERN            run only the cases whose name matches PATTERN (a regular expression)
  --target mock|server|proxy
                            inside the sessions-api repository only: start one of the suite's own
                            targets instead of --base-url
  -h, --help                print this help

When the target answers GET /sandbox/clock with 200 it has the sandbox operations, and the stateful
scenarios run too; otherwise they are skipped and listed with the reason.`;

export type CliRequest =
  | { kind: "help" }
  | { kind: "error"; message: string }
  | {
      kind: "run";
      target: "external";
      baseUrl: string;
      keys: { full: string; narrow?: string; other?: string };
      junitFile?: string;
      markdownFile?: string;
      grep?: string;
    }
  | {
      kind: "run";
      target: (typeof ownTargetNames)[number];
      junitFile?: string;
      markdownFile?: string;
      grep?: string;
    };

const options = {
  "base-url": { type: "string" },
  key: { type: "string" },
  "narrow-key": { type: "string" },
  "other-account-key": { type: "string" },
  junit: { type: "string" },
  markdown: { type: "string" },
  grep: { type: "string" },
  target: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const fail = (message: string): CliRequest => ({ kind: "error", message });

/**
 * Reads the command line (without `node` and the script).
 *
 * @example
 * parseCliArgs(["--base-url", "http://127.0.0.1:8080"]); // { kind: "error", message: "--key is required with --base-url" }
 */
export function parseCliArgs(argv: readonly string[]): CliRequest {
  let values: ReturnType<typeof parseArgs<{ options: typeof options }>>["values"];
  try {
    ({ values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }));
  } catch (error) {
    // node's messages span lines and suggest `--` escapes: keep the first sentence
    return fail((error as Error).message.split(/\n|\. /)[0] ?? "bad arguments");
  }
  if (values.help) return { kind: "help" };
  for (const [name, value] of Object.entries(values))
    if (typeof value === "string" && value.trim() === "") return fail(`--${name} needs a value`);
  const reports = {
    ...(values.junit === undefined ? {} : { junitFile: values.junit }),
    ...(values.markdown === undefined ? {} : { markdownFile: values.markdown }),
    ...(values.grep === undefined ? {} : { grep: values.grep }),
  };
  if (values.grep !== undefined) {
    try {
      new RegExp(values.grep);
    } catch {
      return fail(`--grep ${values.grep} is not a regular expression`);
    }
  }
  if (values.target !== undefined) {
    const target = ownTargetNames.find((name) => name === values.target);
    if (!target) return fail(`--target must be one of ${ownTargetNames.join(", ")}; got ${values.target}`);
    const external = ["base-url", "key", "narrow-key", "other-account-key"].find(
      (name) => values[name as keyof typeof values] !== undefined,
    );
    if (external) return fail(`--${external} goes with --base-url, not with --target`);
    return { kind: "run", target, ...reports };
  }
  if (values["base-url"] === undefined) return fail("--base-url is required");
  if (values.key === undefined) return fail("--key is required with --base-url");
  let url: URL;
  try {
    url = new URL(values["base-url"]);
  } catch {
    return fail(`--base-url ${values["base-url"]} is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return fail(`--base-url must be http or https; got ${url.protocol.slice(0, -1)}`);
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "")
    return fail(`--base-url must be an origin without a path (the spec's paths start at /); got ${url.href}`);
  return {
    kind: "run",
    target: "external",
    baseUrl: url.origin,
    keys: {
      full: values.key,
      ...(values["narrow-key"] === undefined ? {} : { narrow: values["narrow-key"] }),
      ...(values["other-account-key"] === undefined ? {} : { other: values["other-account-key"] }),
    },
    ...reports,
  };
}
