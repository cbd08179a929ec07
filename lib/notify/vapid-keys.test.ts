import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createUserWithToken } from "@/test/support/principals";
import { ensureVapidKeys } from "./vapid-keys";
import { listSubscriptions, saveSubscription } from "./push-subscriptions";

describe.each(testDatabaseKinds)("VAPID keys on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it("are generated once, kept with the private key sealed, and read back the same", async () => {
    const first = await ensureVapidKeys(db.sql);
    expect(Buffer.from(first.publicKey, "base64url")).toHaveLength(65);
    expect(Buffer.from(first.privateKey, "base64url")).toHaveLength(32);
    const [row] = await db.sql.query<{ public_key: string; sealed_key: string }>(`SELECT public_key, sealed_key FROM server_keys`);
    expect(row!.public_key).toBe(first.publicKey);
    expect(row!.sealed_key).not.toContain(first.privateKey);
    expect(await ensureVapidKeys(db.sql)).toEqual(first);
  });

  it("are replaced when the sealed key cannot be opened, and the old subscriptions are dropped", async () => {
    const before = await ensureVapidKeys(db.sql);
    const { user } = await createUserWithToken(db.prisma, "patient");
    await saveSubscription(
      db.sql,
      user.id,
      {
        endpoint: "https://fcm.googleapis.com/fcm/send/x",
        keys: { p256dh: Buffer.alloc(65, 4).toString("base64url"), auth: Buffer.alloc(16).toString("base64url") },
      },
      null,
    );
    await db.sql.query(`UPDATE server_keys SET sealed_key = 'v1.AAAA.BBBB.CCCC'`);
    const after = await ensureVapidKeys(db.sql);
    expect(after.publicKey).not.toBe(before.publicKey);
    expect(await listSubscriptions(db.sql, [user.id])).toEqual([]);
  });
});
