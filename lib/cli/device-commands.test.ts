import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { runCliCommand } from "./commands";

const cli = (line: string[]) => runCliCommand(line);
const fails = (line: string[]) =>
  cli(line).then(
    () => "succeeded",
    (e: Error) => e.message,
  );

describe.each(testDatabaseKinds)("devices CLI: environment profiles on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
  });
  afterAll(async () => db?.destroy());

  it("creates an env_sensor watching a vaccine fridge, lists it, and sets or clears the profile later", async () => {
    const made = await cli([
      "devices",
      "create",
      "--type",
      "env_sensor",
      "--id",
      "env-cli-1",
      "--environment",
      "vaccine_fridge",
      "--location",
      "Pharmacy vaccine fridge A",
    ]);
    expect(made.json).toMatchObject({
      id: "env-cli-1",
      type: "env_sensor",
      environmentProfile: "vaccine_fridge",
      secret: expect.any(String),
    });
    expect(made.text).toMatch(/^Created env_sensor env-cli-1, profile Vaccine fridge \(2–8 °C\)\./);
    expect(await fails(["devices", "create", "--type", "env_sensor", "--environment", "wine_cellar"])).toBe(
      'environmentProfile: unknown profile "wine_cellar" (one of: vaccine_fridge, vaccine_freezer)',
    );
    expect(await fails(["devices", "create", "--type", "infusion_pump", "--environment", "vaccine_fridge"])).toMatch(
      /^environmentProfile: only an env_sensor has a profile/,
    );

    const listed = await cli(["devices", "list", "--type", "env_sensor"]);
    expect(listed.text).toMatch(/env-cli-1 +env_sensor +active +unknown +location Pharmacy vaccine fridge A · Vaccine fridge \(2–8 °C\)/);
    expect((listed.json as { id: string; environmentProfile: string | null }[]).map((d) => [d.id, d.environmentProfile])).toEqual([
      ["env-cli-1", "vaccine_fridge"],
    ]);

    const set = await cli(["devices", "profile", "env-cli-1", "--environment", "vaccine_freezer"]);
    expect(set).toMatchObject({
      json: { id: "env-cli-1", environmentProfile: "vaccine_freezer" },
      text: "env-cli-1 now has the profile Vaccine freezer (-50–-15 °C).",
    });
    const cleared = await cli(["devices", "profile", "env-cli-1", "--environment", "none"]);
    expect(cleared).toMatchObject({ json: { id: "env-cli-1", environmentProfile: null }, text: "env-cli-1 has no environment profile." });
    expect((await db.prisma.device.findUniqueOrThrow({ where: { id: "env-cli-1" } })).environmentProfile).toBeNull();
    expect(await db.prisma.auditEvent.count({ where: { action: "device.set_profile", actorEmail: "cli" } })).toBe(2);

    expect(await fails(["devices", "profile", "env-cli-1"])).toMatch(/needs --environment/);
    expect(await fails(["devices", "profile"])).toMatch(/needs a device id/);
    expect(await fails(["devices", "profile", "nope", "--environment", "vaccine_fridge"])).toBe('device: no device with id "nope"');
  });

  it("gives a device not at a bed a home ward by code, and clears it", async () => {
    const ward = await db.prisma.ward.create({ data: { code: "CLI4E", name: "CLI ward" } });
    expect(await cli(["devices", "ward", "env-cli-1", "--ward", "CLI4E"])).toMatchObject({
      json: { id: "env-cli-1", wardId: ward.id, wardCode: "CLI4E", roomId: null },
      text: "env-cli-1 now belongs to ward CLI4E.",
    });
    expect(await fails(["devices", "ward", "env-cli-1", "--ward", "NOPE"])).toBe('ward: no ward "NOPE"');
    expect(await fails(["devices", "ward", "env-cli-1"])).toMatch(/needs --ward/);
    expect(await cli(["devices", "ward", "env-cli-1", "--ward", "none"])).toMatchObject({ text: "env-cli-1 belongs to no ward." });
    expect((await db.prisma.device.findUniqueOrThrow({ where: { id: "env-cli-1" } })).wardId).toBeNull();
  });
});
