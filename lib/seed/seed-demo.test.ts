import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { verifyPassword } from "@/lib/auth/password";
import { seedDemo } from "./seed-demo";

describe("demo seed", () => {
  let db: TestDatabase;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "seed-"));
  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
  });
  afterAll(async () => {
    await db?.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("creates a 24-bed ward and an ICU, a monitor per bed, and accounts with per-installation passwords", async () => {
    const first = await seedDemo(dataDir);
    expect(first.created).toBe(true);
    const wards = await db.prisma.ward.findMany({ include: { _count: { select: { beds: true } } }, orderBy: { code: "asc" } });
    expect(wards.map((w) => [w.code, w._count.beds])).toEqual([["4E", 24], ["ICU", 8]]);
    expect(await db.prisma.device.count({ where: { simulated: true, type: "bedside_monitor" } })).toBe(32);
    const nurse = first.credentials.find((c) => c.email === "nurse@demo.local")!;
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: nurse.email } });
    expect(await verifyPassword(nurse.password, user.passwordHash)).toBe(true);
    expect(fs.statSync(path.join(dataDir, "demo-credentials.json")).mode & 0o777).toBe(0o600);
  });

  it("puts a charge nurse and a physician on call on every demo ward, so escalation reaches someone", async () => {
    const duties = await db.prisma.userWard.findMany({ where: { duty: { not: "staff" } }, include: { user: true, ward: true } });
    for (const code of ["4E", "ICU"]) {
      expect(duties.filter((d) => d.ward.code === code).map((d) => [d.user.email, d.duty]).sort()).toEqual([
        ["charge@demo.local", "charge"],
        ["physician@demo.local", "on_call"],
      ]);
    }
  });

  it("does nothing on a second start and returns the same credentials", async () => {
    const again = await seedDemo(dataDir);
    expect(again.created).toBe(false);
    expect(again.credentials.map((c) => c.email)).toContain("nurse@demo.local");
    expect(await db.prisma.ward.count()).toBe(2);
  });
});
