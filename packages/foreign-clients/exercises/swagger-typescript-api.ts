/**
 * The list / page / get / terminate exercise with the client swagger-typescript-api generates into
 * `./client` (modular: data contracts, HTTP client, one class per first path segment).
 */
import type { AppError, IpAddress, Session, SessionDetail, SessionPage } from "./client/data-contracts.js";
import { V1 } from "./client/V1.js";
import {
  type ExerciseResult,
  type ExerciseTarget,
  PAGE_SIZE,
  PRODUCT,
  SESSION_ID,
} from "./exercise-result.js";
import { type IsAny, sameType } from "./type-equality.js";

sameType<IpAddress, string>(true);
sameType<Session["exit_ip"], string>(true);
sameType<Session["state"], string | null>(true);
sameType<Session["status"], "active" | "terminated">(true);
sameType<SessionPage["next_cursor"], string | null>(true);
sameType<SessionDetail["samples"][number]["target_port"], number>(true);
sameType<AppError["details"]["operation_id"], string>(true);
// known: the other keys of an error's details are strings in the spec, any here
sameType<IsAny<AppError["details"]["any_other_key"]>, true>(true);

const authorize = (target: ExerciseTarget) => ({
  baseUrl: target.url,
  securityWorker: () => ({ headers: { Authorization: `Bearer ${target.key}` } }),
});

export async function exercise(target: ExerciseTarget): Promise<ExerciseResult> {
  // the workaround for the bug below: parse every response as JSON
  const v1 = new V1({ ...authorize(target), baseApiParams: { format: "json" } });
  const listed: string[] = [];
  let pages = 0;
  let cursor: string | undefined;
  do {
    // a status other than 2xx rejects (with the response)
    const { data } = await v1.listResidentialSessions({
      status: "all",
      limit: PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    pages++;
    listed.push(...data.data.map((session) => session.id));
    cursor = data.next_cursor ?? undefined;
  } while (cursor !== undefined);

  const { data: got } = await v1.getSession(PRODUCT, SESSION_ID);
  const { data: terminated } = await v1.terminateSession(PRODUCT, SESSION_ID);
  const { data: again } = await v1.getSession(PRODUCT, SESSION_ID);
  return {
    listed,
    pages,
    got: { id: got.id, exitIp: got.exit_ip, samples: got.samples.length },
    terminated: { id: terminated.id, status: terminated.status, terminatedAt: terminated.terminated_at },
    again: { status: again.status },
  };
}

/**
 * Known bug: an operation whose response is a `$ref` to `components/responses` is generated without
 * `format: "json"`, so its `data` stays null unless the caller asks for JSON; the body is left unread.
 */
export async function observeKnownBehaviour(target: ExerciseTarget): Promise<Record<string, unknown>> {
  const response = await new V1(authorize(target)).getSession(PRODUCT, SESSION_ID);
  return {
    getSessionData: response.data,
    getSessionBodyId: ((await response.json()) as SessionDetail).id,
  };
}
