// The ward dashboard's starting state, read from a real database: beds in label order (numeric), the empty
// bed kept, each patient's details (names and the exact birth date decrypted), devices and latest values,
// the heart-rate sparkline of the last minutes with artifacts left out; an unknown ward is null.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "iomt-ward-snapshot-")); // the data key's home

const { setDatabase } = await import("@/lib/db/database");
const { ageOn } = await import("@/lib/patients/patient-queries");
const { encryptedIdentity } = await import("@/lib/patients/write-patient");
const { createTestDatabase, testDatabaseKinds } = await import("@/test/support/test-database");
const { createWardWithPatients } = await import("@/test/support/fixtures");
const { loadWardSnapshot } = await import("./ward-snapshot");
type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

describe.each(testDatabaseKinds)("ward snapshot on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
  });
  afterAll(async () => db?.destroy());

  it("reads every bed with its patient, devices, latest values and sparkline", async () => {
    const { ward, patients } = await createWardWithPatients(db.prisma, 2);
    const [p1, p2] = patients as [(typeof patients)[0], (typeof patients)[0]];
    // Labels that sort differently as text and as numbers, and a bed without a patient.
    await db.prisma.bed.update({ where: { id: p2.bedId! }, data: { label: "10" } });
    const empty = await db.prisma.bed.create({ data: { wardId: ward.id, label: "9" } });
    // As the app stores a patient: names and the exact birth date encrypted, birth_date the year only.
    const identity = { givenName: "Ada", familyName: "Lovelace-Byron", birthDate: "1988-12-31" };
    await db.prisma.patient.update({ where: { id: p2.id }, data: { spo2Scale: 2, ...encryptedIdentity(identity) } });
    const stored = await db.sql.query<{ given_name: string; birth_date: string }>(
      "SELECT given_name, birth_date::text AS birth_date FROM patients WHERE id = $1",
      [p2.id],
    );
    expect(stored[0]!.given_name).toMatch(/^enc:v1:/);
    expect(stored[0]!.birth_date).toBe("1988-01-01");
    const seen = new Date(Date.now() - 5_000);
    await db.prisma.device.createMany({
      data: [
        { id: `mon-b-${p1.id}`, type: "bedside_monitor", secretHash: "x", patientId: p1.id, lastSeenAt: seen },
        { id: `mon-a-${p1.id}`, type: "pulse_oximeter", secretHash: "x", patientId: p1.id, status: "revoked" },
      ],
    });
    const now = Date.now();
    const obs = (code: string, value: number, agoMs: number, artifact = false) => ({
      patientId: p1.id,
      deviceId: `mon-b-${p1.id}`,
      code,
      value,
      ts: new Date(now - agoMs),
      seq: BigInt(now - agoMs),
      artifact,
    });
    await db.prisma.observation.createMany({
      data: [
        obs("heart_rate", 70, 120_000),
        obs("heart_rate", 75, 60_000),
        obs("heart_rate", 300, 30_000, true),
        obs("spo2", 96, 3 * 3600_000),
        obs("heart_rate", 50, 20 * 60_000),
      ],
    });

    const snap = await loadWardSnapshot(ward.id);
    expect(snap!.ward).toEqual({ id: ward.id, code: ward.code, name: ward.name });
    expect(snap!.beds.map((b) => b.label)).toEqual(["1", "9", "10"]);
    const [bed1, bed9, bed10] = snap!.beds as [
      NonNullable<typeof snap>["beds"][0],
      NonNullable<typeof snap>["beds"][0],
      NonNullable<typeof snap>["beds"][0],
    ];
    expect(bed9).toMatchObject({ bedId: empty.id, patient: null, latest: {}, sparkline: [], devices: [] });
    expect(bed1.patient).toEqual({
      id: p1.id,
      mrn: p1.mrn,
      name: `${p1.givenName} ${p1.familyName}`,
      age: ageOn(new Date("1950-01-01")),
      spo2Scale: 1,
    });
    expect(bed10.patient).toMatchObject({
      id: p2.id,
      name: "Ada Lovelace-Byron",
      spo2Scale: 2,
      age: ageOn(new Date("1988-12-31T00:00:00Z")),
    });
    expect(bed1.devices).toEqual([
      { id: `mon-a-${p1.id}`, type: "pulse_oximeter", status: "revoked", lastSeenAt: null },
      { id: `mon-b-${p1.id}`, type: "bedside_monitor", status: "active", lastSeenAt: seen.toISOString() },
    ]);
    // The latest plausible value of each code, however old; the artifact is neither latest nor drawn.
    expect(bed1.latest.heart_rate).toEqual({ v: 75, t: new Date(now - 60_000).toISOString() });
    expect(bed1.latest.spo2).toEqual({ v: 96, t: new Date(now - 3 * 3600_000).toISOString() });
    expect(bed1.sparkline).toEqual([
      { t: now - 120_000, v: 70 },
      { t: now - 60_000, v: 75 },
    ]);
    expect(bed10.latest).toEqual({});
  });

  it("is null for a ward that does not exist", async () => {
    expect(await loadWardSnapshot("no-such-ward")).toBeNull();
  });
});
