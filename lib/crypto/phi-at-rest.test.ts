// Issue 11 item 5 (at rest): names and the exact birth date are stored encrypted (AES-256-GCM, key id
// with each value), every reader sees plain values, existing rows are encrypted at start, and
// `db rotate-key` moves every value to a new key.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "iomt-phi-"));
process.env.DATA_DIR = dataDir;

const { setDatabase } = await import("@/lib/db/database");
const { createTestDatabase, testDatabaseKinds } = await import("@/test/support/test-database");
const { createWardWithPatients } = await import("@/test/support/fixtures");
const { createPatientRecord } = await import("@/lib/patients/write-patient");
const { findPatient, listVisiblePatients } = await import("@/lib/patients/patient-queries");
const { encryptPatientsAtRest } = await import("@/lib/patients/phi-at-rest");
const { loadPatientInfos } = await import("@/lib/alerts/load-monitoring");
const { runCliCommand } = await import("@/lib/cli/commands");
const { decryptPhi, encryptPhi, keyIdOf, PhiDecryptError } = await import("./phi-cipher");
const { dataKeyring, keyFilePath } = await import("./data-keys");
const { saveFeedback } = await import("@/lib/ai/calls/call-log");

type Stored = { id: string; given_name: string; family_name: string; birth_date: Date; birth_date_enc: string | null };

describe("the PHI cipher", () => {
  it("round-trips with a fresh IV each time, names its key, and refuses an altered value", () => {
    const a = encryptPhi("Ada Lovelace");
    const b = encryptPhi("Ada Lovelace");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect(keyIdOf(a)).toBe(dataKeyring().current.id);
    expect(decryptPhi(a)).toBe("Ada Lovelace");
    expect(decryptPhi("plain text")).toBe("plain text");
    const parts = a.split(":");
    parts[5] = Buffer.from("Eve Lovelace").toString("base64url");
    expect(() => decryptPhi(parts.join(":"))).toThrow(PhiDecryptError);
    expect(fs.statSync(keyFilePath(dataDir)).mode & 0o777).toBe(0o600);
  });
});

describe.each(testDatabaseKinds)("PHI at rest on %s", (kind) => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ward: Awaited<ReturnType<typeof createWardWithPatients>>;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    ward = await createWardWithPatients(db.prisma, 1); // written in plain, as before encryption existed
  });
  afterAll(async () => db?.destroy());

  const stored = async (id: string) =>
    (await db.sql.query<Stored>(`SELECT id, given_name, family_name, birth_date, birth_date_enc FROM patients WHERE id = $1`, [id]))[0]!;
  const admin = { role: "admin", userId: "u", email: "a@x", wardIds: [] } as unknown as Parameters<typeof listVisiblePatients>[0];

  it("stores a new patient's names and exact birth date encrypted, the birth year only in clear", async () => {
    const p = await createPatientRecord(db.prisma, { mrn: "PHI-1", givenName: "Zoë", familyName: "Abbott", birthDate: "1961-07-14" });
    expect(p).toMatchObject({ givenName: "Zoë", familyName: "Abbott", birthDate: "1961-07-14" });
    const raw = await stored(p.id);
    expect(raw.given_name).toMatch(/^enc:v1:/);
    expect(raw.family_name).toMatch(/^enc:v1:/);
    expect(raw.given_name).not.toContain("Zo");
    expect(new Date(raw.birth_date).toISOString().slice(0, 10)).toBe("1961-01-01");
    expect(raw.birth_date_enc).toMatch(/^enc:v1:/);
    const seen = await findPatient(p.id);
    expect(seen).toMatchObject({ name: "Zoë Abbott", birthDate: "1961-07-14" });
  });

  it("encrypts rows written before encryption at start; every reader (Prisma, SQL, sorted lists) sees plain values", async () => {
    const old = ward.patients[0]!;
    expect((await stored(old.id)).given_name).toBe("Given1");
    expect(await encryptPatientsAtRest(db.sql)).toBe(1);
    expect(await encryptPatientsAtRest(db.sql)).toBe(0);
    expect((await stored(old.id)).given_name).toMatch(/^enc:v1:/);
    expect(await findPatient(old.id)).toMatchObject({ name: `Given1 ${old.familyName}`, birthDate: "1950-01-01" });
    expect((await loadPatientInfos(db.sql, [old.id])).get(old.id)?.name).toBe(`Given1 ${old.familyName}`);
    const names = (await listVisiblePatients(admin)).map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => a.split(" ")[1]!.localeCompare(b.split(" ")[1]!)));
    expect(names).toContain("Zoë Abbott");
  });

  it("stores free-text feedback on an AI answer encrypted, and reads it back plain", async () => {
    const user = await db.prisma.user.create({ data: { email: `fb-${kind}@x`, name: "F", passwordHash: "x", role: "admin" } });
    await db.sql.query(`INSERT INTO ai_calls (id, feature, user_id, status) VALUES ('call-1', 'summary', $1, 'ok')`, [user.id]);
    await saveFeedback({ ...admin, userId: user.id }, "call-1", { useful: false, comment: "Wrong bed for Mrs Abbott" });
    const raw = await db.sql.query<{ feedback_comment: string }>(`SELECT feedback_comment FROM ai_calls WHERE id = 'call-1'`);
    expect(raw[0]!.feedback_comment).toMatch(/^enc:v1:/);
    expect((await db.prisma.aiCall.findUnique({ where: { id: "call-1" } }))?.feedbackComment).toBe("Wrong bed for Mrs Abbott");
  });

  it("db rotate-key rewrites every value under a new key and drops the old one", async () => {
    const before = dataKeyring().current.id;
    const r = await runCliCommand(["db", "rotate-key"]);
    const after = dataKeyring().current.id;
    expect(after).not.toBe(before);
    expect(r.json).toMatchObject({ keyId: after, rewritten: 3 }); // two patients and one feedback comment
    const rows = await db.sql.query<Stored>(`SELECT id, given_name, family_name, birth_date, birth_date_enc FROM patients`);
    for (const row of rows) for (const v of [row.given_name, row.family_name, row.birth_date_enc]) expect(keyIdOf(v)).toBe(after);
    expect(dataKeyring().byId.has(before)).toBe(false);
    expect(JSON.parse(fs.readFileSync(keyFilePath(dataDir), "utf8")).keys).toEqual([]);
    expect(fs.statSync(keyFilePath(dataDir)).mode & 0o777).toBe(0o600);
    expect((await listVisiblePatients(admin)).map((p) => p.name)).toContain("Zoë Abbott");
    expect((await db.prisma.aiCall.findUnique({ where: { id: "call-1" } }))?.feedbackComment).toBe("Wrong bed for Mrs Abbott");
  });
});
