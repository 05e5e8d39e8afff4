/**
 * Clients generated from spec/openapi.yaml by independent generators, pinned in this package's
 * devDependencies: each is generated into a temporary directory, typechecked strictly with tsc together
 * with an exercise that asserts the exact types of what the spec defines precisely, and the exercise
 * (list / page / get / terminate) runs against a real reference server. What a generator still gets
 * wrong on its own is asserted as it is, so this test fails when the generator changes; the spec's
 * `x-generator-notes` and this package's README say the same.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openapiDocument } from "@sessions-api/openapi/document";
import { type SessionsServer, startSessionsServer } from "@sessions-api/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type ExerciseResult,
  type ExerciseTarget,
  PAGE_SIZE,
  PRODUCT,
  SESSION_ID,
} from "../exercises/exercise-result.js";
import {
  type ClientGenerator,
  findLooseTypes,
  generateClient,
  heyApi,
  installedVersion,
  openapiTypescriptCodegen,
  openapiZodClient,
  orval,
  packageDir,
  prepareWorkspace,
  readGenerated,
  removeTsNocheck,
  swaggerTypescriptApi,
  typecheck,
} from "./client-generators.js";

/** What to expect of one generator's client, bugs of its own included. */
interface GeneratorCase {
  generator: ClientGenerator;
  version: string;
  /** How its client declares `IpAddress`, verbatim. */
  ipAddress: { file: string; text: string };
  /** Its `any` and `unknown`, as `findLooseTypes` reports them: only the known ones. */
  looseTypes: string[];
  /** The generated files that came with `// @ts-nocheck` (removed before tsc runs). */
  tsNocheck: string[];
  /** What tsc reports, with the exercise's exact-type checks: nothing, or the generator's known bug. */
  typeErrors: string[];
  /** Why the exercise cannot run, if it cannot: the error it fails with. */
  cannotRun?: RegExp;
  /** What the exercise module's `observeKnownBehaviour` reports, for a generator with known gaps. */
  knownBehaviour?: Record<string, unknown>;
}

const cases: GeneratorCase[] = [
  {
    generator: heyApi,
    version: "0.99.0",
    ipAddress: { file: "types.gen.ts", text: "export type IpAddress = string | string;" },
    looseTypes: [],
    tsNocheck: [],
    typeErrors: [],
  },
  {
    generator: openapiZodClient,
    version: "1.18.3",
    ipAddress: { file: "client.ts", text: "const IpAddress = z.union([z.string(), z.string()]);" },
    looseTypes: [],
    tsNocheck: [],
    typeErrors: [],
    knownBehaviour: {
      acceptsStateBreakingItsPattern: true,
      acceptsUndefinedField: true,
      keepsUndefinedField: true,
    },
  },
  {
    generator: swaggerTypescriptApi,
    version: "13.13.0",
    ipAddress: { file: "data-contracts.ts", text: "export type IpAddress = string;" },
    looseTypes: ["data-contracts.ts: [key: string]: any;"],
    tsNocheck: [
      "App.ts",
      "Healthz.ts",
      "Readyz.ts",
      "Sandbox.ts",
      "V1.ts",
      "data-contracts.ts",
      "http-client.ts",
    ],
    typeErrors: [],
    knownBehaviour: { getSessionData: null, getSessionBodyId: SESSION_ID },
  },
  {
    generator: orval,
    version: "8.38.0",
    ipAddress: { file: "sessions.schemas.ts", text: "export type IpAddress = string;" },
    looseTypes: ["sessions.schemas.ts: [key: string]: unknown;"],
    tsNocheck: [],
    typeErrors: [],
  },
  {
    generator: openapiTypescriptCodegen,
    version: "0.31.0",
    ipAddress: { file: "models/IpAddress.ts", text: "export type IpAddress = string;" },
    looseTypes: [],
    tsNocheck: [],
    // it names query parameters in camelCase: before_id and its alias beforeId become one identifier
    typeErrors: [
      "client/services/ApplicationSessionsService.ts(34,9): error TS2300: Duplicate identifier 'beforeId'.",
      "client/services/ApplicationSessionsService.ts(35,9): error TS2300: Duplicate identifier 'beforeId'.",
    ],
    cannotRun: /Identifier `beforeId` has already been declared/,
  },
];

/** What generating and compiling one client gave. */
interface Generated {
  workDir: string;
  failure?: unknown;
  tsNocheck: string[];
  typeErrors: string[];
}

const KEY = "sk_demo_full";
let server: SessionsServer;
let removeWorkspace: () => Promise<void> = async () => {};
const generated = new Map<string, Generated>();
/** Every residential session, paged by plain fetch as the exercises page, and the session they read. */
let reference: { listed: string[]; pages: number; exitIp: string; samples: number };

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${KEY}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function pageByFetch(): Promise<{ listed: string[]; pages: number }> {
  const listed: string[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const query: string = `status=all&limit=${PAGE_SIZE}${cursor === null ? "" : `&cursor=${cursor}`}`;
    const page = await getJson<{ data: { id: string }[]; next_cursor: string | null }>(
      `/v1/${PRODUCT}/sessions?${query}`,
    );
    pages++;
    listed.push(...page.data.map((session) => session.id));
    cursor = page.next_cursor;
  } while (cursor !== null);
  return { listed, pages };
}

