// The patient parameters' values, exactly: the vital-signs window averaged per time bucket (artifacts,
// other patients and readings outside the window left out, the newest buckets kept when there are more
// than the bound), and the NEWS2 trend thinned evenly with its newest score kept. PGlite, and PostgreSQL
// with TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createAiFixture, type AiFixture } from "@/test/support/ai-fixture";
import type { ResolvedSubject } from "./parameter-types";
import { parameterDefinition } from "./registry";

const NOW = new Date("2026-06-01T12:00:00.000Z");
const at = (hhmm: string) => new Date(`2026-06-01T${hhmm}:00.000Z`);

function patientSubject(patientId: string): ResolvedSubject {
  return { kind: "patient", id: patientId, patientId, wardId: null, deviceId: null, alertId: null };
}

describe.each(testDatabaseKinds)("patient parameters on %s", (kind) => {
  let db: TestDatabase;
  let f: AiFixture;
  let seq = 5_000_000;

  async function observe(patientId: string, code: string, value: number, ts: Date, artifact = false) {
    await db.sql.query(
      `INSERT INTO observations (patient_id, device_id, code, value, ts, seq, artifact) VALUES ($1, 'mon-test', $2, $3, $4, $5, $6)`,
      [patientId, code, value, ts, seq++, artifact],
    );
  }

  async function resolve(name: string, patientId: string, bounds: Record<string, number>) {
    const def = parameterDefinition(name);
    if (!def) throw new Error(`no parameter ${name}`);
    return def.resolve({ q: db.sql, now: NOW, subject: patientSubject(patientId), bounds });
  }

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    f = await createAiFixture(db);
  });
  afterAll(async () => db?.destroy());

  it("averages each vital sign per bucket, leaving out artifacts, other patients and older readings", async () => {
    await observe(f.patient4e, "heart_rate", 100, at("11:05"));
    await observe(f.patient4e, "heart_rate", 111, at("11:08"));
    await observe(f.patient4e, "heart_rate", 200, at("11:09"), true);
    await observe(f.patient4e, "spo2", 95, at("11:08"));
    await observe(f.patient4e, "resp_rate", 18, at("11:55"));
    await observe(f.patient4e, "temp", 39.5, at("10:30"));
    await observe(f.patient4e, "glucose", 140, at("11:30"));
    await observe(f.patientIcu, "heart_rate", 60, at("11:05"));

    // One hour in at most six buckets: 10 minutes each, aligned to the epoch.
    const r = await resolve("patient.vitals_window", f.patient4e, { hours: 1, rows: 6 });

    expect(r.value).toEqual([
      { at: "2026-06-01T11:00:00.000Z", heart_rate: 105.5, spo2: 95 },
      { at: "2026-06-01T11:50:00.000Z", resp_rate: 18 },
    ]);
    expect(r.rows).toBe(2);
  });

  it("keeps the newest buckets when the window holds more than the bound", async () => {
    // 11:00 through 12:00 every 10 minutes: seven buckets, both ends inside the window.
    for (let m = 0; m <= 60; m += 10) {
      await observe(f.patientIcu, "bp_sys", 100 + m, new Date(at("11:00").getTime() + m * 60_000));
    }
    const r = await resolve("patient.vitals_window", f.patientIcu, { hours: 1, rows: 6 });
    const rows = r.value as { at: string; bp_sys?: number }[];

    expect(rows.map((row) => row.at.slice(11, 16))).toEqual(["11:10", "11:20", "11:30", "11:40", "11:50", "12:00"]);
    expect(rows.map((row) => row.bp_sys)).toEqual([110, 120, 130, 140, 150, 160]);
    // The 11:00 bucket (bp_sys 100 and the earlier test's heart_rate 60) is the one left out.
    expect(rows[0]).toEqual({ at: "2026-06-01T11:10:00.000Z", bp_sys: 110 });
  });

  it("thins the NEWS2 trend evenly and keeps the newest score", async () => {
    const times = ["11:10", "11:20", "11:30", "11:40", "11:50"];
    for (const [i, t] of times.entries()) await observe(f.patient4e, "news2", i + 1, at(t));
    await observe(f.patient4e, "news2", 9, at("10:00"));

    const r = await resolve("patient.news2_trend", f.patient4e, { hours: 1, rows: 2 });

    expect(r.value).toEqual([
      { at: at("11:10"), news2: 1 },
      { at: at("11:40"), news2: 4 },
      { at: at("11:50"), news2: 5 },
    ]);
    expect(r.rows).toBe(3);
  });
});
