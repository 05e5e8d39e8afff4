/**
 * The list / page / get / terminate exercise with the fetch client orval generates into `./client`,
 * through the fetch of `./orval-fetch.ts`.
 */
import { getSession, listResidentialSessions, terminateSession } from "./client/sessions.js";
import type {
  AppErrorDetails,
  IpAddress,
  Session,
  SessionDetail,
  SessionPage,
} from "./client/sessions.schemas.js";
import {
  type ExerciseResult,
  type ExerciseTarget,
  fail,
  PAGE_SIZE,
  PRODUCT,
  SESSION_ID,
} from "./exercise-result.js";
import { configureOrvalFetch } from "./orval-fetch.js";
import { sameType } from "./type-equality.js";

sameType<IpAddress, string>(true);
sameType<Session["exit_ip"], string>(true);
sameType<Session["state"], string | null>(true);
sameType<Session["status"], "active" | "terminated">(true);
sameType<SessionPage["next_cursor"], string | null>(true);
sameType<SessionDetail["samples"][number]["target_port"], number>(true);
sameType<AppErrorDetails["operation_id"], string>(true);
// known: the other keys of an error's details are strings in the spec, unknown here
sameType<AppErrorDetails["any_other_key"], unknown>(true);

export async function exercise(target: ExerciseTarget): Promise<ExerciseResult> {
  configureOrvalFetch(target);
  const listed: string[] = [];
  let pages = 0;
  let cursor: string | undefined;
  do {
    const page = await listResidentialSessions({
      status: "all",
      limit: PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    if (page.status !== 200) fail("list", page);
    pages++;
    listed.push(...page.data.data.map((session) => session.id));
    cursor = page.data.next_cursor ?? undefined;
  } while (cursor !== undefined);

  const got = await getSession(PRODUCT, SESSION_ID);
  if (got.status !== 200) fail("get", got);
  const terminated = await terminateSession(PRODUCT, SESSION_ID);
  if (terminated.status !== 200) fail("terminate", terminated);
  const again = await getSession(PRODUCT, SESSION_ID);
  if (again.status !== 200) fail("get again", again);
  return {
    listed,
    pages,
    got: { id: got.data.id, exitIp: got.data.exit_ip, samples: got.data.samples.length },
    terminated: {
      id: terminated.data.id,
      status: terminated.data.status,
      terminatedAt: terminated.data.terminated_at,
    },
    again: { status: again.data.status },
  };
}
