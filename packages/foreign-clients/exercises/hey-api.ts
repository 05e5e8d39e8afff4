/**
 * The list / page / get / terminate exercise with the client @hey-api/openapi-ts generates into
 * `./client` (its fetch client and SDK functions).
 */
import { createClient } from "./client/client/index.js";
import { getSession, listResidentialSessions, terminateSession } from "./client/sdk.gen.js";
import type { AppError, IpAddress, Session, SessionDetail, SessionPage } from "./client/types.gen.js";
import {
  type ExerciseResult,
  type ExerciseTarget,
  fail,
  PAGE_SIZE,
  PRODUCT,
  SESSION_ID,
} from "./exercise-result.js";
import { sameType } from "./type-equality.js";

sameType<IpAddress, string>(true);
sameType<Session["exit_ip"], string>(true);
sameType<Session["state"], string | null>(true);
sameType<Session["status"], "active" | "terminated">(true);
sameType<SessionPage["next_cursor"], string | null>(true);
sameType<SessionDetail["samples"][number]["target_port"], number>(true);
sameType<AppError["details"]["operation_id"], string>(true);

export async function exercise(target: ExerciseTarget): Promise<ExerciseResult> {
  const client = createClient({ baseUrl: target.url, auth: target.key });
  const listed: string[] = [];
  let pages = 0;
  let cursor: string | undefined;
  do {
    const { data, error } = await listResidentialSessions({
      client,
      query: { status: "all", limit: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) },
    });
    if (data === undefined) fail("list", error);
    pages++;
    listed.push(...data.data.map((session) => session.id));
    cursor = data.next_cursor ?? undefined;
  } while (cursor !== undefined);

  const path = { product: PRODUCT, id: SESSION_ID };
  const got = await getSession({ client, path });
  if (got.data === undefined) fail("get", got.error);
  const terminated = await terminateSession({ client, path });
  if (terminated.data === undefined) fail("terminate", terminated.error);
  const again = await getSession({ client, path });
  if (again.data === undefined) fail("get again", again.error);
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
