/**
 * The bodies these tests answer the client with are the spec's: a fixture that drifted from a schema
 * would let the client pass against a server that cannot exist.
 */
import { createSchemaValidator } from "@sessions-api/openapi/validator";
import { describe, expect, test } from "vitest";
import { appError, gatewayError, session, sessionDetail } from "./helpers.js";

const validator = createSchemaValidator();
const expectSchema = (schema: string, value: unknown) =>
  expect(validator.validate({ $ref: `#/components/schemas/${schema}` }, value).errors).toEqual([]);

describe("the client tests' fixtures", () => {
  test("a session and a session detail follow Session and SessionDetail", () => {
    expectSchema("Session", session("ses_01HX2K3PQ4M5"));
    expectSchema("SessionDetail", sessionDetail("ses_01HX2K3PQ4M5"));
  });

  test("error bodies follow GatewayError and AppError", async () => {
    expectSchema("GatewayError", await gatewayError(404, "session_not_found").json());
    expectSchema("GatewayError", await gatewayError(400, "invalid_parameter", { param: "limit" }).json());
    expectSchema("AppError", await appError(404, "ERR_NOT_FOUND").json());
    expectSchema("AppError", await appError(400, "ERR_INVALID_PARAMETER", { param: "limit" }).json());
  });
});
