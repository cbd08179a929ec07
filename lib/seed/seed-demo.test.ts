import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { verifyPassword } from "@/lib/auth/password";
import { seedDemo } from "./seed-demo";
import { DEMO_EQUIPMENT, demoEquipmentScenarioFor } from "./demo-hospital";

describe.each(testDatabaseKinds)("demo seed on %s", (kind) => {
  let db: TestDatabase;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "seed-"));
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
  });
  afterAll(async () => {
    await db?.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("creates a 24-patient ward and an ICU with a few free beds each, a monitor per patient, and accounts with per-installation passwords", async () => {
    const first = await seedDemo(dataDir);
    expect(first.created).toBe(true);
    expect(first.equipmentAdded).toEqual(DEMO_EQUIPMENT.map((d) => d.id));
    const wards = await db.prisma.ward.findMany({ include: { _count: { select: { beds: true } } }, orderBy: { code: "asc" } });
    expect(wards.map((w) => [w.code, w._count.beds])).toEqual([
      ["4E", 30],
      ["ICU", 11],
    ]);
    // 32 on the wards and the 3 home patients (lib/seed/demo-home), who are on no bed.
    expect(await db.prisma.patient.count()).toBe(35);
    expect(await db.prisma.patient.count({ where: { bedId: null } })).toBe(3);
    expect(await db.prisma.device.count({ where: { simulated: true, type: "bedside_monitor" } })).toBe(32);
    const nurse = first.credentials.find((c) => c.email === "nurse@demo.local")!;
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: nurse.email } });
    expect(await verifyPassword(nurse.password, user.passwordHash)).toBe(true);
    expect(fs.statSync(path.join(dataDir, "demo-credentials.json")).mode & 0o777).toBe(0o600);
  });

  it("puts a charge nurse and a physician on call on every demo ward, so escalation reaches someone", async () => {
    const duties = await db.prisma.userWard.findMany({ where: { duty: { not: "staff" } }, include: { user: true, ward: true } });
    for (const code of ["4E", "ICU"]) {
      expect(
        duties
          .filter((d) => d.ward.code === code)
          .map((d) => [d.user.email, d.duty])
          .sort(),
      ).toEqual([
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

  it("equips the demo hospital with simulated infusion pumps (one wearing out) and vaccine fridge loggers (one warming)", async () => {
    const pumps = await db.prisma.device.findMany({
      where: { type: "infusion_pump" },
      include: { bed: { include: { ward: true } } },
      orderBy: { id: "asc" },
    });
    expect(pumps.map((p) => [p.id, p.bed ? `${p.bed.ward.code}/${p.bed.label}` : p.assetTag, p.simulated])).toEqual([
      ["pump-0001", "4E/3", true],
      ["pump-0002", "4E/8", true],
      ["pump-0003", "ICU/2", true],
      ["pump-0004", "PUMP-0004", true],
    ]);
    const fridges = await db.prisma.device.findMany({ where: { type: "env_sensor" }, orderBy: { location: "asc" } });
    expect(fridges.map((f) => [f.location, f.environmentProfile, f.simulated])).toEqual([
      ["Pharmacy vaccine fridge A", "vaccine_fridge", true],
      ["Ward 4E medication fridge", "vaccine_fridge", true],
    ]);
    // the 4E medication fridge serves ward 4E (its clean utility room); the pharmacy's belongs to no ward
    const ward4E = await db.prisma.ward.findUniqueOrThrow({ where: { code: "4E" } });
    expect(fridges.map((f) => [f.id, f.wardId, f.roomId])).toEqual([
      ["env-fridge-pharm-a", null, null],
      ["env-fridge-4e-meds", ward4E.id, "4E-CLEAN"],
    ]);
    expect(DEMO_EQUIPMENT.filter((d) => d.scenario === "pump-failing").map((d) => d.id)).toEqual(["pump-0002"]);
    expect(demoEquipmentScenarioFor(fridges[1]!.id, "env_sensor")).toBe("fridge-warm");
    expect(demoEquipmentScenarioFor(fridges[0]!.id, "env_sensor")).toBe("fridge-healthy");
    expect(demoEquipmentScenarioFor("pump-elsewhere", "infusion_pump")).toBe("pump-healthy");
    expect(demoEquipmentScenarioFor("mon-4e-01", "bedside_monitor")).toBeNull();
  });

  it("adds the demo equipment to an install seeded by an earlier version, once, and leaves a revoked one revoked", async () => {
    await db.prisma.device.deleteMany({ where: { id: { in: ["pump-0002", "env-fridge-4e-meds"] } } });
    await db.prisma.device.update({ where: { id: "pump-0004" }, data: { status: "revoked", revokedAt: new Date() } });
    const upgraded = await seedDemo(dataDir);
    expect(upgraded).toMatchObject({ created: false, equipmentAdded: ["pump-0002", "env-fridge-4e-meds"] });
    expect(await db.prisma.device.findUniqueOrThrow({ where: { id: "env-fridge-4e-meds" } })).toMatchObject({
      location: "Ward 4E medication fridge",
      environmentProfile: "vaccine_fridge",
      simulated: true,
      roomId: "4E-CLEAN",
    });
    expect((await db.prisma.device.findUniqueOrThrow({ where: { id: "pump-0004" } })).status).toBe("revoked");
    expect((await seedDemo(dataDir)).equipmentAdded).toEqual([]);
    expect(await db.prisma.device.count({ where: { type: { in: ["infusion_pump", "env_sensor"] } } })).toBe(DEMO_EQUIPMENT.length);
  });

  it("places a pump whose bed the install lacks by its asset tag instead", async () => {
    await db.prisma.device.delete({ where: { id: "pump-0003" } });
    await db.prisma.bed.deleteMany({ where: { label: "2", ward: { code: "ICU" } } });
    expect((await seedDemo(dataDir)).equipmentAdded).toEqual(["pump-0003"]);
    expect(await db.prisma.device.findUniqueOrThrow({ where: { id: "pump-0003" } })).toMatchObject({ bedId: null, assetTag: "PUMP-0003" });
  });
});
