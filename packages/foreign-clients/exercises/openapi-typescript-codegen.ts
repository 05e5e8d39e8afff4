/**
 * The list / page / get / terminate exercise with the fetch client openapi-typescript-codegen generates
 * into `./client` (static service classes, configured through the `OpenAPI` object).
 */
import {
  type AppError,
  GatewaySessionsService,
  type IpAddress,
  OpenAPI,
  type Session,
  type SessionDetail,
  type SessionPage,
} from "./client/index.js";
import {
  type ExerciseResult,
  type ExerciseTarget,
  PAGE_SIZE,
  PRODUCT,
  SESSION_ID,
} from "./exercise-result.js";
import { sameType } from "./type-equality.js";

sameType<IpAddress, string>(true);
sameType<Session["exit_ip"], string>(true);
sameType<Session["state"], string | null>(true);
sameType<SessionPage["next_cursor"], string | null>(true);
sameType<SessionDetail["samples"][number]["target_port"], number>(true);
sameType<AppError["details"]["operation_id"], string>(true);

export async function exercise(target: ExerciseTarget): Promise<ExerciseResult> {
  OpenAPI.BASE = target.url;
  OpenAPI.TOKEN = target.key;
  const listed: string[] = [];
  let pages = 0;
  let cursor: string | undefined;
  do {
    // a status other than 2xx rejects with its ApiError
    const page = await GatewaySessionsService.listResidentialSessions(
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      "all",
      PAGE_SIZE,
      cursor,
    );
    pages++;
    listed.push(...page.data.map((session) => session.id));
    cursor = page.next_cursor ?? undefined;
  } while (cursor !== undefined);

  const got = await GatewaySessionsService.getSession(PRODUCT, SESSION_ID);
  const terminated = await GatewaySessionsService.terminateSession(PRODUCT, SESSION_ID);
  const again = await GatewaySessionsService.getSession(PRODUCT, SESSION_ID);
  return {
    listed,
    pages,
    got: { id: got.id, exitIp: got.exit_ip, samples: got.samples.length },
    terminated: { id: terminated.id, status: terminated.status, terminatedAt: terminated.terminated_at },
    again: { status: again.status },
  };
}
