import { describe, expect, test } from "vitest";

describe("@sessions-api/client inside the workspace", () => {
  test("resolves to its source under the @sessions-api/source condition, so tests need no build", async () => {
    const byName = await import("@sessions-api/client");
    const bySource = await import("../src/index.js");
    expect(byName.createSessionsClient).toBe(bySource.createSessionsClient);
    const username = await import("@sessions-api/client/username");
    expect(username.formatUsername).toBe((await import("../src/username.js")).formatUsername);
  });
});
