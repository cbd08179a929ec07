import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { assignDevice, createDevice } from "./manage-devices";
import { deviceDirectory } from "./device-directory";

describe("device directory", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
  });
  afterAll(async () => db?.destroy());

  it("resolves a device on a patient to that patient's ward", async () => {
    const { ward, patients } = await createWardWithPatients(db.prisma, 1);
    const d = await createDevice({ type: "wearable", patientId: patients[0]!.id });
    expect(await (await deviceDirectory()).get(d.id)).toMatchObject({ patientId: patients[0]!.id, wardId: ward.id, status: "active" });
  });

  it("resolves a device on a bed to the patient lying in it, and sees a reassignment at once", async () => {
    const { ward, patients } = await createWardWithPatients(db.prisma, 2);
    const d = await createDevice({ type: "bedside_monitor" });
    const directory = await deviceDirectory();
    expect(await directory.get(d.id)).toMatchObject({ patientId: null, wardId: null });
    await assignDevice(d.id, { kind: "bed", bed: `${ward.code}/2` });
    expect(await directory.get(d.id)).toMatchObject({ patientId: patients[1]!.id, wardId: ward.id });
  });

  it("knows an unknown device as unknown", async () => {
    expect(await (await deviceDirectory()).get("nope")).toBeNull();
  });
});
