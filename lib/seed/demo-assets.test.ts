import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { seedDemoAssets } from "./demo-assets";

describe("demo asset map seed", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    for (const code of ["4E", "ICU"]) await db.prisma.ward.create({ data: { code, name: code } });
  }, 60_000);
  afterAll(async () => db?.destroy());

  it("imports the 4E and ICU plans, places 12 gateways, tags 60 assets with 30 days of uses, once", async () => {
    expect(await seedDemoAssets()).toEqual({ floors: 2, gateways: 12, tags: 60 });
    const floors = await db.prisma.mapFloor.findMany({ include: { ward: true }, orderBy: { id: "asc" } });
    expect(floors.map((f) => [f.id, f.ward?.code])).toEqual([
      ["4E", "4E"],
      ["ICU", "ICU"],
    ]);
    const classes = await db.prisma.asset.groupBy({ by: ["class"], _count: true, orderBy: { class: "asc" } });
    expect(classes.map((c) => [c.class, c._count])).toEqual([
      ["bed", 14],
      ["defibrillator", 8],
      ["infusion_pump", 24],
      ["wheelchair", 14],
    ]);
    expect(await db.prisma.assetUse.count()).toBe(60 * 30);
    expect(await db.prisma.assetParLevel.count()).toBe(3);
    expect(await seedDemoAssets()).toEqual({ floors: 0, gateways: 0, tags: 0 });
  });
});
