// Named statements (QueryOptions.prepared): PostgreSQL keeps them per connection and answers like the
// unnamed form; PGlite ignores the name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";

describe.each(testDatabaseKinds)("named statements on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db.destroy());

  it("answer as the unnamed statement does, with new parameters each time", async () => {
    for (const n of [1, 2, 3, 7]) {
      const rows = await db.sql.query<{ n: number; s: string }>(`SELECT $1::int * 2 AS n, $2::text AS s`, [n, `v${n}`], {
        prepared: "test_double",
      });
      expect(rows).toEqual([{ n: n * 2, s: `v${n}` }]);
    }
  });

  it("are prepared once on the connection that ran them (PostgreSQL), inside a transaction too", async () => {
    const names = await db.sql.transaction(async (tx) => {
      await tx.query(`SELECT $1::int + 1 AS n`, [1], { prepared: "test_probe" });
      expect(await tx.query(`SELECT $1::int + 1 AS n`, [41], { prepared: "test_probe" })).toEqual([{ n: 42 }]);
      return (await tx.query<{ name: string }>(`SELECT name FROM pg_prepared_statements WHERE name = 'test_probe'`)).map((r) => r.name);
    });
    expect(names).toEqual(kind === "postgres" ? ["test_probe"] : []);
  });
});
