// Sub-users belong to an account, and their ids are the account's own (migration 0006): two accounts may
// each have a sub-user of one id, and neither can tell that the other has one.
import { parseUsername } from "@sessions-api/username";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type StoreBackend, storeBackends } from "../../test/store-backends.js";
import type { Database } from "./database.js";
import { loadMigrations, migrate } from "./migrate.js";
import type { SessionStore } from "./session-store.js";

const t0 = Date.parse("2026-05-28T07:00:00.000Z");
const at = (seconds: number) => new Date(t0 + seconds * 1000);
const unique = () => Math.random().toString(36).slice(2, 8);

async function insertSession(db: Database, id: string, account: string, subuser: string): Promise<void> {
  await db.query(
    `INSERT INTO gateway_sessions (id, account, product, username, subuser, session_id, region, asn, exit_ip,
       started_at, expires_at)
     VALUES ($1, $2, 'residential', $3, $4, 'job1', 'us', 7922, '192.0.2.1', $5, $6)`,
    [
      id,
      account,
      `user-${subuser}-region-us-session-job1-sesstime-60`,
      subuser,
      at(0).toISOString(),
      at(3600).toISOString(),
    ],
  );
}

describe.each(storeBackends().map((make) => [make().name, make] as const))(
  "migration 0006 on %s",
  (_, make) => {
    let backend: StoreBackend;
    let db: Database;
    beforeAll(async () => {
      backend = make();
      db = await backend.raw();
    });
    afterAll(async () => {
      await db?.close();
      await backend?.dispose();
    });

    test("keeps every sub-user and session, and keys sub-users by account and id", async () => {
      const migrations = await loadMigrations();
      const before = migrations.filter((migration) => migration.version < 6);
      await migrate(db, before);
      await db.query(
        `INSERT INTO subusers (id, account, created_at)
         VALUES ('sub_alpha', 'acct_one', $1), ('sub_beta', 'acct_two', $1)`,
        [at(0).toISOString()],
      );
      await insertSession(db, "ses_one", "acct_one", "sub_alpha");
      await insertSession(db, "ses_two", "acct_two", "sub_beta");
      // up to 0006 only: the migrations after it are not this test's
      const through6 = migrations.filter((migration) => migration.version <= 6);
      expect(await migrate(db, through6)).toEqual(["0006-subusers-per-account"]);

      const subusers = await db.query<{ account: string; id: string }>(
        "SELECT account, id FROM subusers ORDER BY account, id",
      );
      expect(subusers).toEqual([
        { account: "acct_one", id: "sub_alpha" },
        { account: "acct_two", id: "sub_beta" },
      ]);
      const sessions = await db.query<{ id: string; account: string; subuser: string }>(
        "SELECT id, account, subuser FROM gateway_sessions ORDER BY id",
      );
      expect(sessions).toEqual([
        { id: "ses_one", account: "acct_one", subuser: "sub_alpha" },
        { id: "ses_two", account: "acct_two", subuser: "sub_beta" },
      ]);

      // another account may now have a sub-user of the same id, and a session of it
      await db.query("INSERT INTO subusers (id, account, created_at) VALUES ('sub_alpha', 'acct_two', $1)", [
        at(1).toISOString(),
      ]);
      await insertSession(db, "ses_three", "acct_two", "sub_alpha");
      // but a session still needs a sub-user of its own account
      await expect(insertSession(db, "ses_four", "acct_one", "sub_beta")).rejects.toThrow(/foreign key/);
      await expect(
        db.query("INSERT INTO subusers (id, account, created_at) VALUES ('sub_alpha', 'acct_one', $1)", [
          at(2).toISOString(),
        ]),
      ).rejects.toThrow(/duplicate key/);
    });
  },
);

describe.each(storeBackends().map((make) => [make().name, make] as const))(
  "sub-users of a SessionStore on %s",
  (_, make) => {
    let backend: StoreBackend;
    let store: SessionStore;
    beforeAll(async () => {
      backend = make();
      store = await backend.open();
    });
    afterAll(async () => {
      await store?.close();
      await backend?.dispose();
    });

    test("two accounts each get a sub-user of one id on first use, with sessions of their own", async () => {
      const [mine, theirs] = [`acct_mine_${unique()}`, `acct_theirs_${unique()}`];
      const subuser = `sub_shared${unique()}`;
      const username = `user-${subuser}-region-us-session-job1-sesstime-30`;
      const report = async (account: string) => {
        await store.ensureSubuser(account, subuser, at(0));
        return store.reportTraffic({
          account,
          product: "residential",
          username,
          parsed: parseUsername(username),
          requests: [
            {
              method: "GET",
              target_host: "a.example",
              target_port: 443,
              status_code: 200,
              bytes: 1,
              duration_ms: 1,
            },
          ],
          reassignExitIp: false,
          now: at(0),
        });
      };
      const first = await report(theirs);
      const second = await report(mine);
      expect([first.created, second.created]).toEqual([true, true]);
      expect(second.session.id).not.toBe(first.session.id);
      // a second use creates nothing
      await store.ensureSubuser(mine, subuser, at(1));
      for (const [account, session] of [
        [mine, second.session.id],
        [theirs, first.session.id],
      ] as const) {
        const page = await store.listSessions(
          { account, product: "residential", subuser, status: "all", limit: 10 },
          at(1),
        );
        expect(page.sessions.map((s) => s.id)).toEqual([session]);
      }
    });
  },
);
