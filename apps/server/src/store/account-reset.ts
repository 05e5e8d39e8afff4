/**
 * A sandbox reset of one account: its gateway and application sessions deleted, its test clock back at
 * real time and its seed data written again, in one transaction, and no other account touched. Its
 * sub-users stay (sub-users are never deleted, and no answer shows them: see `Subusers`).
 *
 * @example
 * await resetAccount(access, clocks, "acct_demo", demoDataOfTheAccount);
 */
import type { AccountClocks } from "./account-clocks.js";
import { insertSeedData } from "./seed.js";
import type { StoreAccess } from "./store-access.js";
import type { SeedData } from "./store-types.js";

/**
 * Puts `account` back as a fresh store seeded with `data` (the account's own part of it) has it.
 *
 * @throws {Error} when `data` names another account: a reset writes to its own account only.
 */
export async function resetAccount(
  access: StoreAccess,
  clocks: AccountClocks,
  account: string,
  data: SeedData,
): Promise<void> {
  const others = [...data.subusers, ...data.sessions, ...data.appSessions].filter(
    (item) => item.account !== account,
  );
  if (others.length > 0) throw new Error(`A reset of ${account} was given data of ${others[0]?.account}`);
  const deleted = await access.writeForAccounts(
    [account],
    { gateway_sessions: data.sessions.length, app_sessions: data.appSessions.length },
    () =>
      access.db.transaction(async (tx) => {
        const sessions = await tx.query("DELETE FROM gateway_sessions WHERE account = $1 RETURNING 1", [
          account,
        ]);
        const appSessions = await tx.query("DELETE FROM app_sessions WHERE account = $1 RETURNING 1", [
          account,
        ]);
        await clocks.reset(tx, account);
        await insertSeedData(tx, data);
        return { gateway_sessions: sessions.length, app_sessions: appSessions.length };
      }),
  );
  access.countRows("deleted", deleted);
}
