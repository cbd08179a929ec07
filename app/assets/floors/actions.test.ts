// The floor plans page's server actions on PGlite (and PostgreSQL): an admin saves an imported floor
// through the PUT route's domain function (audited), creates a new floor, sets and removes a par level;
// bad input and other roles are refused with the field named.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setDatabase } from "@/lib/db/database";
import type { Principal } from "@/lib/auth/principal";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createUserWithToken } from "@/test/support/principals";

const session = vi.hoisted(() => ({ principal: null as Principal | null }));
vi.mock("@/lib/auth/current-principal", () => ({ principalFromSession: async () => session.principal }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "user-agent": "vitest" }) }));

const { saveFloorPlan, saveParLevel } = await import("./actions");

const square = (x: number, y: number) => [
  [x, y],
  [x + 5, y],
  [x + 5, y + 5],
  [x, y + 5],
];
const plan = (rooms: { id: string; name: string; type: string; x: number }[]) =>
  JSON.stringify({
    name: "Ward 9",
    rooms: rooms.map((r) => ({ id: r.id, name: r.name, type: r.type, points: square(r.x, 0) })),
    doors: rooms.slice(1).map((r) => [rooms[0]!.id, r.id]),
  });

describe.each(testDatabaseKinds)("floor plans page actions on %s", (kind) => {
  let db: TestDatabase;
  let admin: Principal;
  let nurse: Principal;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const a = (await createUserWithToken(db.prisma, "admin")).user;
    const n = (await createUserWithToken(db.prisma, "nurse")).user;
    const base = { patientId: null, wardIds: [], via: "session" as const, authAt: Date.now() };
    admin = { ...base, userId: a.id, email: a.email, name: a.name, role: "admin" };
    nurse = { ...base, userId: n.id, email: n.email, name: n.name, role: "nurse" };
  });
  afterAll(async () => db.destroy());
  beforeEach(() => {
    session.principal = admin;
  });

  it("creates a floor, then replaces its rooms, each save audited as floor.save", async () => {
    const created = await saveFloorPlan({
      floorId: "W9",
      name: "Ward nine",
      json: plan([
        { id: "W9-C", name: "Corridor", type: "corridor", x: 0 },
        { id: "W9-R1", name: "Room 1", type: "patient_room", x: 5 },
      ]),
    });
    expect(created).toEqual({ ok: true, data: { id: "W9", name: "Ward nine", rooms: 2 } });
    const replaced = await saveFloorPlan({
      floorId: "W9",
      json: plan([
        { id: "W9-C", name: "Corridor", type: "corridor", x: 0 },
        { id: "W9-R2", name: "Room 2", type: "patient_room", x: 5 },
        { id: "W9-DU", name: "Dirty utility", type: "dirty_utility", x: 10 },
      ]),
    });
    expect(replaced.ok).toBe(true);
    const rooms = await db.prisma.mapRoom.findMany({ where: { floorId: "W9" }, orderBy: { position: "asc" } });
    expect(rooms.map((r) => [r.id, r.type])).toEqual([
      ["W9-C", "corridor"],
      ["W9-R2", "patient_room"],
      ["W9-DU", "dirty_utility"],
    ]);
    const audits = await db.prisma.auditEvent.findMany({ where: { action: "floor.save" } });
    expect(audits).toHaveLength(2);
  });

  it("refuses a bad file naming the room and field, and saves nothing", async () => {
    const r = await saveFloorPlan({ floorId: "W9", json: plan([{ id: "W9-C", name: "Corridor", type: "garage", x: 0 }]) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^Not saved: .*rooms\[0\]\.type/);
    expect(await db.prisma.mapRoom.count({ where: { floorId: "W9" } })).toBe(3);
    const notJson = await saveFloorPlan({ floorId: "W9", json: "{" });
    expect(notJson).toMatchObject({ ok: false, error: expect.stringContaining("json: the file is not valid JSON") });
    const badId = await saveFloorPlan({ floorId: "no spaces", json: "{}" });
    expect(badId).toMatchObject({ ok: false, fieldErrors: { floorId: expect.any(String) } });
  });

  it("sets, changes and removes a par level, audited; refuses bad fields by name", async () => {
    expect(await saveParLevel({ floorId: "W9", class: "infusion_pump", minimum: "3" })).toEqual({
      ok: true,
      data: { floorId: "W9", class: "infusion_pump", minimum: 3 },
    });
    await saveParLevel({ floorId: "W9", class: "infusion_pump", minimum: "4" });
    expect(await db.prisma.assetParLevel.findMany()).toEqual([{ floorId: "W9", class: "infusion_pump", minimum: 4 }]);
    expect(await db.prisma.auditEvent.count({ where: { action: "asset.par_level" } })).toBe(2);

    const bad = await saveParLevel({ floorId: "W9", class: "spaceship", minimum: "-1" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { class: expect.any(String), minimum: "must be 0 or more" } });
    const empty = await saveParLevel({ floorId: "W9", class: "wheelchair", minimum: "" });
    expect(empty).toMatchObject({ ok: false, fieldErrors: { minimum: expect.any(String) } });
    const noFloor = await saveParLevel({ floorId: "NOPE", class: "wheelchair", minimum: "2" });
    expect(noFloor).toMatchObject({ ok: false, error: expect.stringContaining(`floorId: no floor "NOPE"`) });

    expect(await saveParLevel({ floorId: "W9", class: "infusion_pump", minimum: "0" })).toMatchObject({ ok: true });
    expect(await db.prisma.assetParLevel.count()).toBe(0);
  });

  it("refuses every other role", async () => {
    session.principal = nurse;
    expect(await saveParLevel({ floorId: "W9", class: "infusion_pump", minimum: "1" })).toMatchObject({
      ok: false,
      error: "You are not allowed to do this.",
    });
    expect(await saveFloorPlan({ floorId: "W9", json: "{}" })).toMatchObject({ ok: false, error: "You are not allowed to do this." });
  });
});
