/**
 * The server's persistent state, over PGlite or PostgreSQL: a façade over the store's parts, each in a
 * module of its own: gateway sessions (`gateway-sessions.ts`), traffic reports (`traffic-writer.ts`),
 * sub-users (`subusers.ts`), application sessions (`app-sessions.ts`), the sandbox clock's offset
 * (`clock-offset.ts`), demo data (`seed.ts`) and PGlite's table upkeep (`store-upkeep.ts`). They share
 * the database and its read cache through `StoreAccess`. Every query takes the clock's `now` as a
 * parameter, so expiry, the 24 h audit window and the purge all follow the account's sandbox clock (the
 * purge, across accounts, each account's own).
 *
 * @example
 * const store = await SessionStore.open({ dataDir: ".data" });
 * const page = await store.listSessions({ account: "acct_demo", product: "residential", status: "active", limit: 50 }, new Date());
 * await store.close();
 */
import type { GatewayProduct, SessionDetail } from "@sessions-api/openapi";
import { AccountClocks, CLOCK_LIMIT_MS } from "./account-clocks.js";
import { resetAccount } from "./account-reset.js";
import { AppSessions } from "./app-sessions.js";
import { type Database, type OpenDatabaseOptions, openDatabase } from "./database.js";
import { GatewaySessions } from "./gateway-sessions.js";
import { IdempotencyKeys } from "./idempotency-keys.js";
import { auditCutoffOf } from "./iso-time.js";
import { migrate } from "./migrate.js";
import { ReadCache } from "./read-cache.js";
import { seedIfEmpty } from "./seed.js";
import { loadServerSecret } from "./server-secrets.js";
import { StoreAccess } from "./store-access.js";
import type {
  AppSessionRecord,
  ReadTime,
  SeedData,
  SessionListPage,
  SessionListQuery,
  TrafficInput,
  TrafficResult,
} from "./store-types.js";
import { StoreUpkeep } from "./store-upkeep.js";
import { Subusers } from "./subusers.js";
import { TrafficWriter } from "./traffic-writer.js";

export { listSessionsStatement } from "./gateway-sessions.js";
export { AUDIT_WINDOW_MS, isoTime } from "./iso-time.js";
export { SAMPLES_KEPT } from "./session-rows.js";
export type * from "./store-types.js";
export type { StoreTable } from "./store-upkeep.js";
export { reportToSessionsSql } from "./traffic-sql.js";

/** Options of `SessionStore.open`. */
export interface SessionStoreOptions extends OpenDatabaseOptions {
  /** Where the store's own upkeep of PGlite's tables reports a failure; default: a warning. */
  onBackgroundError?: (error: unknown) => void;
}

let memoryTemplate: Promise<Blob> | undefined;

