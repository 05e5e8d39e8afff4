/** Application sessions as rows of `app_sessions`: the columns, and the mapping to and from a record. */

import type { Queryable } from "./database.js";
import { isoTime, toIso } from "./iso-time.js";
import { selectWithIsoTimes } from "./session-rows.js";
import type { AppSessionRecord, BrowserSession } from "./store-types.js";

export interface AppSessionRow
  extends Omit<AppSessionRecord, "browser_session" | "created_at" | "last_active" | "expires_at"> {
  browser_session: BrowserSession | string;
  // UTC wall time as text (appSelect), for isoTime
  created_at: string;
  last_active: string;
  expires_at: string;
}

const appColumns =
  "id, account, public_url, browser_session, application_user_id, endpoint_id, edge_id, route_id, created_at, last_active, expires_at";
export const appSelect = selectWithIsoTimes(appColumns, ["created_at", "last_active", "expires_at"]);

export function toAppSession(row: AppSessionRow): AppSessionRecord {
  const stored =
    typeof row.browser_session === "string"
      ? (JSON.parse(row.browser_session) as BrowserSession)
      : row.browser_session;
  // jsonb keeps keys in its own order; answer in the schema's
  const { user_agent: ua, location } = stored;
  return {
    ...row,
    created_at: new Date(isoTime(row.created_at)),
    last_active: new Date(isoTime(row.last_active)),
    expires_at: new Date(isoTime(row.expires_at)),
    browser_session: {
      user_agent: {
        raw: ua.raw,
        browser_name: ua.browser_name,
        browser_version: ua.browser_version,
        device_type: ua.device_type,
        os_name: ua.os_name,
        os_version: ua.os_version,
      },
      ip_address: stored.ip_address,
      location: {
        country_code: location.country_code,
        latitude: location.latitude,
        longitude: location.longitude,
        lat_long_radius_km: location.lat_long_radius_km,
      },
    },
  };
}

export async function insertAppSession(db: Queryable, record: AppSessionRecord): Promise<void> {
  await db.query(
    `INSERT INTO app_sessions (${appColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      record.id,
      record.account,
      record.public_url,
      JSON.stringify(record.browser_session),
      record.application_user_id,
      record.endpoint_id,
      record.edge_id,
      record.route_id,
      toIso(record.created_at),
      toIso(record.last_active),
      toIso(record.expires_at),
    ],
  );
}
