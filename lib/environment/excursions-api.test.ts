import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { loadPrincipal } from "@/lib/auth/load-principal";
import { GET as listRoute } from "@/app/api/v1/environment/excursions/route";
import { POST as actionRoute } from "@/app/api/v1/environment/excursions/[id]/corrective-action/route";
import { summarizeExcursions } from "./excursion-queries";
import type { ExcursionView } from "./excursion-types";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe.each(testDatabaseKinds)("environment excursions API on %s", (kind) => {
  let db: TestDatabase;
  const T = Date.now();
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  let wardA: string, wardB: string;

  const call = async (handler: Handler, url: string, token: string | null, params: Record<string, string> = {}, body?: unknown) => {
    const headers: Record<string, string> = { "user-agent": "vitest" };
    if (token) headers.authorization = `Bearer ${token}`;
    const init =
      body === undefined
        ? { headers }
        : { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) };
    return handler(new NextRequest(`http://x${url}`, init), { params: Promise.resolve(params) });
  };
  const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> });
  const list = async (who: string, qs = "") => {
    const r = await json(await call(listRoute, `/api/v1/environment/excursions${qs}`, tokens[who]!));
    return {
      ...r,
      rows: (r.body.excursions ?? []) as ExcursionView[],
      ids: ((r.body.excursions ?? []) as ExcursionView[]).map((x) => x.id),
    };
  };
  const act = async (who: string | null, id: string, body: unknown) =>
    json(await call(actionRoute, `/api/v1/environment/excursions/${id}/corrective-action`, who ? tokens[who]! : null, { id }, body));

  const insert = (
    id: string,
    f: {
      device: string;
      kind: string;
      profile?: string;
      ward: string | null;
      start: number;
      end: number | null;
      min?: number;
      max?: number;
      alert?: string;
    },
  ) =>
    db.sql.query(
      `INSERT INTO environment_excursions (id, device_id, kind, profile, location, ward_id, started_at, ended_at, min_c, max_c, alert_id)
       VALUES ($1, $2, $3::"ExcursionKind", $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        f.device,
        f.kind,
        f.profile ?? "vaccine_fridge",
        `Pharmacy ${f.device}`,
        f.ward,
        new Date(f.start).toISOString(),
        f.end === null ? null : new Date(f.end).toISOString(),
        f.min ?? null,
        f.max ?? null,
        f.alert ?? null,
      ],
    );

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const a = await createWardWithPatients(db.prisma, 1);
    const b = await createWardWithPatients(db.prisma, 0);
    wardA = a.ward.id;
    wardB = b.ward.id;
    const users = {
      admin: await createUserWithToken(db.prisma, "admin"),
      biomed: await createUserWithToken(db.prisma, "biomed"),
      nurseA: await createUserWithToken(db.prisma, "nurse", { wardIds: [wardA] }),
      physicianA: await createUserWithToken(db.prisma, "physician", { wardIds: [wardA] }),
      nurseB: await createUserWithToken(db.prisma, "nurse", { wardIds: [wardB] }),
      patient: await createUserWithToken(db.prisma, "patient", { patientId: a.patients[0]!.id }),
    };
    for (const [k, u] of Object.entries(users)) {
      tokens[k] = u.token;
      userIds[k] = u.user.id;
    }
    await insert("x1", {
      device: "fridge-a",
      kind: "high",
      ward: wardA,
      start: T - 3 * HOUR,
      end: T - 2 * HOUR,
      min: 8.4,
      max: 11.2,
      alert: "alert-x1",
    });
    await insert("x2", { device: "fridge-a", kind: "low", ward: wardA, start: T - 90 * MIN, end: null, min: 0.5, max: 1.8 });
    await insert("x3", { device: "fridge-b", kind: "data_gap", ward: wardB, start: T - 40 * DAY, end: T - 40 * DAY + 2 * HOUR });
    await insert("x4", {
      device: "freezer-c",
      kind: "high",
      profile: "vaccine_freezer",
      ward: null,
      start: T - 10 * DAY,
      end: T - 10 * DAY + 30 * MIN,
      min: -14,
      max: -9.5,
    });
    await insert("x5", {
      device: "fridge-b",
      kind: "high",
      profile: "blood_bank",
      ward: wardB,
      start: T - 5 * DAY,
      end: T - 5 * DAY + 15 * MIN,
      min: 8.1,
      max: 8.6,
    });
    await db.prisma.alert.create({
      data: {
        id: "alert-x1",
        rule: "env.excursion",
        priority: "medium",
        deviceId: "fridge-a",
        wardId: wardA,
        message: "fridge-a above range",
        state: "resolved",
      },
    });
    await db.sql.query(
      `UPDATE environment_excursions SET corrective_action = 'Door seal replaced', action_by_id = $1, action_at = $2 WHERE id = 'x4'`,
      [userIds.admin, new Date(T - 9 * DAY).toISOString()],
    );
  });
  afterAll(async () => db?.destroy());

  it("scopes the record: admin and biomed see all, nurses and physicians their wards, patients nothing", async () => {
    expect((await list("biomed")).ids).toEqual(["x2", "x1", "x5", "x4", "x3"]); // newest first
    expect((await list("admin")).ids).toEqual(["x2", "x1", "x5", "x4", "x3"]);
    expect((await list("nurseA")).ids).toEqual(["x2", "x1"]);
    expect((await list("physicianA")).ids).toEqual(["x2", "x1"]);
    expect((await list("nurseB")).ids).toEqual(["x5", "x3"]); // a row on no ward is for admin and biomed only
    expect((await list("patient")).status).toBe(403);
    expect((await call(listRoute, "/api/v1/environment/excursions", null)).status).toBe(401);
  });

  it("shows each row with its profile, duration (an ongoing one up to now) and who recorded the action", async () => {
    const rows = Object.fromEntries((await list("biomed")).rows.map((x) => [x.id, x]));
    expect(rows.x1).toMatchObject({
      deviceId: "fridge-a",
      kind: "high",
      profile: "vaccine_fridge",
      profileLabel: "Vaccine fridge (2–8 °C)",
      location: "Pharmacy fridge-a",
      wardId: wardA,
      ongoing: false,
      durationMs: HOUR,
      minC: 8.4,
      maxC: 11.2,
      alertId: "alert-x1",
      alertState: "resolved",
      correctiveAction: null,
      actionBy: null,
    });
    expect(rows.x1!.startedAt).toBe(new Date(T - 3 * HOUR).toISOString());
    expect(rows.x2).toMatchObject({ ongoing: true, endedAt: null });
    expect(rows.x2!.durationMs).toBeGreaterThanOrEqual(90 * MIN);
    expect(rows.x2!.durationMs).toBeLessThan(92 * MIN);
    expect(rows.x3).toMatchObject({ kind: "data_gap", durationMs: 2 * HOUR, minC: null, maxC: null });
    expect(rows.x4).toMatchObject({
      profileLabel: "Vaccine freezer (-50–-15 °C)",
      correctiveAction: "Door seal replaced",
      actionBy: { id: userIds.admin },
    });
    expect(rows.x5).toMatchObject({ profile: "blood_bank", profileLabel: null });
  });

  it("filters by device, kind, period, ongoing, needing an action and limit", async () => {
    expect((await list("biomed", "?deviceId=fridge-a")).ids).toEqual(["x2", "x1"]);
    expect((await list("biomed", "?kind=high")).ids).toEqual(["x1", "x5", "x4"]);
    expect((await list("biomed", "?open=true")).ids).toEqual(["x2"]);
    expect((await list("biomed", "?open=false&kind=high")).ids).toEqual(["x1", "x5", "x4"]);
    expect((await list("biomed", "?needsAction=true")).ids).toEqual(["x2", "x1", "x5", "x3"]);
    expect((await list("biomed", "?needsAction=0")).ids).toEqual(["x4"]);
    const from = new Date(T - 7 * DAY).toISOString();
    expect((await list("biomed", `?from=${from}`)).ids).toEqual(["x2", "x1", "x5"]);
    expect((await list("biomed", `?to=${from}`)).ids).toEqual(["x4", "x3"]);
    // Overlap: an excursion still going counts in a period that starts after it began.
    expect((await list("biomed", `?from=${new Date(T - 10 * MIN).toISOString()}`)).ids).toEqual(["x2"]);
    expect((await list("biomed", "?limit=2")).ids).toEqual(["x2", "x1"]);
    expect((await list("nurseA", "?deviceId=fridge-b")).ids).toEqual([]); // filters never widen the scope
  });

  it("explains a bad query naming each field", async () => {
    const bad = await list("biomed", "?kind=hot&from=yesterday&open=maybe&limit=0&format=xml");
    expect(bad.status).toBe(400);
    expect((bad.body.issues as { field: string }[]).map((i) => i.field).sort()).toEqual([
      "query.format",
      "query.from",
      "query.kind",
      "query.limit",
      "query.open",
    ]);
    expect(bad.body.error).toMatch(/query\.kind: must be one of: high, low, data_gap/);
    const reversed = await list("biomed", "?from=2026-11-23&to=2026-11-01");
    expect(reversed.status).toBe(400);
    expect(reversed.body.issues).toEqual([{ field: "query.to", reason: "must be after from" }]);
    expect((await list("biomed", "?from=2026-11-23T18:00:00")).status).toBe(400); // a time needs its offset
  });

  it("summarizes open excursions, the last 30 days, time out of range and what needs an action", async () => {
    const biomed = (await loadPrincipal(userIds.biomed!, "token"))!;
    const nurseA = (await loadPrincipal(userIds.nurseA!, "token"))!;
    const now = new Date(T);
    expect(await summarizeExcursions(biomed, { now })).toEqual({
      windowDays: 30,
      open: 1,
      excursions: 4,
      gaps: 0,
      outOfRangeMs: HOUR + 90 * MIN + 30 * MIN + 15 * MIN,
      needsAction: 4,
    });
    expect(await summarizeExcursions(nurseA, { now })).toMatchObject({
      open: 1,
      excursions: 2,
      outOfRangeMs: HOUR + 90 * MIN,
      needsAction: 2,
    });
    // Time is clipped to the window: only the last hour of the ongoing excursion lies in a 1-hour window.
    expect(await summarizeExcursions(biomed, { now, windowDays: 1 / 24 })).toMatchObject({ excursions: 1, outOfRangeMs: HOUR });
    expect(await summarizeExcursions(biomed, { now, windowDays: 41 })).toMatchObject({ gaps: 1 });
  });

  it("records a corrective action once, in scope, audited; a second attempt is a conflict naming who and when", async () => {
    expect((await act("nurseB", "x1", { action: "Checked the fridge" })).status).toBe(403);
    expect((await act("patient", "x1", { action: "Checked the fridge" })).status).toBe(403);
    expect((await act(null, "x1", { action: "Checked the fridge" })).status).toBe(401);
    const empty = await act("nurseA", "x1", { action: "  " });
    expect(empty.status).toBe(400);
    expect(empty.body.issues).toEqual([{ field: "body.action", reason: "at least 3 characters" }]);
    const missing = await act("nurseA", "x1", {});
    expect(missing.status).toBe(400);
    expect((missing.body.issues as { field: string }[])[0]!.field).toBe("body.action");
    expect((await act("nurseA", "x1", { action: "x".repeat(2001) })).status).toBe(400);
    expect((await act("biomed", "nope", { action: "Checked the fridge" })).status).toBe(404);
    expect((await act("nurseA", "nope", { action: "Checked the fridge" })).status).toBe(403);

    const text = 'Door closed, "checked" thermometer; doses quarantined';
    const ok = await act("nurseA", "x1", { action: `  ${text}\n` });
    expect(ok.status).toBe(200);
    const x = ok.body.excursion as ExcursionView;
    expect(x).toMatchObject({
      id: "x1",
      correctiveAction: text,
      actionBy: { id: userIds.nurseA, name: expect.stringContaining("nurse-") },
    });
    expect(Date.now() - Date.parse(x.actionAt!)).toBeLessThan(60_000);

    const again = await act("biomed", "x1", { action: "Something else" });
    expect(again.status).toBe(409);
    expect(again.body.error).toContain(x.actionBy!.name);
    expect(again.body.error).toContain(x.actionAt!);
    expect((await act("admin", "x4", { action: "Overwrite" })).status).toBe(409);
    const stored = await db.sql.query<{ corrective_action: string }>(
      `SELECT corrective_action FROM environment_excursions WHERE id = 'x1'`,
    );
    expect(stored[0]!.corrective_action).toBe(text);

    const audit = await db.prisma.auditEvent.findMany({ where: { action: "environment.corrective_action" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: userIds.nurseA, actorRole: "nurse", patientId: null, userAgent: "vitest" });
    expect(audit[0]!.detail).toMatchObject({ excursionId: "x1", deviceId: "fridge-a", kind: "high", action: text });
    expect((await list("biomed", "?needsAction=true")).ids).toEqual(["x2", "x5", "x3"]);
  });

  it("exports CSV in the caller's scope with the same filters", async () => {
    const res = await call(listRoute, "/api/v1/environment/excursions?format=csv&deviceId=fridge-a", tokens.nurseA!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="environment-excursions-.*\.csv"$/);
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "excursion_id,device_id,location,ward,profile,kind,started_at,ended_at,ongoing,duration_min,min_c,max_c,alert_id,corrective_action,action_by,action_at",
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^x2,fridge-a,Pharmacy fridge-a,W[0-9a-f]+,Vaccine fridge \(2–8 °C\),low,[^,]+,,yes,9\d\.\d,0\.5,1\.8,,,,$/);
    expect(lines[2]).toContain(
      `,high,${new Date(T - 3 * HOUR).toISOString()},${new Date(T - 2 * HOUR).toISOString()},no,60.0,8.4,11.2,alert-x1,`,
    );
    expect(lines[2]).toContain('"Door closed, ""checked"" thermometer; doses quarantined"');
    const other = await call(listRoute, "/api/v1/environment/excursions?format=csv", tokens.nurseB!);
    expect(
      (await other.text())
        .trimEnd()
        .split("\r\n")
        .map((l) => l.split(",")[0]),
    ).toEqual(["excursion_id", "x5", "x3"]);
  });
});
