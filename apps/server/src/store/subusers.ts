/**
 * Sub-users, created the first time a username names them. Sub-user ids are per account (migration
 * 0006): another account's sub-user of the same id is another sub-user.
 */
import { toIso } from "./iso-time.js";
import type { StoreAccess } from "./store-access.js";

/** How many sub-users a store remembers to exist before it starts over. */
const SUBUSERS_KEPT = 100_000;

/**
 * The sub-users of a store.
 *
 * @example
 * await subusers.ensure("acct_demo", "sub_acme", now);
 */
export class Subusers {
  // sub-users are never deleted, over either database, so each instance creates each one at most once
  private readonly known = new Set<string>();

  constructor(private readonly access: StoreAccess) {}

  /** Creates the account's sub-user of that id unless it has one already. */
  async ensure(account: string, subuser: string, now: Date): Promise<void> {
    const key = `${account}\n${subuser}`;
    if (this.known.has(key)) return;
    const inserted = await this.access.db.query(
      `INSERT INTO subusers (id, account, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (account, id) DO NOTHING RETURNING id`,
      [subuser, account, toIso(now)],
    );
    this.access.countRows("inserted", { subusers: inserted.length });
    if (this.known.size >= SUBUSERS_KEPT) this.known.clear();
    this.known.add(key);
  }
}
