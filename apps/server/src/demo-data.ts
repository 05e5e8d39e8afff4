/**
 * Demo data seeded into a fresh store by the CLI: sessions of both products for two sub-users of
 * `acct_demo` (one of them `ses_01HX2K3PQ4M5` of `sub_01HX2K3PQ4M5`, so the original docs' curl examples
 * work verbatim against localhost), a terminated session, sessions of `acct_other`, and application
 * sessions of fixed ids (the spec's examples name them). Times are relative to `now`, so the data is live
 * when the server starts (each account's to its own clock's `now`: `buildDemoDataOf`). Every session with n requests shows its last min(n, 10) as samples.
 *
 * @example
 * await store.seedIfEmpty(await buildDemoDataOf(DEMO_ACCOUNTS, (account) => clock.now(account)));
 */
import type { ApplicationSessionCreate, RequestSample, Session } from "@sessions-api/openapi";
import { formatUsername, type ProxyUsernameParts } from "@sessions-api/username";
import { DEFAULT_USER_AGENT, newAppSessionRecord } from "./app-session-routes.js";
import {
  type AppSessionRecord,
  SAMPLES_KEPT,
  type SeedData,
  type SeedSession,
} from "./store/session-store.js";

/**
 * The sub-user of the docs' examples, in `acct_demo`.
 *
 * @example
 * fetch(`${url}/v1/residential/sessions?subuser=${DEMO_SUBUSER}`, { headers });
 */
export const DEMO_SUBUSER = "sub_01HX2K3PQ4M5";
/**
 * The session id of the docs' examples (seeded for `DEMO_SUBUSER`).
 *
 * @example
 * fetch(`${url}/v1/residential/sessions/${DEMO_SESSION_ID}`, { headers });
 */
export const DEMO_SESSION_ID = "ses_01HX2K3PQ4M5";

const minute = 60_000;

interface SessionSketch {
  account: string;
  id: string;
  product: Session["product"];
  parts: ProxyUsernameParts;
  asn: number;
  exitIp: string;
  startedMinutesAgo: number;
  bytesUsed: number;
  requests: number;
  repinned?: boolean;
  terminatedMinutesAgo?: number;
  /** The hosts its samples visit, in turn. */
  hosts: string[];
}

function sketchToSeed(sketch: SessionSketch, now: number): SeedSession {
  const startedAt = now - sketch.startedMinutesAgo * minute;
  // a session shows its last SAMPLES_KEPT requests, or all of them when it made fewer
  const count = Math.min(sketch.requests, SAMPLES_KEPT);
  const hosts = Array.from(
    { length: count },
    (_, index) => sketch.hosts[index % sketch.hosts.length] as string,
  );
  const samples: RequestSample[] = hosts.map((host, index) => ({
    // spread over the session so far, oldest first
    at: new Date(
      startedAt +
        Math.floor(
          ((index + 1) * (sketch.startedMinutesAgo - (sketch.terminatedMinutesAgo ?? 0)) * minute) /
            (count + 1),
        ),
    ).toISOString(),
    method: index % 3 === 2 ? "CONNECT" : "GET",
    target_host: host,
    target_port: 443,
    status_code: index % 5 === 4 ? 304 : 200,
    bytes: 12_000 + ((index * 7919) % 90_000),
    duration_ms: 80 + ((index * 131) % 1200),
  }));
  return {
    account: sketch.account,
    samples,
    session: {
      id: sketch.id,
      product: sketch.product,
      username: formatUsername(sketch.parts),
      subuser: sketch.parts.subuser,
      session_id: sketch.parts.session_id,
      region: sketch.parts.region,
      state: sketch.parts.state ?? null,
      city: sketch.parts.city ?? null,
      asn: sketch.asn,
      exit_ip: sketch.exitIp,
      started_at: new Date(startedAt).toISOString(),
      expires_at: new Date(startedAt + sketch.parts.sesstime * minute).toISOString(),
      bytes_used: sketch.bytesUsed,
      requests: sketch.requests,
      repinned: sketch.repinned ?? false,
      status: sketch.terminatedMinutesAgo === undefined ? "active" : "terminated",
      terminated_at:
        sketch.terminatedMinutesAgo === undefined
          ? null
          : new Date(now - sketch.terminatedMinutesAgo * minute).toISOString(),
    },
  };
}

/**
 * The application session of the docs' examples (the newest of `acct_demo`'s, so that listing before it
 * shows the others).
 *
 * @example
 * fetch(`${url}/app/sessions/${DEMO_APP_SESSION_ID}`, { headers });
 */
export const DEMO_APP_SESSION_ID = "as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE";

interface AppSessionSketch {
  account: string;
  createdMinutesAgo: number;
  input: Partial<ApplicationSessionCreate>;
  // fixed, so the spec's examples name sessions the demo data has; ids sort by creation time
  ids: Pick<AppSessionRecord, "id" | "application_user_id" | "endpoint_id" | "edge_id" | "route_id">;
}

