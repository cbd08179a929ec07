// The asset map's stateful side on PGlite and PostgreSQL: provisioning through the CLI, sightings over HTTP
// (idempotent by seq, unknown tags counted), the location engine's changes stored as history and current
// place, the assets API (list, trail, nearest) in the caller's scope, a wheelchair leaving through the exit
// raising an equipment alert, and the batched history writer isolating a poison row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createUserWithToken } from "@/test/support/principals";
import { provisionAssetMap, sightingBatches } from "@/test/support/asset-map-fixture";
import { POST as sightingsRoute } from "@/app/api/v1/devices/[deviceId]/sightings/route";
import { GET as assetsRoute } from "@/app/api/v1/assets/route";
import { GET as nearestRoute } from "@/app/api/v1/assets/nearest/route";
import { GET as trailRoute } from "@/app/api/v1/assets/[id]/trail/route";
import { GET as floorsRoute } from "@/app/api/v1/floors/route";
import { PUT as putFloorRoute } from "@/app/api/v1/floors/[id]/route";
import { locationService } from "./start-asset-tracking";
import { HistoryWriter } from "./history-writer";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const call = async (
  handler: Handler,
  url: string,
  token: string,
  opts: { params?: Record<string, string>; body?: unknown; method?: string } = {},
) => {
  const init: { method?: string; headers: Record<string, string>; body?: string } = { headers: { authorization: `Bearer ${token}` } };
  if (opts.body !== undefined) {
    init.method = opts.method ?? "POST";
    init.headers["content-type"] = "application/json";
    init.body = JSON.stringify(opts.body);
  }
  const res = await handler(new NextRequest(`http://x${url}`, init), { params: Promise.resolve(opts.params ?? {}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe.each(testDatabaseKinds)("asset tracking on %s", (kind) => {
  let db: TestDatabase;
  let fx: Awaited<ReturnType<typeof provisionAssetMap>>;
  const tokens: Record<string, string> = {};
  const T0 = Date.now() - 10 * 60_000;

  const send = (room: string, body: unknown) =>
    call(sightingsRoute as Handler, `/api/v1/devices/gw-${room}/sightings`, fx.gateways[room]!.secret, {
      params: { deviceId: `gw-${room}` },
      body,
    });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const ward = await db.prisma.ward.create({ data: { code: "4E", name: "Ward 4E" } });
    const other = await db.prisma.ward.create({ data: { code: "5W", name: "Ward 5W" } });
    fx = await provisionAssetMap(
      ward.id,
      ["4E-R01", "4E-R02", "4E-CORR-W", "4E-EXIT"],
      [
        { id: "tag-pump-1", class: "infusion_pump", name: "Pump 1" },
        { id: "tag-wc-1", class: "wheelchair", name: "Wheelchair 1" },
      ],
    );
    tokens.nurse = (await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.id] })).token;
    tokens.otherNurse = (await createUserWithToken(db.prisma, "nurse", { wardIds: [other.id] })).token;
    tokens.biomed = (await createUserWithToken(db.prisma, "biomed")).token;
    tokens.admin = (await createUserWithToken(db.prisma, "admin")).token;
    (await locationService()).engine.stats();
  }, 60_000);
  afterAll(async () => db?.destroy());

  it("places a tag from a gateway's sightings, idempotent by seq, counting unknown tags", async () => {
    const body = sightingBatches(1, T0, 8, { "tag-pump-1": -52, "tag-ghost": -60 });
    const first = await send("4E-R01", body);
    expect(first).toEqual({ status: 202, body: { accepted: 8, duplicates: 0, sightings: 16, unknownTags: 8 } });
    await send("4E-CORR-W", sightingBatches(1, T0, 8, { "tag-pump-1": -80 }));
    const again = await send("4E-R01", body.slice(0, 3));
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 3 });
    const svc = await locationService();
    await svc.drain();
    const row = await db.prisma.asset.findUnique({ where: { tagId: "tag-pump-1" } });
    expect(row).toMatchObject({ roomId: "4E-R01", locationState: "located" });
    const batches = await db.prisma.sightingBatch.findMany({ where: { gatewayId: "gw-4E-R01" } });
    expect(batches).toHaveLength(8);
    expect(batches.reduce((n, b) => n + b.unknownTags, 0)).toBe(8);
    const history = await db.prisma.assetRoomHistory.findMany({ where: { asset: { tagId: "tag-pump-1" } } });
    expect(history.map((h) => h.roomId)).toEqual(["4E-R01"]);
  });

  it("refuses an invalid body naming the field, and a device that is not a gateway", async () => {
    const bad = await send("4E-R01", { seq: 99, ts: new Date(T0).toISOString(), sightings: [{ tag: "tag-pump-1", rssi: 12 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe("batch.sightings[0].rssi: 12 is above the maximum 0 dBm");
    const tag = await db.prisma.device.findUnique({ where: { id: "tag-pump-1" } });
    expect(tag?.type).toBe("asset_tag");
  });

  it("moves a tag to the room that hears it best, with history, and answers the API in scope", async () => {
    // Gateways report every few seconds, so their batches interleave in time.
    for (let k = 0; k < 5; k++) {
      await send("4E-R01", sightingBatches(20 + 4 * k, T0 + 20_000 + 4000 * k, 4, { "tag-pump-1": -80 }));
      await send("4E-R02", sightingBatches(1 + 4 * k, T0 + 20_000 + 4000 * k, 4, { "tag-pump-1": -50 }));
    }
    const svc = await locationService();
    await svc.drain();
    const history = await db.prisma.assetRoomHistory.findMany({ where: { asset: { tagId: "tag-pump-1" } }, orderBy: { at: "asc" } });
    expect(history.map((h) => [h.roomId, h.previousRoomId])).toEqual([
      ["4E-R01", null],
      ["4E-R02", "4E-R01"],
    ]);

    const mine = await call(assetsRoute as Handler, "/api/v1/assets?class=infusion_pump", tokens.nurse!);
    expect(mine.body.assets).toEqual([
      expect.objectContaining({
        id: fx.tagIds["tag-pump-1"],
        tagId: "tag-pump-1",
        class: "infusion_pump",
        roomId: "4E-R02",
        roomName: "Room 2",
        floorId: "4E",
      }),
    ]);
    expect((await call(assetsRoute as Handler, "/api/v1/assets", tokens.otherNurse!)).body.assets).toEqual([]);
    const badQuery = await call(assetsRoute as Handler, "/api/v1/assets?status=lost", tokens.nurse!);
    expect(badQuery.status).toBe(400);

    const near = await call(nearestRoute as Handler, "/api/v1/assets/nearest?class=infusion_pump&near=4E/1", tokens.nurse!);
    expect(near.status).toBe(200);
    expect(near.body.from).toBe("4E-R01");
    expect(near.body.assets).toEqual([
      expect.objectContaining({ tagId: "tag-pump-1", roomId: "4E-R02", path: expect.arrayContaining(["4E-R02"]) }),
    ]);
    const nowhere = await call(nearestRoute as Handler, "/api/v1/assets/nearest?class=infusion_pump&near=9Z/9", tokens.nurse!);
    expect(nowhere).toMatchObject({
      status: 400,
      body: { issues: [{ field: "near", reason: expect.stringContaining("no room or bed") }] },
    });

    const trail = await call(trailRoute as Handler, `/api/v1/assets/${fx.tagIds["tag-pump-1"]}/trail`, tokens.nurse!, {
      params: { id: fx.tagIds["tag-pump-1"]! },
    });
    expect((trail.body.trail as { roomId: string }[]).map((t) => t.roomId)).toEqual(["4E-R01", "4E-R02"]);
    const hidden = await call(trailRoute as Handler, `/api/v1/assets/x/trail`, tokens.otherNurse!, {
      params: { id: fx.tagIds["tag-pump-1"]! },
    });
    expect(hidden.status).toBe(403);
  });

  it("raises an equipment alert when a wheelchair leaves through the exit", async () => {
    await send("4E-CORR-W", sightingBatches(100, T0 + 60_000, 8, { "tag-wc-1": -50 }));
    for (let k = 0; k < 5; k++) {
      await send("4E-EXIT", sightingBatches(1 + 4 * k, T0 + 70_000 + 4000 * k, 4, { "tag-wc-1": -45 }));
      await send("4E-CORR-W", sightingBatches(200 + 4 * k, T0 + 70_000 + 4000 * k, 4, { "tag-wc-1": -85 }));
    }
    await (await locationService()).drain();
    let alert = null;
    for (let i = 0; i < 50 && !alert; i++) {
      alert = await db.prisma.alert.findFirst({ where: { rule: "device.zone_exit", deviceId: "tag-wc-1" } });
      if (!alert) await new Promise((r) => setTimeout(r, 100));
    }
    expect(alert).toMatchObject({ priority: "medium", patientId: null, message: expect.stringContaining("Stairwell and fire exit") });
  });

  it("lists floors in scope and lets only admins replace one, naming the field at fault", async () => {
    const floors = await call(floorsRoute as Handler, "/api/v1/floors", tokens.nurse!);
    expect((floors.body.floors as { id: string }[]).map((f) => f.id)).toEqual(["4E", "ICU"]);
    const room = (floors.body.floors as { rooms: { id: string; type: string; polygon: unknown }[] }[])[0]!.rooms[0]!;
    expect(room).toMatchObject({ id: expect.any(String), type: expect.any(String), polygon: expect.any(Array) });
    const plan = {
      rooms: [
        {
          id: "X-1",
          name: "Store",
          type: "store",
          points: [
            [0, 0],
            [4, 0],
            [4, 3],
          ],
        },
      ],
    };
    expect(
      (await call(putFloorRoute as Handler, "/api/v1/floors/X", tokens.nurse!, { params: { id: "X" }, body: plan, method: "PUT" })).status,
    ).toBe(403);
    const ok = await call(putFloorRoute as Handler, "/api/v1/floors/X", tokens.admin!, { params: { id: "X" }, body: plan, method: "PUT" });
    expect(ok.status).toBe(200);
    const bad = await call(putFloorRoute as Handler, "/api/v1/floors/X", tokens.admin!, {
      params: { id: "X" },
      body: {
        rooms: [
          {
            id: "X-1",
            name: "Store",
            type: "cellar",
            points: [
              [0, 0],
              [4, 0],
              [4, 3],
            ],
          },
        ],
      },
      method: "PUT",
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.issues)).toContain("body.rooms[0].type");
  });

  it("raises a low-priority par alert to the ward's charge nurse, and marks a silent tag missing with a history row", async () => {
    const ward = await db.prisma.ward.findUniqueOrThrow({ where: { code: "4E" } });
    const charge = await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.id] });
    await db.prisma.userWard.update({ where: { userId_wardId: { userId: charge.user.id, wardId: ward.id } }, data: { duty: "charge" } });
    await db.prisma.assetParLevel.create({ data: { floorId: "4E", class: "infusion_pump", minimum: 3 } });
    const svc = await locationService();
    await svc.load();
    svc.tick(Date.now());
    let alert = null;
    for (let i = 0; i < 50 && !alert; i++) {
      alert = await db.prisma.alert.findFirst({ where: { rule: "asset.par_low" }, include: { events: true } });
      if (!alert) await new Promise((r) => setTimeout(r, 100));
    }
    expect(alert).toMatchObject({ priority: "low", wardId: ward.id, message: expect.stringContaining("par level 3") });
    const notified = alert!.events.find((e) => e.type === "notified")!.detail as { recipients: { id: string }[] };
    expect(notified.recipients.map((r) => r.id)).toEqual([charge.user.id]);

    svc.tick(Date.now() + 60 * 60_000);
    await svc.drain();
    const pump = await db.prisma.asset.findUniqueOrThrow({
      where: { tagId: "tag-pump-1" },
      include: { history: { orderBy: { at: "desc" }, take: 1 } },
    });
    expect(pump.locationState).toBe("missing");
    expect(pump.history[0]).toMatchObject({ state: "missing", roomId: "4E-R02" });
  });

  it("writes a batch of changes with a poison row: the row is isolated, the rest stored", async () => {
    const asset = await db.prisma.asset.findUniqueOrThrow({ where: { tagId: "tag-wc-1" } });
    const writer = new HistoryWriter(db.sql, { flushMs: 1 });
    const at = Date.now();
    const snap = { roomId: "4E-STORE", state: "located", since: at, lastSeenAt: at, inUseSince: null, soiledAt: null, cleanedAt: null };
    writer.add({ assetId: asset.id, roomId: "4E-STORE", previousRoomId: null, state: "located", at }, { assetId: asset.id, ...snap });
    writer.add(
      { assetId: "asset-deleted", roomId: "4E-STORE", previousRoomId: null, state: "located", at },
      { assetId: "asset-deleted", ...snap },
    );
    await writer.drain();
    expect(writer.stats).toMatchObject({ historyRows: 1, poisonRows: 1 });
    expect(await db.prisma.assetRoomHistory.count({ where: { assetId: asset.id, roomId: "4E-STORE" } })).toBe(1);
  });
});
