import { openapiDocument } from "@sessions-api/openapi/document";
import { describe, expect, test } from "vitest";
import { documentedPairs, evaluateGate, formatMatrix, type Unproducible, unproducible } from "./coverage.js";
import { loadSpecModel } from "./spec-model.js";

const model = loadSpecModel();
const everything = documentedPairs(model).map(({ subject, status }) => ({ subject, status }));

function withExtraOperation() {
  const document = structuredClone(openapiDocument);
  document.paths["/v1/residential/quotas"] = {
    get: {
      operationId: "getQuota",
      responses: {
        "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } },
        "401": { $ref: "#/components/responses/GatewayUnauthorized" },
      },
    },
  };
  return loadSpecModel(document);
}

describe("documentedPairs", () => {
  test("lists every response of every operation, and the conventions of every path", () => {
    const pairs = documentedPairs(model);
    expect(pairs).toContainEqual({ subject: "getSession", status: "404", kind: "operation" });
    expect(pairs).toContainEqual({ subject: "deleteApplicationSession", status: "204", kind: "operation" });
    expect(pairs).toContainEqual({
      subject: "unsupported method on /app/sessions",
      status: "405",
      kind: "convention",
    });
    expect(pairs).toContainEqual({ subject: "unknown app path", status: "404", kind: "convention" });
    expect(pairs.filter((pair) => pair.kind === "operation")).toHaveLength(
      model.operations.reduce((sum, op) => sum + op.responses.size, 0),
    );
  });
});

describe("evaluateGate", () => {
  test("passes when every pair the target can produce was exercised", () => {
    const exercised = everything.filter((pair) => pair.status !== "500" && pair.status !== "503");
    const gate = evaluateGate(model, "server", exercised);
    expect(gate.missing).toEqual([]);
    expect(gate.passed).toBe(true);
  });

  test("fails naming each producible pair that no case exercised", () => {
    const exercised = everything.filter((pair) => !(pair.subject === "getSession" && pair.status === "403"));
    const gate = evaluateGate(model, "server", exercised);
    expect(gate.passed).toBe(false);
    expect(gate.missing).toEqual([{ subject: "getSession", status: "403", kind: "operation" }]);
    expect(formatMatrix(gate)).toContain(
      "Coverage gate FAILED: 1 documented pair(s) were not exercised:\n  - getSession 403",
    );
  });

  test("fails when the spec gains an operation that no case exercises", () => {
    const gate = evaluateGate(withExtraOperation(), "mock", everything);
    expect(gate.passed).toBe(false);
    expect(gate.missing.map((pair) => `${pair.subject} ${pair.status}`)).toEqual([
      "getQuota 200",
      "getQuota 401",
    ]);
  });

  test("requires a new path's 405 on the server, where conventions are producible", () => {
    const gate = evaluateGate(withExtraOperation(), "server", everything);
    expect(gate.missing.map((pair) => `${pair.subject} ${pair.status}`)).toContain(
      "unsupported method on /v1/residential/quotas 405",
    );
  });

  test("does not require what the reviewed table declares unproducible, and says why", () => {
    const gate = evaluateGate(
      model,
      "server",
      everything.filter((pair) => pair.status !== "500" && pair.status !== "503"),
    );
    expect(gate.passed).toBe(true);
    expect(gate.cell("getSession", "500")).toBe("not-producible");
    expect(gate.cell("reportTraffic", "503")).toBe("not-producible");
    expect(gate.reasonFor("getReadiness", "503")).toMatch(/store/);
  });

  test("fails when a table entry no longer matches anything the spec documents", () => {
    const stale: Unproducible = { match: { subject: "removedOperation", status: "409" }, reason: "gone" };
    const table = { ...unproducible, server: [...unproducible.server, stale] };
    const gate = evaluateGate(model, "server", everything, table);
    expect(gate.passed).toBe(false);
    expect(gate.staleEntries).toEqual([stale]);
  });

  test("reports exercised statuses that the spec does not document", () => {
    const gate = evaluateGate(model, "mock", [...everything, { subject: "getSession", status: "422" }]);
    expect(gate.undocumented).toEqual([{ subject: "getSession", status: "422" }]);
    expect(gate.cell("getSession", "422")).toBe("undocumented");
  });
});

describe("formatMatrix", () => {
  test("prints one row per operation with a cell per documented status", () => {
    const exercised = everything.filter(
      (pair) => pair.subject !== "getClock" && pair.status !== "500" && pair.status !== "503",
    );
    const gate = evaluateGate(model, "proxy", exercised);
    const matrix = formatMatrix(gate);
    expect(matrix).toMatch(/^getClock +MISSING +MISSING +MISSING +n\/p +n\/p$/m);
    expect(matrix).toMatch(/^getSession +ok +ok +ok +ok +ok +ok +n\/p +n\/p$/m);
    expect(matrix).toContain("n/p: Prism routes before proxying");
  });
});
