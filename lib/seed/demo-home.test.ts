import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_HOME_PATIENTS, demoHomeScenarioFor, seedDemoHome } from "./demo-home";
import { readDemoCredentials, seedDemo } from "./seed-demo";

const HOME_EMAILS = DEMO_HOME_PATIENTS.map((p) => p.account.email);

describe.each(testDatabaseKinds)("demo home patients on %s", (kind) => {
  let db: TestDatabase;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "seed-home-"));
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
  });
  afterAll(async () => {
    await db?.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("creates H-1001..H-1003 on no bed, their simulated devices paired to them, and a portal account each", async () => {
    const created = await seedDemoHome();
    expect(created.map((c) => [c.email, c.role])).toEqual(HOME_EMAILS.map((e) => [e, "patient"]));
    const patients = await db.prisma.patient.findMany({
      where: { mrn: { in: ["H-1001", "H-1002", "H-1003"] } },
      include: { devices: { orderBy: { id: "asc" } } },
      orderBy: { mrn: "asc" },
    });
    expect(patients.map((p) => [p.mrn, p.bedId, p.givenName])).toEqual([
      ["H-1001", null, "Maya"],
      ["H-1002", null, "Samuel"],
      ["H-1003", null, "Clara"],
    ]);
    expect(patients.map((p) => p.devices.map((d) => `${d.id}:${d.type}:${d.simulated}:${d.status}`))).toEqual([
      ["cgm-h1001:cgm:true:active"],
      ["bp-h1002:bp_cuff:true:active"],
      [
        "air-h1003:home_air_sensor:true:active",
        "inh-h1003-controller:smart_inhaler:true:active",
        "inh-h1003-rescue:smart_inhaler:true:active",
      ],
    ]);
    for (const [i, c] of created.entries()) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { email: c.email } });
      expect(user.role).toBe("patient");
      expect(user.patientId).toBe(patients[i]!.id);
      expect(await verifyPassword(c.password, user.passwordHash)).toBe(true);
    }
  });

  it("adds nothing the second time", async () => {
    expect(await seedDemoHome()).toEqual([]);
    expect(await db.prisma.patient.count({ where: { mrn: { startsWith: "H-" } } })).toBe(3);
    expect(await db.prisma.device.count({ where: { patient: { mrn: { startsWith: "H-" } } } })).toBe(5);
  });

  it("names each demo device's scenario, and a default by type for another home device", () => {
    expect(demoHomeScenarioFor("inh-h1003-rescue", "smart_inhaler")).toBe("inhaler-rescue");
    expect(demoHomeScenarioFor("inh-h1003-controller", "smart_inhaler")).toBe("inhaler-controller");
    expect(demoHomeScenarioFor("inh-other", "smart_inhaler")).toBe("inhaler-controller");
    expect(demoHomeScenarioFor("mon-4e-01", "bedside_monitor")).toBeNull();
  });

  it("the demo seed prints the home accounts with the others, also on an install seeded before them", async () => {
    const fresh = await createTestDatabase(kind);
    setDatabase(fresh);
    try {
      const first = await seedDemo(dataDir);
      expect(first.credentials.map((c) => c.email)).toEqual(expect.arrayContaining(["nurse@demo.local", ...HOME_EMAILS]));
      // An install seeded before the home patients: they and their accounts are not there.
      await fresh.prisma.user.deleteMany({ where: { email: { in: HOME_EMAILS } } });
      await fresh.prisma.device.deleteMany({ where: { patient: { mrn: { startsWith: "H-" } } } });
      await fresh.prisma.patient.deleteMany({ where: { mrn: { startsWith: "H-" } } });
      fs.writeFileSync(
        path.join(dataDir, "demo-credentials.json"),
        JSON.stringify(readDemoCredentials(dataDir).filter((c) => !HOME_EMAILS.includes(c.email))),
      );
      const again = await seedDemo(dataDir);
      expect(again.created).toBe(false);
      expect(again.credentials.filter((c) => c.email === "nurse@demo.local")).toHaveLength(1);
      const maya = again.credentials.find((c) => c.email === "maya@demo.local")!;
      const user = await fresh.prisma.user.findUniqueOrThrow({ where: { email: maya.email } });
      expect(await verifyPassword(maya.password, user.passwordHash)).toBe(true);
      expect((await seedDemo(dataDir)).credentials).toEqual(again.credentials);
    } finally {
      setDatabase(db);
      await fresh.destroy();
    }
  });
});
