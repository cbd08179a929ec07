import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { listRejections } from "./list-rejections";

describe.each(testDatabaseKinds)("quarantine export on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    await db.sql.query(
      `INSERT INTO ingest_rejections (device_id, transport, reason, payload) SELECT 'dev-1', 'http', 'r' || g, '' FROM generate_series(1, 25) g`,
    );
  });
  afterAll(async () => db?.destroy());

  it("sorts ids numerically (25, 24, … 10, 9, … 1), so paging by beforeId neither skips nor repeats a row", async () => {
    const seen: string[] = [];
    let beforeId: string | undefined;
    for (let page = 0; page < 10; page++) {
      const r = await listRejections({ limit: 4, beforeId });
      seen.push(...r.rejections.map((x) => x.id));
      if (!r.nextBeforeId) break;
      beforeId = r.nextBeforeId;
    }
    const ids = (await db.sql.query<{ id: string }>(`SELECT id::text AS id FROM ingest_rejections`)).map((r) => Number(r.id));
    expect(seen.map(Number)).toEqual([...ids].sort((a, b) => b - a));
    expect(seen).toHaveLength(25);
  });
});
