import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import type { AlertPriority } from "@/lib/events";
import { AlertWriter } from "./alert-writer";
import { finding } from "./rule-types";
import { countOpenAlarmsByWard, openCount, tallyWardAlarms } from "./ward-alarm-counts";

describe("tallyWardAlarms", () => {
  it("counts by ward, priority and acknowledgement; every asked ward is present", () => {
    const m = tallyWardAlarms(
      ["w1", "w2"],
      [
        { ward_id: "w1", priority: "high", state: "active", n: 2 },
        { ward_id: "w1", priority: "high", state: "acknowledged", n: "1" },
        { ward_id: "w1", priority: "technical", state: "active", n: 1 },
        { ward_id: "w9", priority: "high", state: "active", n: 5 }, // not asked for
      ],
    );
    expect(m.get("w1")!.high).toEqual({ active: 2, acknowledged: 1 });
    expect(openCount(m.get("w1")!, "high")).toBe(3);
    expect(openCount(m.get("w1")!, "technical")).toBe(1);
    expect(openCount(m.get("w2")!, "high")).toBe(0);
    expect(m.has("w9")).toBe(false);
  });
});

describe.each(testDatabaseKinds)("countOpenAlarmsByWard on %s", (kind) => {
  let db: TestDatabase;
  let a: Awaited<ReturnType<typeof createWardWithPatients>>;
  let b: Awaited<ReturnType<typeof createWardWithPatients>>;
  let now = Date.now();

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    a = await createWardWithPatients(db.prisma, 2);
    b = await createWardWithPatients(db.prisma, 1);
    const writer = new AlertWriter({
      sql: db.sql,
      bus: eventBus(),
      now: () => now,
      escalationMs: { high: 60_000, medium: 180_000, low: 600_000, technical: 600_000 },
    });
    const raise = (rule: string, priority: AlertPriority, p: { id: string }, wardId: string) => {
      now += 1000;
      writer.raise(finding("violated", now, 0, { rule, priority, message: rule, value: 1, patientId: p.id, wardId, deviceId: "mon-1" }));
    };
    raise("spo2.low", "high", a.patients[0]!, a.ward.id);
    raise("heart_rate.high", "medium", a.patients[0]!, a.ward.id);
    raise("resp_rate.high", "medium", a.patients[1]!, a.ward.id);
    raise("tech.battery", "technical", a.patients[1]!, a.ward.id);
    raise("spo2.low", "high", b.patients[0]!, b.ward.id);
    await writer.drain();
    const acked = await db.prisma.alert.findFirstOrThrow({ where: { rule: "resp_rate.high" } });
    await db.prisma.alert.update({ where: { id: acked.id }, data: { state: "acknowledged" } });
    const resolved = await db.prisma.alert.findFirstOrThrow({ where: { wardId: b.ward.id } });
    await db.prisma.alert.update({ where: { id: resolved.id }, data: { state: "resolved", openKey: null } });
  });
  afterAll(async () => db?.destroy());

  it("counts each ward's open alarms by priority, acknowledged apart; resolved ones not at all", async () => {
    const counts = await countOpenAlarmsByWard([a.ward.id, b.ward.id]);
    expect(counts.get(a.ward.id)).toEqual({
      high: { active: 1, acknowledged: 0 },
      medium: { active: 1, acknowledged: 1 },
      low: { active: 0, acknowledged: 0 },
      technical: { active: 1, acknowledged: 0 },
    });
    expect(openCount(counts.get(b.ward.id)!, "high")).toBe(0);
    expect(await countOpenAlarmsByWard([])).toEqual(new Map());
  });
});
