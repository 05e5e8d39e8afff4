/**
 * Every response the spec documents, as Prism's mock serves it (selected with `Prefer: code=...` and,
 * where a response has several, `example=...`), must conform to its own contract. The real server is
 * held to the same responses by real scenarios in the other files.
 */
import { describe, expect, test } from "vitest";
import type { CallOptions } from "../src/contract-client.js";
import { useTarget } from "../src/target-context.js";

const target = useTarget();
const client = target.client();
const model = client.model;

// One valid request per operation; an operation added to the spec without one fails here and in the gate.
const validRequests: Record<string, CallOptions> = {
  listResidentialSessions: { query: { limit: 10 } },
  listMobileSessions: { query: { status: "all" } },
  getSession: { path: { product: "residential", id: "ses_01HX2K3PQ4M5" } },
  terminateSession: { path: { product: "mobile", id: "ses_01HX2K3PQ4M5" } },
  listApplicationSessions: { query: { limit: 20 } },
  getApplicationSession: { path: { id: "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE" } },
  deleteApplicationSession: { path: { id: "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE" } },
  reportTraffic: {
    path: { product: "residential" },
    body: {
      username: "user-sub_01HX2K3PQ4M5-region-us-session-job1-sesstime-30",
      requests: [
        {
          method: "GET",
          target_host: "www.example.com",
          target_port: 443,
          status_code: 200,
          bytes: 10,
          duration_ms: 5,
        },
      ],
    },
  },
  getClock: {},
  advanceClock: { body: { seconds: 60 } },
  createApplicationSession: { body: { public_url: "https://app.example.com", ttl_seconds: 3600 } },
  recordApplicationSessionActivity: { path: { id: "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE" } },
  resetSandbox: {},
  getHealth: { apiKey: null },
  getReadiness: { apiKey: null },
};

describe(
  "Prism's mock serves every documented response conforming to the spec",
  target.requires("mockExamples"),
  () => {
    for (const operation of model.operations) {
      describe(operation.operationId, () => {
        const request = validRequests[operation.operationId];
        test("has a valid request in the suite's table", () => {
          expect(request, `add a valid request for ${operation.operationId} to validRequests`).toBeDefined();
        });
        if (!request) return;
        const selections = [...operation.responses.values()].flatMap((response) =>
          response.exampleNames.length > 1
            ? response.exampleNames.map((name) => ({
                status: response.status,
                prefer: `code=${response.status}, example=${name}`,
              }))
            : [{ status: response.status, prefer: `code=${response.status}` }],
        );
        test.each(selections)("answers $status for Prefer: $prefer", async ({ status, prefer }) => {
          await client.call(operation.operationId, { ...request, prefer, expect: Number(status) });
        });
      });
    }
  },
);