// opens the database with its migrations applied, and the key list cursors are signed with
async function openMigrated(options: SessionStoreOptions): Promise<{ db: Database; cursorSecret: Buffer }> {
  const inMemory = options.databaseUrl === undefined && options.dataDir === undefined;
  const template = inMemory ? await memoryTemplate?.catch(() => undefined) : undefined;
  const db = await openDatabase(template === undefined ? options : { ...options, snapshot: template });
  try {
    await migrate(db);
    // the first in-memory store of the process leaves a snapshot of its empty, migrated cluster: later
    // ones load it in about a third of the time initdb takes (tests and sandboxes create many)
    if (inMemory && memoryTemplate === undefined && db.snapshot !== undefined) {
      memoryTemplate = db.snapshot();
      await memoryTemplate;
    }
    // after the snapshot: each in-memory store makes its own
    return { db, cursorSecret: await loadServerSecret(db, "cursor") };
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}

/**
 * The store of the reference server, over PGlite or PostgreSQL.
 *
 * @example
 * const store = await SessionStore.open({ databaseUrl: process.env.DATABASE_URL });
 * console.log(store.kind); // "postgres"
 */
export class SessionStore {
  private readonly access: StoreAccess;
  /** The sandbox test clock of each account. */
  readonly clocks: AccountClocks;
  /** The idempotency keys of sandbox writes. */
  readonly idempotencyKeys: IdempotencyKeys;
  private readonly sessions: GatewaySessions;
  private readonly traffic: TrafficWriter;
  private readonly subusers: Subusers;
  private readonly appSessions: AppSessions;

  private constructor(
    private readonly db: Database,
    private readonly upkeep: StoreUpkeep,
    /**
     * The key list cursors are signed with: the same for every instance over this database, and kept
     * across restarts.
     */
    readonly cursorSecret: Buffer,
  ) {
    // PGlite is this process's alone (its data directory is locked), so every write passes through here and
    // reads can be cached; over PostgreSQL other instances write, and every read goes to the database
    const cache = db.kind === "pglite" ? new ReadCache() : undefined;
    this.access = new StoreAccess(db, cache, upkeep);
    this.clocks = new AccountClocks(db);
    this.idempotencyKeys = new IdempotencyKeys(db);
    this.sessions = new GatewaySessions(this.access);
    this.traffic = new TrafficWriter(this.access);
    this.subusers = new Subusers(this.access);
    this.appSessions = new AppSessions(this.access);
  }

  /** Opens the database and applies pending migrations. */
  static async open(options: SessionStoreOptions = {}): Promise<SessionStore> {
    const { db, cursorSecret } = await openMigrated(options);
    const onBackgroundError =
      options.onBackgroundError ??
      ((error: unknown) => process.emitWarning(`sessions store: ${(error as Error)?.message ?? error}`));
    return new SessionStore(db, await StoreUpkeep.start(db, onBackgroundError), cursorSecret);
  }

  get kind(): "pglite" | "postgres" {
    return this.db.kind;
  }

  /** Waits until no background work of the store (an analysis, a vacuum) is running or due. */
  async idle(): Promise<void> {
    await this.upkeep.idle();
  }

  async close(): Promise<void> {
    try {
      await this.upkeep.stop();
    } finally {
      await this.db.close();
    }
  }

  /** Throws when the database cannot answer. */
  async ping(): Promise<void> {
    await this.db.query("SELECT 1");
  }

  /** Seconds the account's sandbox clock is ahead of real time (see `AccountClocks`). */
  clockOffsetSeconds(account: string): Promise<number> {
    return this.clocks.offsetSeconds(account);
  }

  /** Moves the account's sandbox clock forward, and no other's: see `AccountClocks.advance`. */
  advanceClock(
    account: string,
    seconds: number,
    maxOffsetSeconds = Number.MAX_SAFE_INTEGER,
  ): Promise<number | null> {
    return this.clocks.advance(account, seconds, maxOffsetSeconds);
  }

  /** See `Subusers.ensure`. */
  ensureSubuser(account: string, subuser: string, now: Date): Promise<void> {
    return this.subusers.ensure(account, subuser, now);
  }

  /** See `TrafficWriter.report`. */
  reportTraffic(input: TrafficInput): Promise<TrafficResult> {
    return this.traffic.report(input);
  }

  /** See `GatewaySessions.find`. */
  findSession(
    account: string,
    product: GatewayProduct,
    id: string,
    time: ReadTime,
  ): Promise<SessionDetail | null> {
    return this.sessions.find(account, product, id, time);
  }

  /** See `GatewaySessions.terminate`. */
  terminateSession(
    account: string,
    product: GatewayProduct,
    id: string,
    now: Date,
  ): Promise<SessionDetail | null> {
    return this.sessions.terminate(account, product, id, now);
  }

  /** See `GatewaySessions.list`. */
  listSessions(query: SessionListQuery, time: ReadTime): Promise<SessionListPage> {
    return this.sessions.list(query, time);
  }

  /**
   * Deletes what is past keeping, each account at its own time (real time `realNow` plus the account's
   * clock offset): sessions expired or terminated over 24 h ago, old application sessions.
   */
  async purge(realNow: Date): Promise<{ sessions: number; appSessions: number }> {
    // every account's time is real time or later: the indexes find the rows up to the furthest clock's
    // cutoff, and each is then held against its own account's
    const furthest = Math.min(
      realNow.getTime() + (await this.clocks.furthestOffsetSeconds()) * 1000,
      CLOCK_LIMIT_MS,
    );
    const cutoffs = { furthest: auditCutoffOf(new Date(furthest)), realNow };
    const sessions = await this.sessions.purgeBefore(cutoffs);
    const appSessions = await this.appSessions.purgeBefore(cutoffs);
    if (sessions + appSessions > 0) this.access.dropAllCachedReads();
    this.access.countRows("deleted", { gateway_sessions: sessions, app_sessions: appSessions });
    return { sessions, appSessions };
  }

  createAppSession(record: AppSessionRecord): Promise<AppSessionRecord> {
    return this.appSessions.create(record);
  }

  /** See `AppSessions.find`. */
  findAppSession(account: string, id: string, time: ReadTime): Promise<AppSessionRecord | null> {
    return this.appSessions.find(account, id, time);
  }

  /** See `AppSessions.isPagingAnchor`. */
  isPagingAnchor(account: string, id: string, time: ReadTime): Promise<boolean> {
    return this.appSessions.isPagingAnchor(account, id, time);
  }

  /** See `AppSessions.list`. */
  listAppSessions(
    account: string,
    options: { beforeId?: string; limit: number },
    time: ReadTime,
  ): Promise<{ sessions: AppSessionRecord[]; hasMore: boolean }> {
    return this.appSessions.list(account, options, time);
  }

  /** See `AppSessions.delete`. */
  deleteAppSession(account: string, id: string, now: Date): Promise<boolean> {
    return this.appSessions.delete(account, id, now);
  }

  /** See `AppSessions.touch`. */
  touchAppSession(account: string, id: string, now: Date): Promise<AppSessionRecord | null> {
    return this.appSessions.touch(account, id, now);
  }

  /** See `resetAccount` in `account-reset.ts`. */
  resetAccount(account: string, data: SeedData): Promise<void> {
    return resetAccount(this.access, this.clocks, account, data);
  }

  /** See `seedIfEmpty` in `seed.ts`. */
  seedIfEmpty(data: SeedData): Promise<boolean> {
    return seedIfEmpty(this.access, data);
  }
}
