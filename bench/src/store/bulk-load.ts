/**
 * Bulk loader for the store-scale benchmark: writes live gateway sessions straight into the server's
 * schema with one `generate_series` statement, because a million sandbox traffic reports would take
 * longer than the whole benchmark budget. It is written against migration 0001 of apps/server and checks
 * the schema first: if a migration changes the tables under it, it stops with an error naming the change.
 *
 * @example
 * const loaded = await bulkLoadSessions(sql, { account: "acct_bench", sessions: 1_000_000 });
 * console.log(loaded.seconds);
 */

/** Anything that runs SQL: a PGlite instance or a `pg` client, wrapped by the caller. */
export interface SqlRunner {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** The shape of the synthetic data, shared with the queries that read it back. */
export const dataset = {
  subusers: 1000,
  regions: [
    "us",
    "de",
    "gb",
    "fr",
    "nl",
    "ca",
    "br",
    "in",
    "jp",
    "au",
    "es",
    "it",
    "pl",
    "se",
    "mx",
    "kr",
    "tr",
    "ua",
    "za",
    "sg",
  ],
  asnsPerRegion: 5,
  /** One session in this many is repinned: the rare filter. */
  repinnedEvery: 1000,
  /** One session in this many is `mobile`; the rest are `residential`. */
  mobileEvery: 10,
  /** Sessions start this many milliseconds apart, newest first, so every `started_at` is distinct. */
  spacingMs: 40,
} as const;

/** The sub-user id of index `i` (0-based), as the loader names them. */
export function subuserId(i: number): string {
  return `sub_bench${String(i).padStart(4, "0")}`;
}

/** The ASN of region index `r` and ASN index `k` (each region has its own ASNs, as real ones do). */
export function asnOf(regionIndex: number, asnIndex: number): number {
  return 64_512 + regionIndex * 10 + asnIndex;
}

export interface BulkLoadOptions {
  account: string;
  sessions: number;
}

export interface BulkLoadResult {
  sessions: number;
  /** Wall time of the inserts, the index rebuild and the settling. */
  seconds: number;
  insertSeconds: number;
  indexSeconds: number;
  /** VACUUM (ANALYZE) of the loaded tables and a CHECKPOINT. */
  settleSeconds: number;
  /** Whether the CHECKPOINT ran (the role may lack pg_checkpoint). */
  checkpointed: boolean;
}

// what the loader writes; every other column must have a default or be nullable
const expectedColumns: Record<string, string[]> = {
  subusers: ["id:text:NO", "account:text:NO", "created_at:timestamp with time zone:NO"],
  gateway_sessions: [
    "id:text:NO",
    "account:text:NO",
    "product:text:NO",
    "username:text:NO",
    "subuser:text:NO",
    "session_id:text:NO",
    "region:text:NO",
    "state:text:YES",
    "city:text:YES",
    "asn:bigint:NO",
    "exit_ip:text:NO",
    "started_at:timestamp with time zone:NO",
    "expires_at:timestamp with time zone:NO",
    "bytes_used:bigint:NO",
    "requests:bigint:NO",
    "repinned:boolean:NO",
    "terminated_at:timestamp with time zone:YES",
    // left at its default: the loaded sessions have no samples (lists do not show them)
    "samples:jsonb:NO",
  ],
};
// 4 added store_upkeep, which the loader leaves empty: it vacuums and analyzes what it loads, so the
// store's upkeep counts rightly start from zero. 5 added server_secrets, which the store fills itself.
// 6 keyed sub-users by (account, id): the loader's sub-users are the loaded account's. 7 gave each
// account its own clock (account_clocks), which the loader leaves empty: the loaded account is at real
// time. 8 added idempotency_keys, which only sandbox writes fill. 9 added rate_limit_buckets, which only
// requests fill
const expectedMigration = 9;

/**
 * Fails with a precise message unless the store holds exactly the schema this loader was written for.
 *
 * @example
 * await assertSchema(sql); // throws "bench bulk loader: gateway_sessions columns changed ..."
 */
export async function assertSchema(sql: SqlRunner): Promise<void> {
  const versions = await sql.query<{ version: number }>(
    "SELECT version FROM schema_migrations ORDER BY version",
  );
  const latest = Number(versions.at(-1)?.version ?? 0);
  if (latest !== expectedMigration) {
    throw new Error(
      `bench bulk loader: the store is at migration ${latest}, the loader was written for ${expectedMigration}. ` +
        "Read apps/server/src/store/migrations and update bench/src/store/bulk-load.ts.",
    );
  }
  for (const [table, expected] of Object.entries(expectedColumns)) {
    const rows = await sql.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_name = $1 AND table_schema = current_schema() ORDER BY ordinal_position`,
      [table],
    );
    const actual = rows.map((row) => `${row.column_name}:${row.data_type}:${row.is_nullable}`);
    if (actual.join(",") !== expected.join(",")) {
      throw new Error(
        `bench bulk loader: ${table} columns changed.\n  expected ${expected.join(", ")}\n  actual   ${actual.join(", ")}\n` +
          "Update bench/src/store/bulk-load.ts to the new schema.",
      );
    }
  }
}

/**
 * Loads `sessions` live gateway sessions (and their sub-users) into `account`. Secondary indexes of
 * gateway_sessions are dropped for the insert and rebuilt from their own definitions afterwards, which
 * is several times faster than maintaining nine indexes row by row.
 *
 * @example
 * await bulkLoadSessions(sql, { account: "acct_bench", sessions: 20_000 });
 */
export async function bulkLoadSessions(sql: SqlRunner, options: BulkLoadOptions): Promise<BulkLoadResult> {
  await assertSchema(sql);
  const started = performance.now();
  const { account, sessions } = options;
  const regions = `ARRAY[${dataset.regions.map((r) => `'${r}'`).join(",")}]::text[]`;
  const regionCount = dataset.regions.length;

  await sql.query(
    `INSERT INTO subusers (id, account, created_at)
     SELECT 'sub_bench' || lpad(i::text, 4, '0'), $1, now() - interval '30 days'
     FROM generate_series(0, $2::int - 1) AS i
     ON CONFLICT (account, id) DO NOTHING`,
    [account, dataset.subusers],
  );

  const indexes = await sql.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes
     WHERE tablename = 'gateway_sessions' AND schemaname = current_schema() AND indexname <> 'gateway_sessions_pkey'`,
  );
  for (const index of indexes) await sql.query(`DROP INDEX ${index.indexname}`);

  const insertStart = performance.now();
  // region by g*7, sub-user by g, product and repinned by other functions of g: the attributes are
  // uncorrelated, so every sub-user has sessions in every region and the rare repinned ones are spread out
  await sql.query(
    `INSERT INTO gateway_sessions (id, account, product, username, subuser, session_id, region, state, city, asn,
       exit_ip, started_at, expires_at, bytes_used, requests, repinned, terminated_at)
     SELECT
       'ses_' || lpad(upper(to_hex(g)), 12, '0'),
       $1,
       CASE WHEN (g / 7) % ${dataset.mobileEvery} = 0 THEN 'mobile' ELSE 'residential' END,
       'user-' || sub || '-region-' || region || '-asn-' || asn || '-session-' || sid || '-sesstime-1440',
       sub, sid, region, NULL, NULL, asn,
       '10.' || ((g >> 16) & 255) || '.' || ((g >> 8) & 255) || '.' || (g & 255),
       started, started + interval '1440 minutes',
       (g % 1000003) * 1024, g % 997 + 1,
       ((g::bigint * 2654435761) % 1000003) % ${dataset.repinnedEvery} = 0,
       NULL
     FROM (
       SELECT g,
         'sub_bench' || lpad((g % ${dataset.subusers})::text, 4, '0') AS sub,
         'job' || (g % 5000) AS sid,
         (${regions})[((g * 7) % ${regionCount}) + 1] AS region,
         64512 + ((g * 7) % ${regionCount}) * 10 + ((g / ${regionCount}) % ${dataset.asnsPerRegion}) AS asn,
         now() - make_interval(secs => g * ${dataset.spacingMs / 1000}) AS started
       FROM generate_series(1, $2::int) AS g
     ) AS rows`,
    [account, sessions],
  );
  const insertSeconds = (performance.now() - insertStart) / 1000;

  const indexStart = performance.now();
  // index builds sort a million rows each: in memory rather than in temporary files
  await sql.query("SET maintenance_work_mem = '256MB'");
  for (const index of indexes) await sql.query(index.indexdef);
  await sql.query("RESET maintenance_work_mem");
  const indexSeconds = (performance.now() - indexStart) / 1000;

  // A million-row load leaves maintenance behind: autovacuum's vacuum of a table that grew by a million
  // inserts, and a checkpoint of the gigabytes of WAL the load and the index builds wrote, spread over
  // minutes. Done here, so that the measured queries run on a store at rest, as a store that grew to
  // this size over time would be, instead of sharing two cores with that work.
  const settleStart = performance.now();
  await sql.query("VACUUM (ANALYZE) gateway_sessions");
  await sql.query("VACUUM (ANALYZE) subusers");
  const checkpointed = await sql.query("CHECKPOINT").then(
    () => true,
    (error: unknown) => {
      // a role without pg_checkpoint (a DATABASE_URL the benchmark did not set up): measured as it is
      if ((error as { code?: unknown }).code !== "42501") throw error;
      return false;
    },
  );
  const settleSeconds = (performance.now() - settleStart) / 1000;

  return {
    sessions,
    seconds: (performance.now() - started) / 1000,
    insertSeconds,
    indexSeconds,
    settleSeconds,
    checkpointed,
  };
}