const appSketches: AppSessionSketch[] = [
  {
    account: "acct_demo",
    createdMinutesAgo: 6,
    input: {
      user_agent: DEFAULT_USER_AGENT,
      ip_address: "203.0.113.24",
      location: { country_code: "US", latitude: 37.7749, longitude: -122.4194, lat_long_radius_km: 20 },
      public_url: "https://app.example.com",
    },
    ids: {
      id: DEMO_APP_SESSION_ID,
      application_user_id: "au_01HX2M8Q7V3ZKJ4T6W9YB2C5DF",
      endpoint_id: "ep_01HX2M8Q7V3ZKJ4T6W9YB2C5DG",
      edge_id: "edghts_01HX2M8Q7V3ZKJ4T6W9YB2C5DH",
      route_id: "edghtsrt_01HX2M8Q7V3ZKJ4T6W9YB2C5DJ",
    },
  },
  {
    account: "acct_demo",
    createdMinutesAgo: 40,
    input: {
      user_agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 Firefox/126.0",
      ip_address: "198.51.100.61",
      location: { country_code: "DE", latitude: 52.52, longitude: 13.405, lat_long_radius_km: 50 },
      public_url: "https://app.example.com",
    },
    ids: {
      id: "as_01HX2M5K2R8WJ7N3T4V6XB9CQF",
      application_user_id: "au_01HX2M5K2R8WJ7N3T4V6XB9CQG",
      endpoint_id: "ep_01HX2M8Q7V3ZKJ4T6W9YB2C5DG",
      edge_id: "edghts_01HX2M8Q7V3ZKJ4T6W9YB2C5DH",
      route_id: "edghtsrt_01HX2M8Q7V3ZKJ4T6W9YB2C5DJ",
    },
  },
  {
    account: "acct_demo",
    createdMinutesAgo: 95,
    input: {
      user_agent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      ip_address: "2001:db8:1:2::99",
      location: { country_code: "GB", latitude: 51.5074, longitude: -0.1278, lat_long_radius_km: 10 },
      public_url: "https://shop.example.com",
      agent_initiated: true,
    },
    ids: {
      id: "as_01HX2M1D9F4GH6JKMNPQRSTVWX",
      application_user_id: "au_01HX2M1D9F4GH6JKMNPQRSTVWY",
      endpoint_id: "ep_01HX2M1D9F4GH6JKMNPQRSTVWZ",
      edge_id: null,
      route_id: null,
    },
  },
  {
    account: "acct_other",
    createdMinutesAgo: 30,
    input: { ip_address: "203.0.113.200", public_url: "https://other.example.com" },
    ids: {
      id: "as_01HX2M6T3B7C9D2E4F5G6H7J8K",
      application_user_id: "au_01HX2M6T3B7C9D2E4F5G6H7J8M",
      endpoint_id: "ep_01HX2M6T3B7C9D2E4F5G6H7J8N",
      edge_id: "edghts_01HX2M6T3B7C9D2E4F5G6H7J8P",
      route_id: "edghtsrt_01HX2M6T3B7C9D2E4F5G6H7J8Q",
    },
  },
];

/**
 * The demo data for a store whose clock reads `now`.
 *
 * @example
 * buildDemoData(new Date()).sessions.length; // 10
 */
