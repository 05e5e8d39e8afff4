/**
 * Application sessions: created, read, listed newest first by id, touched and deleted per account; a
 * deleted or expired one anchors paging for the rest of its audit window.
 */
import { type PurgeCutoffs, sqlAccountCutoff, sqlReadTimes } from "./account-clocks.js";
import { type AppSessionRow, appSelect, insertAppSession, toAppSession } from "./app-session-rows.js";
import { toIso } from "./iso-time.js";
import { earliestOf } from "./session-rows.js";
import type { StoreAccess } from "./store-access.js";
import type { AppSessionRecord, ReadTime } from "./store-types.js";

/**
 * The application sessions of a store.
 *
 * @example
 * const record = await appSessions.find("acct_demo", "as_01HX...", now);
 */
export class AppSessions {
  constructor(private readonly access: StoreAccess) {}

  async create(record: AppSessionRecord): Promise<AppSessionRecord> {
    await this.access.writeForAccounts([record.account], { app_sessions: 1 }, () =>
      insertAppSession(this.access.db, record),
    );
    return record;
  }

  /** A live (not deleted, not expired) application session of the account, or null. */
  async find(account: string, id: string, time: ReadTime): Promise<AppSessionRecord | null> {
    return this.access.readThroughCache(account, `app session ${id}`, { kind: "account" }, time, async () => {
      const params: unknown[] = [id, account];
      const times = sqlReadTimes(time, "$2", (value) => `$${params.push(value)}`);
      const [row] = await this.access.db.query<AppSessionRow>(
        `SELECT ${appSelect} FROM app_sessions
         WHERE id = $1 AND account = $2 AND deleted_at IS NULL AND expires_at > ${times.now()}`,
        params,
      );
      const record = row === undefined ? null : toAppSession(row);
      return { value: record, validUntil: () => record?.expires_at.getTime() ?? -Infinity, rows: 1 };
    });
  }

  /**
   * Whether `id` may anchor paging for the account: any of its application sessions not yet purged,
   * including ones deleted or expired in the last 24 hours.
   */
  async isPagingAnchor(account: string, id: string, time: ReadTime): Promise<boolean> {
    const params: unknown[] = [id, account];
    const cutoff = sqlReadTimes(time, "$2", (value) => `$${params.push(value)}`).cutoff();
    const rows = await this.access.db.query(
      `SELECT 1 FROM app_sessions WHERE id = $1 AND account = $2
       AND (deleted_at IS NULL OR deleted_at > ${cutoff}) AND expires_at > ${cutoff}`,
      params,
    );
    return rows.length > 0;
  }

  /** Live application sessions of the account, newest first, older than `beforeId` when given. */
  async list(
    account: string,
    options: { beforeId?: string; limit: number },
    time: ReadTime,
  ): Promise<{ sessions: AppSessionRecord[]; hasMore: boolean }> {
    const params: unknown[] = [account];
    const now = sqlReadTimes(time, "$1", (value) => `$${params.push(value)}`).now();
    let before = "";
    if (options.beforeId !== undefined) {
      params.push(options.beforeId);
      before = `AND id < $${params.length}`;
    }
    params.push(options.limit + 1);
    const key = `app sessions ${options.beforeId ?? ""} ${options.limit}`;
    return this.access.readThroughCache(account, key, { kind: "account" }, time, async () => {
      const rows = await this.access.db.query<AppSessionRow>(
        `SELECT ${appSelect} FROM app_sessions
         WHERE account = $1 AND deleted_at IS NULL AND expires_at > ${now} ${before}
         ORDER BY id DESC LIMIT $${params.length}`,
        params,
      );
      const records = rows.map(toAppSession);
      return {
        value: { sessions: records.slice(0, options.limit), hasMore: rows.length > options.limit },
        validUntil: () => earliestOf(records.map((record) => record.expires_at.getTime())),
        rows: options.limit + 1,
      };
    });
  }

  /** Deletes a live application session; false when there was none to delete. */
  async delete(account: string, id: string, now: Date): Promise<boolean> {
    const rows = await this.access.writeForAccounts([account], {}, () =>
      this.access.db.query(
        `UPDATE app_sessions SET deleted_at = $3
         WHERE id = $1 AND account = $2 AND deleted_at IS NULL AND expires_at > $3 RETURNING id`,
        [id, account, toIso(now)],
      ),
    );
    return rows.length > 0;
  }

  /** Sets `last_active` of a live application session to now; null when there is none. */
  async touch(account: string, id: string, now: Date): Promise<AppSessionRecord | null> {
    const [row] = await this.access.writeForAccounts([account], {}, () =>
      this.access.db.query<AppSessionRow>(
        `UPDATE app_sessions SET last_active = $3
         WHERE id = $1 AND account = $2 AND deleted_at IS NULL AND expires_at > $3 RETURNING ${appSelect}`,
        [id, account, toIso(now)],
      ),
    );
    return row === undefined ? null : toAppSession(row);
  }

  /**
   * Deletes those deleted or expired over 24 h before their account's time; how many. The caller drops
   * cached reads.
   */
  async purgeBefore({ furthest, realNow }: PurgeCutoffs): Promise<number> {
    const cutoff = sqlAccountCutoff("a.account", "$2");
    const rows = await this.access.db.query(
      `DELETE FROM app_sessions a
       WHERE (deleted_at <= $1 OR expires_at <= $1) AND (deleted_at <= ${cutoff} OR expires_at <= ${cutoff})
       RETURNING id`,
      [furthest, realNow.toISOString()],
    );
    return rows.length;
  }
}
