/**
 * What the store takes and gives: the shapes the server's routes pass in and read back. The API's own
 * shapes (Session, SessionDetail) come from the generated spec types.
 */
import type {
  components,
  GatewayProduct,
  RequestSample,
  Session,
  SessionDetail,
  TrafficReport,
} from "@sessions-api/openapi";
import type { ProxyUsername } from "@sessions-api/username";

export type BrowserSession = components["schemas"]["BrowserSession"];
export type ProxiedRequest = TrafficReport["requests"][number];
export type SessionStatusFilter = "active" | "terminated" | "all";

/**
 * When a read happens: a known time, or the account's sandbox clock at a real time, which the read's own
 * statement then reads (over PostgreSQL, where another instance may move the clock: one round trip
 * instead of two).
 */
export type ReadTime = Date | { accountClockAt: Date };

/** A position in the list order (`started_at` descending, then `id` descending). */
export interface SessionKey {
  startedAt: string;
  id: string;
}

export interface SessionListQuery {
  account: string;
  product: GatewayProduct;
  /** The sub-users the key is limited to; null for all of the account's. */
  subuserScope?: readonly string[] | null;
  subuser?: string;
  session_id?: string;
  region?: string;
  asn?: number;
  repinned?: boolean;
  status: SessionStatusFilter;
  limit: number;
  /** List only sessions after this position (exclusive). */
  after?: SessionKey;
}

export interface SessionListPage {
  sessions: Session[];
  /** Where the next page starts, or null on the last page. */
  next: SessionKey | null;
}

export interface TrafficInput {
  account: string;
  product: GatewayProduct;
  username: string;
  parsed: ProxyUsername;
  requests: readonly ProxiedRequest[];
  reassignExitIp: boolean;
  now: Date;
}

/** What a traffic report did: the session it wrote, and whether it started it. */
export interface TrafficResult {
  created: boolean;
  session: SessionDetail;
}

/** An application session as stored; URIs are made per request from the server's origin. */
export interface AppSessionRecord {
  id: string;
  account: string;
  public_url: string;
  browser_session: BrowserSession;
  application_user_id: string;
  endpoint_id: string;
  edge_id: string | null;
  route_id: string | null;
  created_at: Date;
  last_active: Date;
  expires_at: Date;
}

/** A complete gateway session for seeding, with its samples (oldest first). */
export interface SeedSession {
  account: string;
  session: Session;
  samples: RequestSample[];
}

export interface SeedData {
  subusers: { id: string; account: string }[];
  sessions: SeedSession[];
  appSessions: AppSessionRecord[];
}
