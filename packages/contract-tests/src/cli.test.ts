/**
 * The kit as a team outside this repository uses it: packed, installed with npm into an empty project,
 * and run against the reference server started from its own command line, against the same server
 * broken on purpose, and against it without its sandbox operations.
 */
import { readdir, readFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type InstalledKit,
  installKit,
  type ReferenceServer,
  runKit,
  startReferenceServer,
} from "../test/support/kit.js";
import { breakRules, ruleBreaks } from "../test/support/rule-breaks.js";
import { type ServedFetch, serveFetch } from "../test/support/serve-fetch.js";

let kit: InstalledKit;
let server: ReferenceServer;
const served: ServedFetch[] = [];

beforeAll(async () => {
  [kit, server] = await Promise.all([installKit(), startReferenceServer()]);
});

afterAll(async () => {
  for (const wrapper of served) await wrapper.close();
  await server?.close();
  await kit?.remove();
});

/** The reference server behind `change`, which may answer a request itself or rewrite the answer. */
async function wrapServer(
  change: (request: Request, forward: () => Promise<Response>) => Promise<Response>,
): Promise<string> {
  const wrapper = await serveFetch((request) => {
    const { pathname, search } = new URL(request.url);
    return change(request, () => fetch(new Request(`${server.url}${pathname}${search}`, request)));
  });
  served.push(wrapper);
  return wrapper.url;
}

const keys = [
  "--key",
  "sk_demo_full",
  "--narrow-key",
  "sk_demo_narrow",
  "--other-account-key",
  "sk_demo_other",
];

