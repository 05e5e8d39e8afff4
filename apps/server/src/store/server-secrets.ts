/**
 * Secrets of the server kept in its database (`server_secrets`, migration 0005): made once, by whichever
 * instance first needs one, and read by every instance over that database from then on.
 *
 * @example
 * const cursorSecret = await loadServerSecret(db, "cursor");
 */
import { randomBytes } from "node:crypto";
import type { Queryable } from "./database.js";

/**
 * The secret of that name, made (32 random bytes) if the database has none yet.
 *
 * @example
 * createHmac("sha256", await loadServerSecret(db, "cursor"));
 */
export async function loadServerSecret(db: Queryable, name: string): Promise<Buffer> {
  await db.query("INSERT INTO server_secrets (name, secret) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING", [
    name,
    randomBytes(32).toString("base64"),
  ]);
  // a statement of its own: it sees the secret of an instance whose insert won over this one's
  const [row] = await db.query<{ secret: string }>("SELECT secret FROM server_secrets WHERE name = $1", [
    name,
  ]);
  if (row === undefined) throw new Error(`The server secret ${name} could not be stored.`);
  return Buffer.from(row.secret, "base64");
}
