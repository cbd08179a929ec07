// The simulated PAS against the real listener and database: the day's messages up to now are applied
// (admissions, transfers, discharges), only on the spare beds, and a restart resends them as duplicates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { seedDemo } from "@/lib/seed/seed-demo";
import type { MllpListener } from "@/lib/adt";
import { startHl7Listener } from "./start-hl7-listener";
import { startDemoPas } from "./demo-pas";

describe("simulated PAS on pglite", () => {
  let db: TestDatabase;
  let listener: MllpListener;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pas-"));

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    setDatabase(db);
    await seedDemo(dataDir);
    listener = await startHl7Listener({ port: 0, log: () => {} });
  }, 120_000);
  afterAll(async () => {
    await listener?.close(100);
    await db?.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("feeds the day's ADT over MLLP, leaves the scripted patients and two free beds per ward alone, and is idempotent on restart", async () => {
    const scripted = await db.prisma.patient.findMany({ where: { bedId: { not: null } }, select: { id: true, bedId: true } });
    const run = async () => {
      const pas = await startDemoPas({ host: listener.host, port: listener.port, log: () => {} });
      for (let i = 0; i < 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        if ((await db.prisma.hl7InboundMessage.count({ where: { outcome: "pending" } })) === 0 && i > 10) break;
      }
      await pas.stop();
      return pas.stats();
    };
    await run();
    const log = await db.prisma.hl7InboundMessage.findMany();
    const firstRunEnd = new Date();
    const encounters = await db.prisma.encounter.count({ where: { source: "hl7" } });
    // Whatever the hour, the first messages of the day are in the past: at least one admission.
    if (Date.now() % 86_400_000 > 3 * 3_600_000) expect(encounters).toBeGreaterThan(0);
    expect(log.filter((m) => m.outcome === "AR")).toHaveLength(0);
    for (const p of scripted) expect((await db.prisma.patient.findUnique({ where: { id: p.id } }))?.bedId).toBe(p.bedId);
    for (const [ward, label] of [
      ["4E", "29"],
      ["4E", "30"],
      ["ICU", "10"],
      ["ICU", "11"],
    ]) {
      expect(await db.prisma.patient.count({ where: { bed: { label, ward: { code: ward } } } })).toBe(0);
    }
    // A restart resends the day so far: every message of the first run is answered as a duplicate, applied
    // once (a message whose time came between the two runs may be new).
    const second = await run();
    expect(second.duplicates).toBe(log.length);
    expect(await db.prisma.encounter.count({ where: { source: "hl7", createdAt: { lte: firstRunEnd } } })).toBe(encounters);
    for (const row of log) expect((await db.prisma.hl7InboundMessage.findUnique({ where: { id: row.id } }))?.outcome).toBe(row.outcome);
  }, 120_000);
});
