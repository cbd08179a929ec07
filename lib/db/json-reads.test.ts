// Reads issued together go as one statement, each query's rows intact and in order, as JSON values, on
// both databases; a failing statement fails every read of its batch, and a later read goes in a new one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import type { Sql } from "./sql";
import { batchedJsonReads, combineAsJson } from "./json-reads";

describe("combineAsJson", () => {
  it("renumbers each statement's placeholders after the ones before it", () => {
    const c = combineAsJson([
      { text: "SELECT $1::int AS a, $2::text AS b", params: [1, "x"] },
      { text: "SELECT $1::int AS a WHERE $2::bool", params: [2, true] },
    ]);
    expect(c.text).toContain("FROM (SELECT $1::int AS a, $2::text AS b) t) AS r0");
    expect(c.text).toContain("FROM (SELECT $3::int AS a WHERE $4::bool) t) AS r1");
    expect(c.params).toEqual([1, "x", 2, true]);
  });
});

describe.each(testDatabaseKinds)("batchedJsonReads on %s", (kind) => {
  let db: TestDatabase;
  let statements: string[];
  let counting: Pick<Sql, "query">;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    counting = {
      query: (text, params) => {
        statements.push(text);
        return db.sql.query(text, params);
      },
    };
  });
  afterAll(async () => db?.destroy());

  it("sends the reads of one turn as one statement and gives each its rows, in order, as JSON values", async () => {
    statements = [];
    const q = batchedJsonReads(counting);
    const at = new Date("2026-12-04T10:00:00.000Z");
    const [series, one, none] = await Promise.all([
      q.query<{ n: unknown; at: unknown }>(
        `SELECT g AS n, $1::timestamptz + g * interval '1 hour' AS at FROM generate_series(1, $2::int) g ORDER BY g DESC`,
        [at, 5],
      ),
      q.query<{ avg: unknown; count: unknown; label: unknown }>(
        `SELECT round(avg(v)::numeric, 1) AS avg, count(*) AS count, $1::text AS label FROM unnest(ARRAY[1.25, 2.5]) v`,
        ["x"],
      ),
      q.query(`SELECT 1 AS n WHERE false`),
    ]);
    expect(statements).toHaveLength(1);
    expect(series.map((r) => r.n)).toEqual([5, 4, 3, 2, 1]);
    expect(new Date(String(series[0]?.at)).toISOString()).toBe("2026-12-04T15:00:00.000Z");
    expect(one).toEqual([{ avg: 1.9, count: 2, label: "x" }]);
    expect(none).toEqual([]);
  });

  it("runs a read issued after an await in a statement of its own", async () => {
    statements = [];
    const q = batchedJsonReads(counting);
    const [first] = await q.query<{ n: number }>(`SELECT 1 AS n`);
    const [second] = await q.query<{ n: number }>(`SELECT $1::int + 1 AS n`, [first?.n]);
    expect(second?.n).toBe(2);
    expect(statements).toHaveLength(2);
  });

  it("fails every read of a batch whose statement fails, with the database's error", async () => {
    const q = batchedJsonReads(db.sql);
    const results = await Promise.allSettled([q.query(`SELECT 1 AS n`), q.query(`SELECT 1 / 0 AS n`)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/division by zero/);
  });
});
