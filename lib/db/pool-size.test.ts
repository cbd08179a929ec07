// The PostgreSQL pool's default size (two connections per core and one) and what a small pool must not do:
// fail a Prisma transaction (an admission, a transfer) because every connection was busy for a while. Plain
// queries wait in the pool's queue; Prisma's transactions would give up after 2 s unless told to wait.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { defaultPoolSize, TRANSACTION_MAX_WAIT_MS } from "./open-database";

const url = process.env.TEST_DATABASE_URL;
if (process.env.CI && !url) throw new Error("TEST_DATABASE_URL must be set in CI");

const HOLD_S = 2.5;

describe("the default pool size", () => {
  it("is two connections per core and one, within the bounds DATABASE_POOL_SIZE accepts", () => {
    expect([1, 2, 4, 8].map((cores) => defaultPoolSize(cores))).toEqual([3, 5, 9, 17]);
    expect(defaultPoolSize(150)).toBe(200);
    expect(defaultPoolSize()).toBeGreaterThanOrEqual(3);
  });
});

describe.skipIf(!url)("a small pool with every connection busy (PostgreSQL)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("postgres", { poolSize: 2 });
  });
  afterAll(() => db?.destroy());

  /** Both connections busy for HOLD_S seconds; resolves when both statements are done. */
  const holdEveryConnection = (sql: (text: string) => Promise<unknown>) =>
    Promise.all([sql(`SELECT pg_sleep(${HOLD_S})`), sql(`SELECT pg_sleep(${HOLD_S})`)]);

  it("a Prisma transaction waits for a connection longer than Prisma's own 2 s, and commits", async () => {
    expect(TRANSACTION_MAX_WAIT_MS).toBeGreaterThan(HOLD_S * 1000);
    const held = holdEveryConnection((text) => db.sql.query(text));
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    const answer = await db.prisma.$transaction(async (tx) => tx.$queryRaw<{ n: number }[]>`SELECT 41 + 1 AS n`);
    const waited = performance.now() - t0;
    await held;
    expect(answer).toEqual([{ n: 42 }]);
    expect(waited).toBeGreaterThan(2000);
  });

  it("control: with Prisma's default wait, the same transaction fails (P2028)", async () => {
    const [row] = await db.sql.query<{ name: string }>(`SELECT current_database() AS name`);
    const sameDatabase = new URL(url!);
    sameDatabase.pathname = `/${row!.name}`;
    const pool = new pg.Pool({ connectionString: sameDatabase.toString(), max: 2 });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    try {
      const held = holdEveryConnection((text) => pool.query(text));
      await new Promise((r) => setTimeout(r, 100));
      const outcome = await prisma
        .$transaction(async (tx) => tx.$queryRaw`SELECT 1`)
        .then(
          () => "committed",
          (err: { code?: string }) => err.code ?? String(err),
        );
      await held;
      expect(outcome).toBe("P2028");
    } finally {
      await prisma.$disconnect();
      await pool.end();
    }
  });
});