export function buildDemoData(now: Date): SeedData {
  const t = now.getTime();
  const sketches: SessionSketch[] = [
    {
      account: "acct_demo",
      id: DEMO_SESSION_ID,
      product: "residential",
      // a day-long sesstime keeps the docs' session alive long after the server starts
      parts: {
        subuser: DEMO_SUBUSER,
        region: "us",
        state: "ca",
        city: "la",
        session_id: "job1",
        sesstime: 1440,
      },
      asn: 7922,
      exitIp: "198.51.100.42",
      startedMinutesAgo: 12,
      bytesUsed: 3_145_728,
      requests: 42,
      hosts: ["www.example.com", "api.example.com", "cdn.example.com", "www.example.com", "img.example.com"],
    },
    {
      account: "acct_demo",
      id: "ses_01HX2K7RB2N9",
      product: "residential",
      parts: { subuser: DEMO_SUBUSER, region: "de", asn: 3320, session_id: "crawl_7", sesstime: 120 },
      asn: 3320,
      exitIp: "2001:db8:85a3::8a2e:370:7334",
      startedMinutesAgo: 5,
      bytesUsed: 1_048_576,
      requests: 12,
      repinned: true,
      hosts: ["shop.example.de", "shop.example.de", "static.example.de"],
    },
    {
      account: "acct_demo",
      id: "ses_01HX2KA4C8DE",
      product: "residential",
      // the same session_id under another geo is another session
      parts: { subuser: DEMO_SUBUSER, region: "gb", city: "london", session_id: "job1", sesstime: 60 },
      asn: 2856,
      exitIp: "203.0.113.77",
      startedMinutesAgo: 20,
      bytesUsed: 524_288,
      requests: 9,
      hosts: ["news.example.co.uk", "news.example.co.uk"],
    },
    {
      account: "acct_demo",
      id: "ses_01HX2KB9TZ3Q",
      product: "residential",
      parts: { subuser: DEMO_SUBUSER, region: "fr", session_id: "prices_eu", sesstime: 30 },
      asn: 3215,
      exitIp: "198.51.100.7",
      startedMinutesAgo: 25,
      bytesUsed: 262_144,
      requests: 6,
      terminatedMinutesAgo: 15,
      hosts: ["www.example.fr"],
    },
    {
      account: "acct_demo",
      id: "ses_01HX2KC2WQ6M",
      product: "residential",
      parts: { subuser: "sub_02JY7N4RS8T6", region: "us", state: "ny", session_id: "monitor", sesstime: 240 },
      asn: 7018,
      exitIp: "203.0.113.150",
      startedMinutesAgo: 47,
      bytesUsed: 8_388_608,
      requests: 131,
      hosts: ["status.example.com", "status.example.com", "status.example.com", "api.example.com"],
    },
    {
      account: "acct_demo",
      id: "ses_01HX2KD7HV1R",
      product: "residential",
      parts: { subuser: "sub_02JY7N4RS8T6", region: "jp", session_id: "ads_check", sesstime: 90 },
      asn: 2516,
      exitIp: "198.51.100.211",
      startedMinutesAgo: 3,
      bytesUsed: 98_304,
      requests: 4,
      hosts: ["ads.example.jp"],
    },
    {
      account: "acct_demo",
      id: "ses_01HX2KE5NM8K",
      product: "mobile",
      parts: { subuser: DEMO_SUBUSER, region: "us", asn: 21928, session_id: "app_flow", sesstime: 45 },
      asn: 21928,
      exitIp: "2001:db8:4f2a:17::c0de",
      startedMinutesAgo: 8,
      bytesUsed: 2_097_152,
      requests: 27,
      hosts: ["m.example.com", "api.example.com", "m.example.com"],
    },
    {
      account: "acct_demo",
      id: "ses_01HX2KF0XJ4P",
      product: "mobile",
      parts: { subuser: "sub_02JY7N4RS8T6", region: "de", asn: 3209, session_id: "job1", sesstime: 30 },
      asn: 3209,
      exitIp: "203.0.113.9",
      startedMinutesAgo: 2,
      bytesUsed: 40_960,
      requests: 3,
      repinned: true,
      hosts: ["m.example.de"],
    },
    {
      account: "acct_other",
      id: "ses_01HX2KG6RY2S",
      product: "residential",
      parts: { subuser: "sub_07ZQ5V3W9XKM", region: "br", session_id: "job1", sesstime: 60 },
      asn: 28573,
      exitIp: "198.51.100.88",
      startedMinutesAgo: 10,
      bytesUsed: 655_360,
      requests: 15,
      hosts: ["loja.example.com.br", "loja.example.com.br"],
    },
    {
      account: "acct_other",
      id: "ses_01HX2KH3MB7V",
      product: "mobile",
      parts: { subuser: "sub_07ZQ5V3W9XKM", region: "in", session_id: "otp_test", sesstime: 20 },
      asn: 55836,
      exitIp: "2001:db8:a11:5::42",
      startedMinutesAgo: 4,
      bytesUsed: 16_384,
      requests: 2,
      hosts: ["auth.example.in"],
    },
  ];
  const appSessions = appSketches.map((sketch) => ({
    ...newAppSessionRecord(sketch.account, sketch.input, new Date(t - sketch.createdMinutesAgo * minute)),
    ...sketch.ids,
  }));
  return {
    subusers: [
      { id: DEMO_SUBUSER, account: "acct_demo" },
      { id: "sub_02JY7N4RS8T6", account: "acct_demo" },
      { id: "sub_07ZQ5V3W9XKM", account: "acct_other" },
    ],
    sessions: sketches.map((sketch) => sketchToSeed(sketch, t)),
    appSessions,
  };
}

/**
 * The accounts the demo data has.
 *
 * @example
 * DEMO_ACCOUNTS.includes("acct_other"); // true
 */
export const DEMO_ACCOUNTS: readonly string[] = ["acct_demo", "acct_other"];

/**
 * The demo data of some accounts, each as of its own clock's `now`: an account the demo data does not
 * have gets nothing.
 *
 * @example
 * await store.resetAccount("acct_demo", await buildDemoDataOf(["acct_demo"], (account) => clock.now(account)));
 */
export async function buildDemoDataOf(
  accounts: readonly string[],
  nowOf: (account: string) => Promise<Date>,
): Promise<SeedData> {
  const data: SeedData = { subusers: [], sessions: [], appSessions: [] };
  for (const account of accounts) {
    const all = buildDemoData(await nowOf(account));
    const own = <T extends { account: string }>(items: T[]) =>
      items.filter((item) => item.account === account);
    data.subusers.push(...own(all.subusers));
    data.sessions.push(...own(all.sessions));
    data.appSessions.push(...own(all.appSessions));
  }
  return data;
}
