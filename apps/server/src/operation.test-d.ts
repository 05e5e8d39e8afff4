// Type-level tests, checked by `tsc --noEmit`: a handler can only return what the spec documents for its
// operation, and its input is typed from the spec's parameters and body.
import type { SessionDetail } from "@sessions-api/openapi";
import { expectTypeOf, test } from "vitest";
import type { BodyOf, OperationResult, PathOf, QueryOf } from "./operation.js";

declare const detail: SessionDetail;

test("results are keyed by the operation's documented statuses and bodies", () => {
  const ok: OperationResult<"getSession"> = { status: 200, body: detail };
  const noBody: OperationResult<"deleteApplicationSession"> = { status: 204 };
  const created: OperationResult<"reportTraffic"> = {
    status: 201,
    body: detail,
    headers: { Location: "/x" },
  };
  // @ts-expect-error getSession documents no 201
  const wrongStatus: OperationResult<"getSession"> = { status: 201, body: detail };
  // @ts-expect-error a Clock is not a SessionDetail
  const wrongBody: OperationResult<"getSession"> = { status: 200, body: { now: "x", offset_seconds: 0 } };
  const extraField: OperationResult<"listResidentialSessions"> = {
    status: 200,
    // @ts-expect-error SessionPage has no field "extra"
    body: { data: [], next_cursor: null, extra: 1 },
  };
  // @ts-expect-error 204 has no body
  const bodyOn204: OperationResult<"deleteApplicationSession"> = { status: 204, body: detail };
  expectTypeOf([ok, noBody, created, wrongStatus, wrongBody, extraField, bodyOn204]).not.toBeNever();
});

test("inputs are typed from the spec", () => {
  expectTypeOf<PathOf<"getSession">>().toEqualTypeOf<{ product: string; id: string }>();
  expectTypeOf<QueryOf<"listResidentialSessions">["limit"]>().toEqualTypeOf<number>();
  expectTypeOf<QueryOf<"listResidentialSessions">["status"]>().toEqualTypeOf<
    "active" | "terminated" | "all"
  >();
  expectTypeOf<QueryOf<"listResidentialSessions">["subuser"]>().toEqualTypeOf<string | undefined>();
  expectTypeOf<BodyOf<"advanceClock">>().toEqualTypeOf<{ seconds: number }>();
  expectTypeOf<BodyOf<"getSession">>().toEqualTypeOf<undefined>();
});
