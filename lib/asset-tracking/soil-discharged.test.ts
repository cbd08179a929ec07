// Assets discharged with a patient: after a discharge, an asset located in the room of the patient's bed
// needs cleaning (soiled, as a dirty utility room would mark it); an asset elsewhere does not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createUserWithToken } from "@/test/support/principals";
import { provisionAssetMap, sightingBatches } from "@/test/support/asset-map-fixture";
import { POST as sightingsRoute } from "@/app/api/v1/devices/[deviceId]/sightings/route";
import { POST as admit } from "@/app/api/v1/encounters/route";
import { POST as discharge } from "@/app/api/v1/encounters/[id]/discharge/route";
import { locationService } from "./start-asset-tracking";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const post = async (h: Handler, token: string, body: unknown, params: Record<string, string> = {}) => {
  const res = await h(
    new NextRequest("http://x/api", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

describe.each(testDatabaseKinds)("assets discharged with a patient on %s", (kind) => {
  let db: TestDatabase;
  let fx: Awaited<ReturnType<typeof provisionAssetMap>>;
  let admin: string;
  let bedId: string;
  const T0 = Date.now() - 10 * 60_000;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const ward = await db.prisma.ward.create({ data: { code: "4E", name: "Ward 4E", beds: { create: [{ label: "1", room: "R01" }] } } });
    bedId = (await db.prisma.bed.findFirstOrThrow({ where: { wardId: ward.id } })).id;
    fx = await provisionAssetMap(
      ward.id,
      ["4E-R01", "4E-R02"],
      [
        { id: "tag-pump-1", class: "infusion_pump", name: "Pump 1" },
        { id: "tag-pump-2", class: "infusion_pump", name: "Pump 2" },
      ],
    );
    admin = (await createUserWithToken(db.prisma, "admin")).token;
    await locationService();
  }, 60_000);
  afterAll(async () => {
    await (await locationService()).drain();
    await db?.destroy();
  });

  it("marks the assets in the discharged patient's room as needing cleaning", async () => {
    for (const [room, tag] of [
      ["4E-R01", "tag-pump-1"],
      ["4E-R02", "tag-pump-2"],
    ] as const) {
      const res = await post(sightingsRoute as Handler, fx.gateways[room]!.secret, sightingBatches(1, T0, 8, { [tag]: -50 }), {
        deviceId: `gw-${room}`,
      });
      expect(res.status).toBe(202);
    }
    const svc = await locationService();
    await svc.drain();
    expect(await db.prisma.asset.findUnique({ where: { tagId: "tag-pump-1" } })).toMatchObject({ roomId: "4E-R01", soiledAt: null });

    const patient = await db.prisma.patient.create({
      data: { mrn: "D-1", givenName: "A", familyName: "B", birthDate: new Date("1950-01-01") },
    });
    const a = await post(admit, admin, { patientId: patient.id, bedId });
    expect(a.status).toBe(201);
    const d = await post(discharge, admin, { disposition: "01" }, { id: (a.json.encounter as { id: string }).id });
    expect(d.status).toBe(200);

    await expect
      .poll(async () => (await db.prisma.asset.findUnique({ where: { tagId: "tag-pump-1" } }))?.soiledAt ?? null, {
        timeout: 5_000,
      })
      .not.toBeNull();
    await svc.drain();
    const pump1 = await db.prisma.asset.findUniqueOrThrow({ where: { tagId: "tag-pump-1" } });
    const pump2 = await db.prisma.asset.findUniqueOrThrow({ where: { tagId: "tag-pump-2" } });
    expect(pump1.soiledAt).not.toBeNull();
    expect(pump2.soiledAt).toBeNull();
  });
});
