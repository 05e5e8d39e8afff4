/**
 * Helpers that seed the reference server through its sandbox endpoints, so that each scenario reads
 * like the API's own prose: "a sub-user proxies two requests", "the upstream reassigns the exit IP".
 * Every scenario makes its own sub-users, so scenarios never see each other's sessions.
 *
 * @example
 * const subuser = newSubuser();
 * const session = await proxy(client, "residential", { subuser, region: "us", session_id: "job1", sesstime: 30 });
 */
import type {
  ApplicationSession,
  ApplicationSessionCreate,
  ApplicationSessionList,
  GatewayProduct,
  Session,
  SessionDetail,
  SessionPage,
} from "@sessions-api/openapi";
import { formatUsername, type ProxyUsernameParts } from "@sessions-api/username";
import { expect } from "vitest";
import type { ContractClient, ContractResponse } from "../../src/contract-client.js";

let counter = 0;

function uniqueSuffix(): string {
  counter += 1;
  return `${Date.now().toString(36)}${process.pid.toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A sub-user id no other scenario uses. */
export function newSubuser(): string {
  return `sub_ct${uniqueSuffix()}`.slice(0, 36);
}

/** A user-chosen session name no other scenario uses. */
export function newSessionName(): string {
  return `job_${uniqueSuffix()}`;
}

export const proxiedRequest = {
  method: "GET",
  target_host: "www.example.com",
  target_port: 443,
  status_code: 200,
  bytes: 1_000,
  duration_ms: 20,
};

export interface ProxyOptions {
  requests?: number;
  /** `bytes` of the report's first request; each next one gets one more (default 1000). */
  firstBytes?: number;
  reassignExitIp?: boolean;
  expect?: number;
}

/** Reports proxied traffic for the username, as the gateway would: starts (201) or grows (200) a session. */
export async function proxy(
  client: ContractClient,
  product: GatewayProduct,
  parts: ProxyUsernameParts,
  options: ProxyOptions = {},
): Promise<SessionDetail> {
  const requests = Array.from({ length: options.requests ?? 1 }, (_, i) => ({
    ...proxiedRequest,
    bytes: (options.firstBytes ?? 1_000) + i,
  }));
  const response = await client.call<SessionDetail>("reportTraffic", {
    path: { product },
    body: {
      username: formatUsername(parts),
      requests,
      ...(options.reassignExitIp === undefined ? {} : { reassign_exit_ip: options.reassignExitIp }),
    },
    ...(options.expect === undefined ? {} : { expect: options.expect }),
  });
  if (response.status === 201)
    expect(response.headers.get("location")).toBe(`/v1/${product}/sessions/${response.body.id}`);
  return response.body;
}

const listOperation = { residential: "listResidentialSessions", mobile: "listMobileSessions" } as const;

/** Lists one page of a product's sessions. */
export function listSessions(
  client: ContractClient,
  product: GatewayProduct,
  query: Record<string, string | number | boolean | undefined>,
  expect = 200,
): Promise<ContractResponse<SessionPage>> {
  return client.call<SessionPage>(listOperation[product], { query, expect });
}

/** Follows `next_cursor` to the last page and returns every session, in the order listed. */
export async function listAll(
  client: ContractClient,
  product: GatewayProduct,
  query: Record<string, string | number | boolean | undefined>,
): Promise<Session[]> {
  const sessions: Session[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1_000; page++) {
    const { body } = await listSessions(client, product, { limit: 200, ...query, cursor });
    sessions.push(...body.data);
    if (body.next_cursor === null) return sessions;
    cursor = body.next_cursor;
  }
  throw new Error("more than 1000 pages: the cursor never reaches the end");
}

/** The path and query of an absolute URI, to follow it through whichever target the suite runs on. */
export function pathOf(uri: string): string {
  const url = new URL(uri);
  return `${url.pathname}${url.search}`;
}

/** Follows `next_page_uri` from the first page of `limit` and returns each page's session ids. */
export async function listApplicationSessionPages(
  client: ContractClient,
  limit: number,
): Promise<string[][]> {
  const pages: string[][] = [];
  let url: string | null = `/app/sessions?limit=${limit}`;
  for (let page = 0; url !== null; page++) {
    if (page === 1_000) throw new Error("more than 1000 pages: next_page_uri never reaches the end");
    const response: ContractResponse<ApplicationSessionList> = await client.call<ApplicationSessionList>(
      "listApplicationSessions",
      { url, expect: 200 },
    );
    pages.push(response.body.application_sessions.map((session) => session.id));
    url = response.body.next_page_uri === null ? null : pathOf(response.body.next_page_uri);
  }
  return pages;
}

/** Creates an application session through the sandbox. */
export async function createAppSession(
  client: ContractClient,
  // the generated type marks fields with defaults as required; a request may leave them out
  body: Partial<ApplicationSessionCreate> = {},
): Promise<ContractResponse<ApplicationSession>> {
  return client.call<ApplicationSession>("createApplicationSession", { body, expect: 201 });
}

/** Sessions listed newest first: `started_at` descending, then `id` descending. */
export function isNewestFirst(sessions: readonly Session[]): boolean {
  return sessions.every((session, i) => {
    const previous = sessions[i - 1];
    if (!previous) return true;
    const byTime = Date.parse(previous.started_at) - Date.parse(session.started_at);
    return byTime > 0 || (byTime === 0 && previous.id > session.id);
  });
}
