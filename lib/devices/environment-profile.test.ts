import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import type { DeviceChangedEvent } from "@/lib/events";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { Refusal } from "@/lib/errors/refusal";
import { checkEnvironmentProfile, createDevice, revokeDevice } from "./manage-devices";
import { devicePatchBodySchema, setEnvironmentProfile } from "./set-environment-profile";
import { getRegistryDevice, listRegistryDevices } from "./device-queries";

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e: Error) => (e instanceof Refusal ? `${e.field} | ${e.message}` : `unexpected: ${e.message}`),
  );
const PROFILES = "one of: vaccine_fridge, vaccine_freezer";

describe("environment profile input", () => {
  it("accepts a known profile for an env_sensor only, naming the field and listing the profiles otherwise", () => {
    expect(checkEnvironmentProfile("env_sensor", "vaccine_fridge")).toBe("vaccine_fridge");
    expect(checkEnvironmentProfile("env_sensor", " vaccine_freezer ")).toBe("vaccine_freezer");
    expect(checkEnvironmentProfile("env_sensor", null)).toBeNull();
    expect(checkEnvironmentProfile("infusion_pump", undefined)).toBeNull();
    expect(() => checkEnvironmentProfile("env_sensor", "wine_cellar")).toThrow(
      `environmentProfile: unknown profile "wine_cellar" (${PROFILES})`,
    );
    expect(() => checkEnvironmentProfile("infusion_pump", "vaccine_fridge")).toThrow(
      `environmentProfile: only an env_sensor has a profile (${PROFILES}); infusion_pump devices have none`,
    );
  });

  it("parses a PATCH body: the profile on its own (null clears), anything else an assignment", () => {
    expect(devicePatchBodySchema.parse({ environmentProfile: "vaccine_fridge" })).toEqual({
      kind: "profile",
      environmentProfile: "vaccine_fridge",
    });
    expect(devicePatchBodySchema.parse({ environmentProfile: null })).toEqual({ kind: "profile", environmentProfile: null });
    expect(devicePatchBodySchema.parse({ location: "Pharmacy" })).toEqual({
      kind: "assign",
      target: { kind: "location", text: "Pharmacy" },
    });
    const mixed = devicePatchBodySchema.safeParse({ environmentProfile: "vaccine_fridge", location: "Pharmacy" });
    expect(mixed.success ? null : mixed.error.issues[0]?.message).toBe(
      "send environmentProfile on its own, not with location (assign in a separate PATCH)",
    );
    const wrong = devicePatchBodySchema.safeParse({ environmentProfile: 3 });
    expect(wrong.success ? null : wrong.error.issues[0]?.path).toEqual(["environmentProfile"]);
    expect(devicePatchBodySchema.safeParse({ bed: "4E/1", location: "x" }).success).toBe(false);
    expect(devicePatchBodySchema.safeParse([]).success).toBe(false);
  });
});

describe.each(testDatabaseKinds)("environment profiles in the registry on %s", (kind) => {
  let db: TestDatabase;
  const changes: DeviceChangedEvent[] = [];
  let unsubscribe: () => void;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    unsubscribe = eventBus().subscribe("device:changed", (e) => void changes.push(e));
  });
  afterAll(async () => {
    unsubscribe();
    await db?.destroy();
  });

  it("provisions an env_sensor with a profile, and refuses an unknown profile or the wrong type", async () => {
    expect(await refusal(createDevice({ type: "env_sensor", environmentProfile: "wine_cellar" }))).toBe(
      `environmentProfile | environmentProfile: unknown profile "wine_cellar" (${PROFILES})`,
    );
    expect(await refusal(createDevice({ type: "infusion_pump", environmentProfile: "vaccine_fridge" }))).toMatch(
      /^environmentProfile \| .*only an env_sensor has a profile \(one of: vaccine_fridge/,
    );
    expect(await db.prisma.device.count()).toBe(0);
    const d = await createDevice(
      { type: "env_sensor", id: "env-fridge-a", location: "Pharmacy vaccine fridge A", environmentProfile: "vaccine_fridge" },
      { audit: { actor: { email: "t" } } },
    );
    expect(d.environmentProfile).toBe("vaccine_fridge");
    const row = await getRegistryDevice(d.id, { showPatients: false });
    expect(row).toMatchObject({
      environmentProfile: "vaccine_fridge",
      assignment: { kind: "location", text: "Pharmacy vaccine fridge A" },
    });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "device.create" } });
    expect(audit.detail).toMatchObject({ deviceId: d.id, environmentProfile: "vaccine_fridge" });
    const plain = await createDevice({ type: "env_sensor", id: "env-room-1", location: "Ward 4E day room" });
    expect(plain.environmentProfile).toBeNull();
    expect((await listRegistryDevices({ type: "env_sensor" }, { showPatients: false })).map((r) => [r.id, r.environmentProfile])).toEqual([
      ["env-fridge-a", "vaccine_fridge"],
      ["env-room-1", null],
    ]);
  });

  it("sets and clears the profile of an existing sensor: announced as a device change and audited, a no-op is neither", async () => {
    changes.length = 0;
    expect(await setEnvironmentProfile("env-room-1", "vaccine_freezer", { audit: { actor: { email: "t" } } })).toEqual({
      id: "env-room-1",
      environmentProfile: "vaccine_freezer",
      previous: null,
    });
    expect(changes).toEqual([{ deviceId: "env-room-1", change: "profile" }]);
    expect((await db.prisma.device.findUniqueOrThrow({ where: { id: "env-room-1" } })).environmentProfile).toBe("vaccine_freezer");
    await setEnvironmentProfile("env-room-1", "vaccine_freezer", { audit: { actor: { email: "t" } } });
    expect(changes).toHaveLength(1);
    await setEnvironmentProfile("env-room-1", null, { audit: { actor: { email: "t" } } });
    expect((await getRegistryDevice("env-room-1", { showPatients: false }))?.environmentProfile).toBeNull();
    const audits = await db.prisma.auditEvent.findMany({ where: { action: "device.set_profile" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.detail)).toEqual([
      { deviceId: "env-room-1", environmentProfile: "vaccine_freezer", previous: null },
      { deviceId: "env-room-1", environmentProfile: null, previous: "vaccine_freezer" },
    ]);
  });

  it("refuses a profile for a missing or revoked device, an unknown profile, or a device that is not an env_sensor", async () => {
    expect(await refusal(setEnvironmentProfile("missing", "vaccine_fridge"))).toBe('device | device: no device with id "missing"');
    expect(await refusal(setEnvironmentProfile("env-fridge-a", "beer"))).toMatch(
      /^environmentProfile \| .*unknown profile "beer" \(one of: vaccine_fridge, vaccine_freezer\)/,
    );
    const pump = await createDevice({ type: "infusion_pump", assetTag: "PUMP-1" });
    expect(await refusal(setEnvironmentProfile(pump.id, "vaccine_fridge"))).toMatch(/^environmentProfile \| .*only an env_sensor/);
    await revokeDevice("env-fridge-a");
    expect(await refusal(setEnvironmentProfile("env-fridge-a", null))).toMatch(/^device \| .*is revoked/);
  });
});