// two at a time: this machine has two cores, and each generator and tsc keeps one busy
async function forEachInPairs<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all([worker(), worker()]);
}

beforeAll(async () => {
  const workspace = await prepareWorkspace();
  removeWorkspace = workspace.remove;
  await forEachInPairs(cases, async ({ generator }) => {
    const workDir = join(workspace.dir, generator.name);
    try {
      await generateClient(generator, workDir);
      const tsNocheck = await removeTsNocheck(join(workDir, "client"));
      generated.set(generator.name, { workDir, tsNocheck, typeErrors: await typecheck(workDir) });
    } catch (failure) {
      generated.set(generator.name, { workDir, failure, tsNocheck: [], typeErrors: [] });
    }
  });
  // a clock that stands still: no seeded session expires while the clients page
  const start = Date.now();
  server = await startSessionsServer({ port: 0, seedDemoData: true, now: () => start });
  const detail = await getJson<{ exit_ip: string; samples: unknown[] }>(
    `/v1/${PRODUCT}/sessions/${SESSION_ID}`,
  );
  reference = { ...(await pageByFetch()), exitIp: detail.exit_ip, samples: detail.samples.length };
});

afterAll(async () => {
  await server?.close();
  await removeWorkspace();
});

function generatedBy(generator: ClientGenerator): Generated {
  const result = generated.get(generator.name);
  if (result === undefined) throw new Error(`${generator.name} was not generated`);
  if (result.failure !== undefined) throw result.failure;
  return result;
}

const notedGenerators = () =>
  ((openapiDocument["x-generator-notes"] ?? []) as { generator: string }[]).map((note) => note.generator);

interface ExerciseModule {
  exercise(target: ExerciseTarget): Promise<ExerciseResult>;
  observeKnownBehaviour?(target: ExerciseTarget): Promise<Record<string, unknown>>;
}

const loadExercise = (workDir: string) =>
  import(pathToFileURL(join(workDir, "exercise.ts")).href) as Promise<ExerciseModule>;

describe.each(cases)("a client generated by $generator.packageName", (expected) => {
  const { generator } = expected;

  test(`is generated by the pinned ${expected.version}, installed by pnpm install`, async () => {
    const manifest = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8")) as {
      devDependencies: Record<string, string>;
    };
    expect(manifest.devDependencies[generator.packageName]).toBe(expected.version);
    expect(await installedVersion(generator.packageName)).toBe(expected.version);
    generatedBy(generator);
  });

  test("declares IpAddress as a string", async () => {
    const { workDir } = generatedBy(generator);
    expect(await readGenerated(workDir, expected.ipAddress.file)).toContain(expected.ipAddress.text);
  });

  test("types nothing as any or unknown but what it is known to", async () => {
    const { workDir } = generatedBy(generator);
    expect(await findLooseTypes(generator, join(workDir, "client"))).toEqual(expected.looseTypes);
  });

  test("compiles strictly with tsc, with the exact types the exercise asserts", () => {
    const { tsNocheck, typeErrors } = generatedBy(generator);
    expect(tsNocheck).toEqual(expected.tsNocheck);
    expect(typeErrors).toEqual(expected.typeErrors);
  });

  if (expected.cannotRun !== undefined) {
    test("cannot run: its module does not load", async () => {
      await expect(loadExercise(generatedBy(generator).workDir)).rejects.toThrow(expected.cannotRun);
    });
    return;
  }

  test("lists every page, gets and terminates a session on the reference server", async () => {
    const { exercise } = await loadExercise(generatedBy(generator).workDir);
    expect(await exercise({ url: server.url, key: KEY })).toEqual({
      listed: reference.listed,
      pages: reference.pages,
      got: { id: SESSION_ID, exitIp: reference.exitIp, samples: reference.samples },
      terminated: { id: SESSION_ID, status: "terminated", terminatedAt: expect.any(String) },
      again: { status: "terminated" },
    });
    expect(reference.pages).toBeGreaterThan(1);
  });

  const { knownBehaviour } = expected;
  if (knownBehaviour !== undefined) {
    test("still shows its known bugs when it runs", async () => {
      const { observeKnownBehaviour } = await loadExercise(generatedBy(generator).workDir);
      expect(await observeKnownBehaviour?.({ url: server.url, key: KEY })).toEqual(knownBehaviour);
    });
  }

  test(`has a note in the spec's x-generator-notes if, and only if, it has known bugs`, () => {
    const knownBugs =
      expected.looseTypes.length > 0 ||
      expected.tsNocheck.length > 0 ||
      expected.typeErrors.length > 0 ||
      expected.cannotRun !== undefined ||
      expected.knownBehaviour !== undefined;
    expect(notedGenerators().includes(`${generator.packageName}@${expected.version}`)).toBe(knownBugs);
  });
});

describe("the spec's x-generator-notes", () => {
  test("name only generators this test runs, at the versions it runs", () => {
    const tested = cases.map(({ generator, version }) => `${generator.packageName}@${version}`);
    for (const noted of notedGenerators()) expect(tested).toContain(noted);
  });
});
