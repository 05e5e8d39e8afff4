/**
 * Idempotency keys of sandbox writes, kept in the database (`idempotency_keys`, migration 0008) so that
 * every instance over one database agrees on them: a key is claimed before its request runs, and the
 * answer is kept once there is one. Times are real time: the sandbox test clocks do not move keys.
 *
 * @example
 * const keys = new IdempotencyKeys(db);
 * const claim = await keys.claim({ apiKeyDigest, key: "k1", fingerprint, now: new Date() });
 * if (claim.kind === "claimed") await keys.complete(apiKeyDigest, "k1", answer);
 */
import type { Queryable } from "./database.js";

/** How long a key is kept (and its answer replayed): 24 hours. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** How long a claim holds without an answer before it counts as abandoned (its instance stopped). */
export const CLAIM_HOLD_MS = 60_000;

/** An answer as kept for replay. */
export interface KeptAnswer {
  status: number;
  headers: Record<string, string>;
  /** The body's text, or null for none (204). */
  body: string | null;
}

/** What claiming a key found. */
export type Claim =
  | { kind: "claimed" }
  | { kind: "replay"; answer: KeptAnswer }
  | { kind: "in_flight" }
  | { kind: "reused" };

interface KeyRow {
  fingerprint: string;
  status: number | null;
  headers: Record<string, string> | string | null;
  body: string | null;
}

/** The idempotency keys of a store. */
export class IdempotencyKeys {
  constructor(private readonly db: Queryable) {}

  /**
   * Claims a key for a request (its `fingerprint`), unless another request holds it: a key never seen,
   * one older than 24 hours, or an abandoned claim of the same request is claimed; otherwise the kept
   * answer, a claim still running, or a key of another request.
   */
  async claim(request: {
    apiKeyDigest: string;
    key: string;
    fingerprint: string;
    now: Date;
  }): Promise<Claim> {
    const { apiKeyDigest, key, fingerprint, now } = request;
    const [claimed] = await this.db.query(
      `INSERT INTO idempotency_keys AS k (api_key_digest, idempotency_key, fingerprint, created_at, locked_until)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (api_key_digest, idempotency_key) DO UPDATE SET fingerprint = excluded.fingerprint,
         created_at = excluded.created_at, locked_until = excluded.locked_until,
         status = NULL, headers = NULL, body = NULL
       WHERE k.created_at <= $6
         OR (k.status IS NULL AND k.locked_until <= $4 AND k.fingerprint = excluded.fingerprint)
       RETURNING 1`,
      [
        apiKeyDigest,
        key,
        fingerprint,
        now.toISOString(),
        new Date(now.getTime() + CLAIM_HOLD_MS).toISOString(),
        new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString(),
      ],
    );
    if (claimed !== undefined) return { kind: "claimed" };
    const [row] = await this.db.query<KeyRow>(
      `SELECT fingerprint, status, headers, body FROM idempotency_keys
       WHERE api_key_digest = $1 AND idempotency_key = $2`,
      [apiKeyDigest, key],
    );
    // purged between the two statements: the request that holds it has not answered yet, as far as
    // this one can tell, and a retry claims it
    if (row === undefined) return { kind: "in_flight" };
    if (row.fingerprint !== fingerprint) return { kind: "reused" };
    if (row.status === null) return { kind: "in_flight" };
    const headers = typeof row.headers === "string" ? JSON.parse(row.headers) : (row.headers ?? {});
    return { kind: "replay", answer: { status: Number(row.status), headers, body: row.body } };
  }

  /** Keeps the answer of a claimed key, for replay. */
  async complete(apiKeyDigest: string, key: string, answer: KeptAnswer): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET status = $3, headers = $4, body = $5
       WHERE api_key_digest = $1 AND idempotency_key = $2`,
      [apiKeyDigest, key, answer.status, JSON.stringify(answer.headers), answer.body],
    );
  }

  /** Gives up a claim whose request has no answer to keep (it failed): a retry runs it. */
  async release(apiKeyDigest: string, key: string): Promise<void> {
    await this.db.query(
      "DELETE FROM idempotency_keys WHERE api_key_digest = $1 AND idempotency_key = $2 AND status IS NULL",
      [apiKeyDigest, key],
    );
  }

  /** Deletes the keys older than 24 hours at real time `now`; how many. */
  async purge(now: Date): Promise<number> {
    const rows = await this.db.query("DELETE FROM idempotency_keys WHERE created_at <= $1 RETURNING 1", [
      new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString(),
    ]);
    return rows.length;
  }
}
