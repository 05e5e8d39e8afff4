/**
 * The suite can fail. The target's real server is wrapped so that it breaks its contract in two ways a
 * refactor could: one field of getSession gets the wrong type, and getApplicationSession drops its
 * documented 404 for 410. The cases must fail with a message naming the operation and the field (or
 * the status): on the server target directly, and on the proxy target through a second Prism proxy in
 * front of the broken wrapper. These exchanges do not count for the coverage gate.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type ContractClient, createContractClient } from "../src/contract-client.js";
import { type RunningPrism, startPrism } from "../src/prism.js";
import { ContractViolationError } from "../src/report.js";
import { useTarget } from "../src/target-context.js";
import { newSubuser, proxy } from "./support/scenario.js";
import { type ServedFetch, serveFetch } from "./support/serve-fetch.js";

const target = useTarget();

/** The real server, reached over HTTP, with two contract breaks applied to its answers. */
function breakContract(serverUrl: string) {
  return async (request: Request): Promise<Response> => {
    const { pathname: path, search } = new URL(request.url);
    const response = await fetch(new Request(`${serverUrl}${path}${search}`, request));
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    if (request.method === "GET" && /^\/v1\/[a-z]+\/sessions\/[^/]+$/.test(path) && response.status === 200) {
      const body = (await response.json()) as Record<string, unknown>;
      return new Response(JSON.stringify({ ...body, asn: String(body.asn) }), { status: 200, headers });
    }
    if (path.startsWith("/app/sessions/") && response.status === 404) {
      return new Response(await response.text(), { status: 410, headers });
    }
    return response;
  };
}

async function violationOf(call: Promise<unknown>): Promise<Error> {
  const outcome = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome, "the broken server must fail the case").toBeInstanceOf(ContractViolationError);
  return outcome as Error;
}

describe(
  `a deliberately broken server fails the suite (${target.name} target)`,
  target.requires("serverToBreak"),
  () => {
    let served: ServedFetch | undefined;
    let prism: RunningPrism | undefined;
    let client: ContractClient;

    beforeAll(async () => {
      const broken = breakContract(target.directUrl ?? target.baseUrl);
      if (target.name === "proxy") {
        served = await serveFetch(broken);
        prism = await startPrism({ mode: "proxy", upstream: served.url });
        client = createContractClient({ baseUrl: prism.url, apiKey: target.keys.full, record: false });
      } else {
        client = createContractClient({
          baseUrl: "http://broken.test",
          apiKey: target.keys.full,
          fetch: broken,
          record: false,
        });
      }
    });

    afterAll(async () => {
      await prism?.close();
      await served?.close();
    });

    test("a field of the wrong type names the operation and the field", async () => {
      const session = await proxy(client, "residential", {
        subuser: newSubuser(),
        region: "us",
        session_id: "b",
        sesstime: 30,
      });
      const error = await violationOf(
        client.call("getSession", { path: { product: "residential", id: session.id } }),
      );
      expect(error.message).toContain(`getSession: GET /v1/residential/sessions/${session.id} -> `);
      expect(error.message).toMatch(
        target.name === "proxy" ? /prism response\.body.*asn/ : /body \/asn: must be integer; actual "\d+"/,
      );
    });

    test("a dropped documented status names the operation and the status", async () => {
      const error = await violationOf(
        client.call("getApplicationSession", { path: { id: "as_00000000000000000000000000" } }),
      );
      expect(error.message).toContain(
        "getApplicationSession: GET /app/sessions/as_00000000000000000000000000 -> ",
      );
      expect(error.message).toMatch(/410/);
    });
  },
);
