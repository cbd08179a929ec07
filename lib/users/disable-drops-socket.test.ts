// Disabling an account from staff administration drops the user's live Socket.IO connection at once
// (disableUser publishes access:changed; the socket layer drops the connection).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { createUserWithToken } from "@/test/support/principals";
import { startSocketHarness, type SocketHarness } from "@/test/support/socket-harness";
import { disableUser } from "./user-admin";

describe("disable drops the live socket on pglite", () => {
  let db: TestDatabase;
  let harness: SocketHarness;
  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    setDatabase(db);
    harness = await startSocketHarness();
  });
  afterAll(async () => {
    await harness?.close();
    await db?.destroy();
  });

  it("disconnects a disabled nurse's socket within a second, and refuses her next connection", async () => {
    const { user, token } = await createUserWithToken(db.prisma, "nurse");
    const client = await harness.connect(token);
    const dropped = new Promise<number>((resolve) => {
      const t0 = Date.now();
      client.once("disconnect", () => resolve(Date.now() - t0));
    });
    await disableUser(user.id, { actor: { email: "test" } });
    expect(await dropped).toBeLessThan(1000);
    await expect(harness.connect(token)).rejects.toBeTruthy();
  });
});
