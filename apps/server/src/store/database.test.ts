import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { openDatabase } from "./database.js";

describe("openDatabase on a PGlite data directory", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "sessions-api-db-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test("refuses a directory another live process or this one holds, and takes over a stale lock", async () => {
    // pid 1 is always alive and never us
    writeFileSync(join(dataDir, "sessions-api.lock"), "1");
    await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by process 1/);
    writeFileSync(join(dataDir, "sessions-api.lock"), String(process.pid));
    await (await openDatabase({ dataDir })).close();
    writeFileSync(join(dataDir, "sessions-api.lock"), "999999999");
    const db = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toThrow(`in use by process ${process.pid}`);
    await db.close();
    const again = await openDatabase({ dataDir });
    expect(await again.query<{ one: number }>("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    await again.close();
  });
});