describe("sessions-api-contract, installed from the packed tarball", () => {
  test("ships dist, README and package.json, and its code imports only its dependencies and node", async () => {
    const installed = join(kit.dir, "node_modules", "@sessions-api", "contract-tests");
    expect((await readdir(installed)).sort()).toEqual(["README.md", "dist", "package.json"]);
    const manifest = JSON.parse(await readFile(join(installed, "package.json"), "utf8"));
    const allowed = new Set([...Object.keys(manifest.dependencies), ...builtinModules]);
    const files = (await readdir(join(installed, "dist"), { recursive: true })).filter((f) =>
      f.endsWith(".js"),
    );
    expect(files).toContain("cli.js");
    for (const file of files) {
      const code = await readFile(join(installed, "dist", file), "utf8");
      const specifiers = [
        ...code.matchAll(/^(?:import|export)\b[^;]*?from\s*"([^"]+)"|import\("([^"]+)"\)/gm),
      ].map((match) => match[1] ?? match[2] ?? "");
      for (const specifier of specifiers) {
        if (specifier.startsWith("./") || specifier.startsWith("../")) continue;
        const name = specifier.startsWith("@")
          ? specifier.split("/").slice(0, 2).join("/")
          : specifier.split("/")[0];
        expect(allowed.has(name ?? "") || specifier.startsWith("node:"), `${file} imports ${specifier}`).toBe(
          true,
        );
      }
    }
  });

  test("passes against the reference server, with JUnit and Markdown reports", async () => {
    const run = await runKit(kit, [
      "--base-url",
      server.url,
      ...keys,
      "--junit",
      "reports/contract.xml",
      "--markdown",
      "reports/contract.md",
    ]);
    expect(run.output).toContain("Sandbox operations: present (GET /sandbox/clock answered 200)");
    expect(run.output).toContain("Contract report (external): every case passed.");
    expect(run.output, run.output.slice(-3000)).toMatch(
      /sessions-api-contract: PASSED on http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(run.code).toBe(0);
    const junit = await readFile(join(kit.dir, "reports", "contract.xml"), "utf8");
    expect(junit).toMatch(
      /<testsuites name="sessions-api contract \(external\)" tests="\d+" failures="0" errors="0"/,
    );
    const markdown = await readFile(join(kit.dir, "reports", "contract.md"), "utf8");
    expect(markdown).toContain("# Sessions API contract report: external");
    expect(markdown).toContain("- Result: **passed**");
  });

  test("fails against a server that breaks the contract, naming the operation and the case", async () => {
    // getSession's asn becomes a string, the break broken-server.test.ts makes in process
    const url = await wrapServer(async (request, forward) => {
      const response = await forward();
      if (!/^\/v1\/[a-z]+\/sessions\/[^/]+$/.test(new URL(request.url).pathname) || request.method !== "GET")
        return response;
      if (response.status !== 200) return response;
      const body = (await response.json()) as Record<string, unknown>;
      const headers = new Headers(response.headers);
      headers.delete("content-length");
      return new Response(JSON.stringify({ ...body, asn: String(body.asn) }), { status: 200, headers });
    });
    const run = await runKit(kit, ["--base-url", url, ...keys, "--markdown", "broken.md"]);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/Contract report \(external\): \d+ failed case\(s\)\./);
    // the operation, the request, the case it happened in, and what is wrong
    expect(run.output).toMatch(
      /\ngetSession\n {2}GET \/v1\/(residential|mobile)\/sessions\/ses_\w+ -> 200\n {4}in dist\/suite\/[a-z-]+\.test\.js > [^\n]+\n {4}- body \/asn: must be integer; actual "\d+"/,
    );
    expect(run.output).toMatch(
      /sessions-api-contract: FAILED on http:\/\/127\.0\.0\.1:\d+: \d+ passed, [1-9]\d* failed/,
    );
    const markdown = await readFile(join(kit.dir, "broken.md"), "utf8");
    expect(markdown).toContain("- Result: **FAILED**");
    expect(markdown).toContain("body /asn: must be integer");
  });

  test("fails each case that pins a rule, against a server that breaks that rule", async () => {
    const breaks = Object.values(ruleBreaks);
    const wrapper = await serveFetch(breakRules(server.url, breaks));
    served.push(wrapper);
    const grep = breaks.map((broken) => `(${broken.caseName})`).join("|");
    const run = await runKit(kit, [
      "--base-url",
      wrapper.url,
      ...keys,
      "--grep",
      grep,
      "--junit",
      "breaks.xml",
    ]);
    expect(run.code).toBe(1);
    const junit = await readFile(join(kit.dir, "breaks.xml"), "utf8");
    const ran = [...junit.matchAll(/<testcase classname="[^"]*" name="([^"]*)"[^>]*>([\s\S]*?)<\/testcase>/g)]
      .filter(([, , body]) => !body?.includes("<skipped"))
      .map(([, name, body]) => ({
        name: unescapeXml(name ?? ""),
        failed: body?.includes("<failure") ?? false,
      }));
    // every case the breaks aim at ran and failed, each break was caught by its case
    expect(ran.filter((test) => !test.failed).map((test) => test.name)).toEqual([]);
    for (const broken of breaks) {
      expect(
        ran.some((test) => new RegExp(broken.caseName).test(test.name)),
        `${broken.rule}: no case caught it`,
      ).toBe(true);
    }
  });

  test("without the sandbox operations, runs the rest and lists what it skipped and why", async () => {
    // a production-like deployment: the sandbox's paths do not exist
    const url = await wrapServer(async (request, forward) =>
      new URL(request.url).pathname.startsWith("/sandbox/")
        ? Response.json(
            { error: { code: "not_found", message: "No such path.", request_id: "req_kit" } },
            { status: 404, headers: { "x-request-id": "req_kit" } },
          )
        : forward(),
    );
    const run = await runKit(kit, ["--base-url", url, "--key", "sk_demo_full"]);
    expect(run.output).toContain("Sandbox operations: absent (GET /sandbox/clock did not answer 200)");
    expect(run.output).toContain("Contract report (external): every case passed.");
    const because = (reason: string) => `Because the group ${reason}:`;
    expect(run.output).toContain(
      because(
        "seeds its data through the sandbox operations, which this target does not have (GET /sandbox/clock did not answer 200)",
      ),
    );
    expect(run.output).toContain(
      because(
        "sends its requests to the sandbox operations, which this target does not have (GET /sandbox/clock did not answer 200)",
      ),
    );
    for (const group of ["listing sticky sessions", "application sessions", "the test clock"])
      expect(run.output).toContain(` > ${group} (`);
    expect(run.output).not.toContain("Without a reason");
    // what needs no seeding ran: the generated negative cases and the conventions of the production paths
    const counts = /PASSED on http:\/\/127\.0\.0\.1:\d+: (\d+) passed, 0 failed, (\d+) skipped/.exec(
      run.output,
    );
    expect(Number(counts?.[1])).toBeGreaterThan(100);
    expect(Number(counts?.[2])).toBeGreaterThan(0);
    expect(run.code).toBe(0);
  });

  test.each([
    [
      ["--base-url", "http://127.0.0.1:1"],
      "sessions-api-contract: --key is required with --base-url (see sessions-api-contract --help)",
    ],
    [
      ["--bse-url", "http://127.0.0.1:1"],
      "sessions-api-contract: Unknown option '--bse-url' (see sessions-api-contract --help)",
    ],
  ])("%j is a one-line error and exit 2", async (args, message) => {
    const run = await runKit(kit, args);
    expect(run.output.trim()).toBe(message);
    expect(run.code).toBe(2);
  });

  test("a target that does not answer is a one-line error and exit 2", async () => {
    const run = await runKit(kit, ["--base-url", "http://127.0.0.1:1", "--key", "sk_demo_full"]);
    expect(run.output.trim()).toMatch(
      /^sessions-api-contract: cannot reach http:\/\/127\.0\.0\.1:1\/v1\/residential\/sessions\?limit=1: [^\n]+$/,
    );
    expect(run.code).toBe(2);
  });

  test("a key the target refuses is a one-line error and exit 2", async () => {
    const run = await runKit(kit, ["--base-url", server.url, "--key", "sk_not_a_key"]);
    expect(run.output.trim()).toBe(
      "sessions-api-contract: the target refuses --key: GET /v1/residential/sessions answered 401 with it",
    );
    expect(run.code).toBe(2);
  });

  test("--help prints the usage and exits 0", async () => {
    const run = await runKit(kit, ["--help"]);
    expect(run.output).toContain("Usage: sessions-api-contract --base-url URL --key KEY [options]");
    expect(run.code).toBe(0);
  });
});

function unescapeXml(text: string): string {
  return text
    .replaceAll("&gt;", ">")
    .replaceAll("&lt;", "<")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");
}
