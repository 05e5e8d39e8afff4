/**
 * The list / page / get / terminate exercise with the Zodios client openapi-zod-client generates into
 * `./client`: every response is parsed by the generated zod schemas on the way in.
 */
import type { z } from "zod";
import { createApiClient, schemas } from "./client/client.js";
import {
  type ExerciseResult,
  type ExerciseTarget,
  PAGE_SIZE,
  PRODUCT,
  SESSION_ID,
} from "./exercise-result.js";
import { sameType } from "./type-equality.js";

type Session = z.infer<typeof schemas.Session>;
sameType<z.infer<typeof schemas.IpAddress>, string>(true);
sameType<Session["exit_ip"], string>(true);
sameType<Session["state"], string | null>(true);
sameType<Session["status"], "active" | "terminated">(true);
sameType<z.infer<typeof schemas.SessionPage>["next_cursor"], string | null>(true);
sameType<z.infer<typeof schemas.SessionDetail>["samples"][number]["target_port"], number>(true);
sameType<z.infer<typeof schemas.AppError>["details"]["operation_id"], string>(true);

const clientFor = (target: ExerciseTarget) =>
  createApiClient(target.url, { axiosConfig: { headers: { Authorization: `Bearer ${target.key}` } } });

export async function exercise(target: ExerciseTarget): Promise<ExerciseResult> {
  const api = clientFor(target);
  const listed: string[] = [];
  let pages = 0;
  let cursor: string | undefined;
  do {
    // a status other than 2xx rejects, as does a body its schema refuses
    const page = await api.listResidentialSessions({
      queries: { status: "all", limit: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) },
    });
    pages++;
    listed.push(...page.data.map((session) => session.id));
    cursor = page.next_cursor ?? undefined;
  } while (cursor !== undefined);

  const params = { product: PRODUCT, id: SESSION_ID };
  const got = await api.getSession({ params });
  const terminated = await api.terminateSession(undefined, { params });
  const again = await api.getSession({ params });
  return {
    listed,
    pages,
    got: { id: got.id, exitIp: got.exit_ip, samples: got.samples.length },
    terminated: { id: terminated.id, status: terminated.status, terminatedAt: terminated.terminated_at },
    again: { status: again.status },
  };
}

/**
 * Known gaps, shown on a session the server listed: a `state` that breaks the spec's pattern (nullable
 * strings lose their pattern) and a field the spec does not define (`unevaluatedProperties: false` is
 * not read) are both accepted, and the unknown field is kept.
 */
export async function observeKnownBehaviour(target: ExerciseTarget): Promise<Record<string, unknown>> {
  const [listed] = (await clientFor(target).listResidentialSessions({ queries: { status: "all", limit: 1 } }))
    .data;
  const withBadState = schemas.Session.safeParse({ ...listed, state: "Not A State!" });
  const withUnknownField = schemas.Session.safeParse({ ...listed, internal_score: 1 });
  return {
    acceptsStateBreakingItsPattern: withBadState.success,
    acceptsUndefinedField: withUnknownField.success,
    keepsUndefinedField: withUnknownField.success && "internal_score" in withUnknownField.data,
  };
}
