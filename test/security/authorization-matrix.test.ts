// The authorization matrix: every route handler file under app/api (found by walking the folder) × every
// HTTP method it exports × every caller (admin, nurse of the patient's ward, nurse of another ward,
// physician of the ward, the patient's own account, biomed, anonymous), with the expected status in the
// table below. A route file or method missing from the table fails the test: a new route must be added.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { AlertWriter } from "@/lib/alerts/alert-writer";
import { finding } from "@/lib/alerts/rule-types";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { seedPromptVault } from "@/lib/ai/vault/seed-vault";
import { seedPrices } from "@/lib/ai/budgets/price-store";

const CALLERS = ["admin", "nurse", "nurseOut", "physician", "patient", "biomed", "anonymous"] as const;
type Caller = (typeof CALLERS)[number];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

type Fixture = {
  wardA: string;
  patientA: string;
  alertAck: string;
  alertEscalate: string;
  alertSilence: string;
  alertResolve: string;
  device: string;
  rotateDevice: string;
  excursion: string;
  victimToken: string;
};
type Case = {
  /** Path parameters by name (the route folder's [name]). */
  params?: (fx: Fixture) => Record<string, string>;
  query?: (fx: Fixture) => Record<string, string>;
  body?: (fx: Fixture) => unknown;
  expect: Record<Caller, number>;
};
type Row = Partial<Record<Method, Case | { outside: string }>>;

/** Expected statuses in CALLERS order: admin, nurse, nurseOut, physician, patient, biomed, anonymous. */
const st = (...s: [number, number, number, number, number, number, number]): Record<Caller, number> =>
  Object.fromEntries(CALLERS.map((c, i) => [c, s[i]!])) as Record<Caller, number>;
const NO_DEVICE = "matrix-no-such-device";
const NO_PACKAGE = "matrix-no-such-package";

/** Route file (relative to app/api) → method → request and expected statuses. */
const MATRIX: Record<string, Row> = {
  "auth/[...nextauth]/route.ts": {
    GET: {
      outside: "next-auth's own handler (CSRF, providers); sign-in and sign-out are covered by lib/auth tests and e2e/security.spec.ts",
    },
    POST: {
      outside: "next-auth's own handler (CSRF, providers); sign-in and sign-out are covered by lib/auth tests and e2e/security.spec.ts",
    },
  },
  "health/route.ts": { GET: { expect: st(200, 200, 200, 200, 200, 200, 200) } },
  "v1/alerts/route.ts": { GET: { expect: st(200, 200, 200, 200, 200, 200, 401) } },
  "v1/alerts/[id]/route.ts": { GET: { params: (f) => ({ id: f.alertAck }), expect: st(200, 200, 403, 200, 200, 403, 401) } },
  "v1/alerts/[id]/acknowledge/route.ts": { POST: { params: (f) => ({ id: f.alertAck }), expect: st(200, 200, 403, 200, 200, 403, 401) } },
  "v1/alerts/[id]/escalate/route.ts": {
    POST: { params: (f) => ({ id: f.alertEscalate }), body: () => ({ reason: "matrix" }), expect: st(200, 200, 403, 200, 403, 403, 401) },
  },
  "v1/alerts/[id]/silence/route.ts": {
    POST: {
      params: (f) => ({ id: f.alertSilence }),
      body: () => ({ reason: "matrix", minutes: 5 }),
      expect: st(200, 200, 403, 200, 403, 403, 401),
    },
  },
  // A body without the reason: the role gate answers before validation (a valid resolve can happen once only).
  "v1/alerts/[id]/resolve/route.ts": {
    POST: { params: (f) => ({ id: f.alertResolve }), body: () => ({}), expect: st(400, 400, 400, 400, 403, 400, 401) },
  },
  "v1/alerts/limits/route.ts": {
    GET: { query: (f) => ({ wardId: f.wardA }), expect: st(200, 200, 403, 200, 403, 403, 401) },
    PUT: {
      body: (f) => ({ wardId: f.wardA, code: "heart_rate", low: 50, high: 120 }),
      expect: st(200, 403, 403, 200, 403, 403, 401),
    },
  },
  "v1/audit/route.ts": { GET: { expect: st(200, 403, 403, 403, 403, 403, 401) } },
  // The signed-in patient's own portal summary (patients only).
  "v1/me/route.ts": { GET: { expect: st(403, 403, 403, 403, 200, 403, 401) } },
  // A patient's own consents (patients only).
  "v1/me/consents/route.ts": {
    GET: { expect: st(403, 403, 403, 403, 200, 403, 401) },
    PUT: { body: () => ({ purpose: "research", granted: true }), expect: st(403, 403, 403, 403, 200, 403, 401) },
  },
  // Patient data rights (lib/data-rights): the patient's own export, erasure request and access report; a
  // patient's export by admins and clinicians in scope; the de-identified research export (admins).
  "v1/me/export/route.ts": { GET: { expect: st(403, 403, 403, 403, 200, 403, 401) } },
  "v1/me/erasure-request/route.ts": {
    GET: { expect: st(403, 403, 403, 403, 200, 403, 401) },
    POST: { body: () => ({}), expect: st(403, 403, 403, 403, 202, 403, 401) },
  },
  "v1/me/access-report/route.ts": { GET: { expect: st(403, 403, 403, 403, 200, 403, 401) } },
  "v1/patients/[id]/export/route.ts": { GET: { params: (f) => ({ id: f.patientA }), expect: st(200, 200, 403, 200, 403, 403, 401) } },
  "v1/research/export/route.ts": { GET: { expect: st(200, 403, 403, 403, 403, 403, 401) } },
  // The CSV export of the audit trail: admins only, like the trail itself (lib/audit/audit-view AUDIT_READER_ROLES).
  "v1/audit/export/route.ts": { GET: { query: (f) => ({ patientId: f.patientA }), expect: st(200, 403, 403, 403, 403, 403, 401) } },
  "v1/devices/route.ts": {
    GET: { expect: st(200, 403, 403, 403, 403, 200, 401) },
    POST: { body: () => ({ type: "bedside_monitor", location: "Matrix lab" }), expect: st(201, 403, 403, 403, 403, 201, 401) },
  },
  "v1/devices/[deviceId]/route.ts": {
    GET: { params: (f) => ({ deviceId: f.device }), expect: st(200, 403, 403, 403, 403, 200, 401) },
    PATCH: {
      params: (f) => ({ deviceId: f.device }),
      body: () => ({ location: "Matrix store" }),
      expect: st(200, 403, 403, 403, 403, 200, 401),
    },
  },
  "v1/devices/[deviceId]/revoke/route.ts": {
    POST: { params: () => ({ deviceId: NO_DEVICE }), expect: st(404, 403, 403, 403, 403, 404, 401) },
  },
  "v1/devices/[deviceId]/rotate-secret/route.ts": {
    POST: { params: (f) => ({ deviceId: f.rotateDevice }), expect: st(200, 403, 403, 403, 403, 200, 401) },
  },
  // Device endpoints take a device's own secret: no user credential opens them.
  "v1/devices/[deviceId]/telemetry/route.ts": {
    POST: {
      params: (f) => ({ deviceId: f.device }),
      body: () => ({ seq: 1, ts: new Date().toISOString(), values: {} }),
      expect: st(401, 401, 401, 401, 401, 401, 401),
    },
  },
  "v1/devices/[deviceId]/ota-status/route.ts": {
    POST: {
      params: (f) => ({ deviceId: f.device }),
      body: () => ({ updateId: "x", state: "downloading" }),
      expect: st(401, 401, 401, 401, 401, 401, 401),
    },
  },
  "v1/devices/[deviceId]/sightings/route.ts": {
    POST: {
      params: (f) => ({ deviceId: f.device }),
      body: () => ({ seq: 1, ts: new Date().toISOString(), sightings: [] }),
      expect: st(401, 401, 401, 401, 401, 401, 401),
    },
  },
  // Asset map: nurses (their wards' floors), biomed, admins; floor plans are replaced by admins only.
  "v1/floors/route.ts": { GET: { expect: st(200, 200, 200, 403, 403, 200, 401) } },
  "v1/floors/[id]/route.ts": { PUT: { params: () => ({ id: "MATRIX" }), body: () => ({}), expect: st(400, 403, 403, 403, 403, 403, 401) } },
  "v1/assets/route.ts": { GET: { expect: st(200, 200, 200, 403, 403, 200, 401) } },
  "v1/assets/nearest/route.ts": {
    GET: { query: () => ({ class: "infusion_pump", near: "nowhere" }), expect: st(400, 400, 400, 403, 403, 400, 401) },
  },
  "v1/assets/[id]/trail/route.ts": { GET: { params: () => ({ id: "matrix-no-asset" }), expect: st(404, 404, 404, 403, 403, 404, 401) } },
  "v1/firmware/[packageId]/download/route.ts": {
    GET: { params: () => ({ packageId: NO_PACKAGE }), query: (f) => ({ device: f.device }), expect: st(401, 401, 401, 401, 401, 401, 401) },
  },
  "v1/environment/excursions/route.ts": { GET: { expect: st(200, 200, 200, 200, 403, 200, 401) } },
  // Too short an action: the role gate answers before validation (a valid action is recorded once only).
  "v1/environment/excursions/[id]/corrective-action/route.ts": {
    POST: { params: (f) => ({ id: f.excursion }), body: () => ({ action: "x" }), expect: st(400, 400, 400, 400, 403, 400, 401) },
  },
  "v1/firmware/route.ts": {
    GET: { expect: st(200, 403, 403, 403, 403, 200, 401) },
    POST: { body: () => ({}), expect: st(400, 403, 403, 403, 403, 400, 401) },
  },
  "v1/firmware/[packageId]/route.ts": { GET: { params: () => ({ packageId: NO_PACKAGE }), expect: st(404, 403, 403, 403, 403, 404, 401) } },
  "v1/firmware/[packageId]/assign/route.ts": {
    POST: { params: () => ({ packageId: NO_PACKAGE }), body: () => ({ deviceIds: ["x"] }), expect: st(404, 403, 403, 403, 403, 404, 401) },
  },
  "v1/firmware/[packageId]/flag/route.ts": {
    POST: { params: () => ({ packageId: NO_PACKAGE }), body: () => ({ reason: "matrix" }), expect: st(404, 403, 403, 403, 403, 404, 401) },
    DELETE: { params: () => ({ packageId: NO_PACKAGE }), expect: st(404, 403, 403, 403, 403, 404, 401) },
  },
  "v1/firmware/patch-status/route.ts": { GET: { expect: st(200, 403, 403, 403, 403, 200, 401) } },
  "v1/ingest/rejections/route.ts": { GET: { expect: st(200, 403, 403, 403, 403, 403, 401) } },
  "v1/patients/route.ts": {
    GET: { expect: st(200, 200, 200, 200, 200, 200, 401) },
    // Admission (ADT): an empty body is refused after the role gate.
    POST: { body: () => ({}), expect: st(400, 400, 400, 400, 403, 403, 401) },
  },
  "v1/patients/[id]/observations/route.ts": {
    GET: { params: (f) => ({ id: f.patientA }), query: () => ({ code: "heart_rate" }), expect: st(200, 200, 403, 200, 200, 403, 401) },
  },
  // AI (lib/ai): admins manage; the features answer clinicians in scope (biomed: equipment alarms), on the demo model.
  "v1/ai/prompts/route.ts": { GET: { expect: st(200, 403, 403, 403, 403, 403, 401) } },
  "v1/ai/prompts/[name]/route.ts": { GET: { params: () => ({ name: "handover-summary" }), expect: st(200, 403, 403, 403, 403, 403, 401) } },
  "v1/ai/prompts/[name]/versions/route.ts": {
    POST: { params: () => ({ name: "handover-summary" }), body: () => ({}), expect: st(400, 403, 403, 403, 403, 403, 401) },
  },
  "v1/ai/prompts/[name]/versions/[version]/approve/route.ts": {
    POST: { params: () => ({ name: "matrix-no-such-prompt", version: "1" }), expect: st(404, 403, 403, 403, 403, 403, 401) },
  },
  "v1/ai/prompts/[name]/versions/[version]/preview/route.ts": {
    POST: {
      params: () => ({ name: "handover-summary", version: "1" }),
      body: (f) => ({ patientId: f.patientA }),
      expect: st(200, 403, 403, 403, 403, 403, 401),
    },
  },
  "v1/ai/prompts/[name]/labels/[label]/route.ts": {
    PUT: {
      params: () => ({ name: "handover-summary", label: "production" }),
      body: () => ({ version: 1 }),
      expect: st(200, 403, 403, 403, 403, 403, 401),
    },
  },
  "v1/ai/calls/route.ts": { GET: { expect: st(200, 403, 403, 403, 403, 403, 401) } },
  "v1/ai/calls/metrics/route.ts": { GET: { expect: st(200, 403, 403, 403, 403, 403, 401) } },
  "v1/ai/calls/[id]/feedback/route.ts": {
    POST: { params: () => ({ id: "matrix-no-such-call" }), body: () => ({ useful: true }), expect: st(404, 404, 404, 404, 404, 404, 401) },
  },
  "v1/ai/prices/route.ts": {
    GET: { expect: st(200, 403, 403, 403, 403, 403, 401) },
    PUT: {
      body: () => ({ model: "matrix-model", inputPerM: 1, cachedInputPerM: 0.5, outputPerM: 2 }),
      expect: st(200, 403, 403, 403, 403, 403, 401),
    },
  },
  "v1/ai/budgets/route.ts": {
    GET: { expect: st(200, 403, 403, 403, 403, 403, 401) },
    PUT: { body: () => ({ scope: "global", period: "month", hardUsd: 1000 }), expect: st(200, 403, 403, 403, 403, 403, 401) },
  },
  "v1/ai/parameters/route.ts": { GET: { expect: st(200, 403, 403, 403, 403, 403, 401) } },
  "v1/ai/status/route.ts": { GET: { expect: st(200, 200, 200, 200, 200, 200, 401) } },
  "v1/patients/[id]/ai/handover/route.ts": { POST: { params: (f) => ({ id: f.patientA }), expect: st(200, 200, 403, 200, 403, 403, 401) } },
  "v1/alerts/[id]/ai/explain/route.ts": { POST: { params: (f) => ({ id: f.alertAck }), expect: st(200, 200, 403, 200, 403, 403, 401) } },
  "v1/alerts/[id]/ai/maintenance/route.ts": {
    POST: { params: (f) => ({ id: f.alertAck }), expect: st(200, 403, 403, 403, 403, 403, 401) },
  },
  // The ward brief is the charge nurse's on duty (the matrix's ward clinicians hold no duty; governed-path.test.ts has one).
  "v1/wards/[id]/ai/brief/route.ts": { POST: { params: (f) => ({ id: f.wardA }), expect: st(200, 403, 403, 403, 403, 403, 401) } },
  // Someone else's token: admins may revoke any token; anyone else is told it does not exist.
  "v1/me/push-subscriptions/route.ts": {
    POST: {
      body: () => ({
        endpoint: "https://fcm.googleapis.com/fcm/send/matrix-1",
        keys: { p256dh: Buffer.alloc(65, 4).toString("base64url"), auth: Buffer.alloc(16, 1).toString("base64url") },
      }),
      expect: st(201, 201, 201, 201, 201, 201, 401),
    },
    DELETE: { body: () => ({ endpoint: "https://fcm.googleapis.com/fcm/send/matrix-1" }), expect: st(200, 200, 200, 200, 200, 200, 401) },
  },
  "v1/me/push-subscriptions/vapid-key/route.ts": { GET: { expect: st(200, 200, 200, 200, 200, 200, 401) } },
  "v1/tokens/[id]/route.ts": { DELETE: { params: (f) => ({ id: f.victimToken }), expect: st(200, 404, 404, 404, 404, 404, 401) } },
  // ---- assets, hospital operations (ADT, duty, users) ----
  "v1/duty/route.ts": {
    GET: { expect: st(400, 400, 400, 400, 403, 403, 401) },
    PUT: { body: () => ({}), expect: st(400, 403, 403, 403, 403, 403, 401) },
  },
  "v1/encounters/route.ts": { POST: { body: () => ({}), expect: st(400, 400, 400, 400, 403, 403, 401) } },
  "v1/encounters/[id]/transfer/route.ts": {
    POST: { params: () => ({ id: "matrix-none" }), body: () => ({}), expect: st(400, 400, 400, 400, 403, 403, 401) },
  },
  "v1/encounters/[id]/discharge/route.ts": {
    POST: { params: () => ({ id: "matrix-none" }), body: () => ({}), expect: st(400, 400, 400, 400, 403, 403, 401) },
  },
  "v1/beds/[id]/cleaned/route.ts": { POST: { params: () => ({ id: "matrix-none" }), expect: st(404, 404, 404, 404, 403, 403, 401) } },
  "v1/flow/route.ts": { GET: { expect: st(200, 200, 200, 200, 403, 403, 401) } },
  "v1/kpis/route.ts": { GET: { expect: st(200, 200, 200, 200, 403, 403, 401) } },
  "v1/users/route.ts": {
    GET: { expect: st(200, 403, 403, 403, 403, 403, 401) },
    POST: { body: () => ({}), expect: st(400, 403, 403, 403, 403, 403, 401) },
  },
  "v1/users/[id]/disable/route.ts": { POST: { params: () => ({ id: "matrix-none" }), expect: st(404, 403, 403, 403, 403, 403, 401) } },
  "v1/wards/route.ts": { GET: { expect: st(200, 200, 200, 200, 200, 200, 401) } },
  // ---- remote monitoring programs (lib/programs); the matrix's clinicians are on no care team ----
  "v1/programs/route.ts": { GET: { expect: st(200, 200, 200, 200, 403, 403, 401) } },
  "v1/programs/[id]/enrolments/route.ts": {
    POST: {
      params: () => ({ id: "matrix-none" }),
      body: (f) => ({ patientId: f.patientA }),
      expect: st(404, 404, 404, 404, 403, 403, 401),
    },
  },
  "v1/programs/[id]/enrolments/[eid]/route.ts": {
    DELETE: { params: () => ({ id: "matrix-none", eid: "matrix-none" }), expect: st(404, 404, 404, 404, 403, 403, 401) },
  },
  "v1/programs/[id]/enrolments/[eid]/end/route.ts": {
    POST: { params: () => ({ id: "matrix-none", eid: "matrix-none" }), expect: st(404, 404, 404, 404, 403, 403, 401) },
  },
  // Care team management: the team and admins read it; admins change it.
  "v1/programs/[id]/care-team/route.ts": {
    GET: { params: () => ({ id: "matrix-none" }), expect: st(404, 404, 404, 404, 403, 403, 401) },
    POST: { params: () => ({ id: "matrix-none" }), body: () => ({ userId: "matrix-none" }), expect: st(404, 403, 403, 403, 403, 403, 401) },
  },
  "v1/programs/[id]/care-team/[userId]/route.ts": {
    DELETE: { params: () => ({ id: "matrix-none", userId: "matrix-none" }), expect: st(404, 403, 403, 403, 403, 403, 401) },
  },
  "v1/programs/[id]/patients/route.ts": { GET: { params: () => ({ id: "matrix-none" }), expect: st(404, 404, 404, 404, 403, 403, 401) } },
  // Messages with the care team: the patient's own thread; clinicians who may see the patient.
  "v1/me/messages/route.ts": {
    GET: { expect: st(403, 403, 403, 403, 200, 403, 401) },
    POST: { body: () => ({ body: "matrix" }), expect: st(403, 403, 403, 403, 201, 403, 401) },
  },
  "v1/patients/[id]/messages/route.ts": {
    GET: { params: (f) => ({ id: f.patientA }), expect: st(200, 200, 403, 200, 403, 403, 401) },
    POST: { params: (f) => ({ id: f.patientA }), body: () => ({ body: "matrix" }), expect: st(201, 201, 403, 201, 403, 403, 401) },
  },
  // Pairing home devices (clinicians who may see the patient, admins): a new CGM per allowed call.
  "v1/patients/[id]/devices/route.ts": {
    GET: { params: (f) => ({ id: f.patientA }), expect: st(200, 200, 403, 200, 403, 403, 401) },
    POST: { params: (f) => ({ id: f.patientA }), body: () => ({ type: "cgm" }), expect: st(201, 201, 403, 201, 403, 403, 401) },
  },
  "v1/patients/[id]/devices/[deviceId]/route.ts": {
    DELETE: { params: (f) => ({ id: f.patientA, deviceId: NO_DEVICE }), expect: st(404, 404, 403, 404, 403, 403, 401) },
  },
  // Onboarding invite (admins, the patient's care team): the matrix patient already has its account.
  "v1/patients/[id]/invite/route.ts": {
    POST: {
      params: (f) => ({ id: f.patientA }),
      body: () => ({ email: "matrix-invite@test.local" }),
      expect: st(409, 403, 403, 403, 403, 403, 401),
    },
  },
};

const API_DIR = path.resolve("app/api");

function routeFiles(dir = API_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(e.name) ? [path.relative(API_DIR, full).split(path.sep).join("/")] : [];
  });
}

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const modules = new Map<string, Record<string, unknown>>();
async function routeModule(file: string) {
  if (!modules.has(file)) modules.set(file, (await import(path.join(API_DIR, file))) as Record<string, unknown>);
  return modules.get(file)!;
}
async function exportedMethods(file: string): Promise<Method[]> {
  const mod = await routeModule(file);
  return METHODS.filter((m) => typeof mod[m] === "function");
}

describe("authorization matrix of every route handler", () => {
  let db: TestDatabase;
  let fx: Fixture;
  const tokens = new Map<Caller, string | null>();

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    await seedPromptVault(); // what startAi does on every install
    await seedPrices();
    const a = await createWardWithPatients(db.prisma, 1);
    const b = await createWardWithPatients(db.prisma, 1);
    const patientA = a.patients[0]!.id;
    const make = async (role: Parameters<typeof createUserWithToken>[1], opts: Parameters<typeof createUserWithToken>[2] = {}) =>
      (await createUserWithToken(db.prisma, role, opts)).token;
    tokens.set("admin", await make("admin"));
    tokens.set("nurse", await make("nurse", { wardIds: [a.ward.id] }));
    tokens.set("nurseOut", await make("nurse", { wardIds: [b.ward.id] }));
    tokens.set("physician", await make("physician", { wardIds: [a.ward.id] }));
    tokens.set("patient", await make("patient", { patientId: patientA }));
    tokens.set("biomed", await make("biomed"));
    tokens.set("anonymous", null);

    for (const id of ["matrix-dev", "matrix-rotate"]) {
      await db.sql.query(`INSERT INTO devices (id, type, secret_hash, patient_id) VALUES ($1, 'bedside_monitor', 'x', $2)`, [id, patientA]);
    }
    const writer = new AlertWriter({
      sql: db.sql,
      bus: eventBus(),
      now: () => Date.now(),
      escalationMs: { high: 60_000, medium: 180_000, low: 600_000, technical: 600_000 },
      retryBaseMs: 10,
    });
    const rules = ["spo2.low", "heart_rate.high", "resp_rate.high", "temp.high"];
    for (const rule of rules) {
      writer.raise(
        finding("violated", Date.now(), 0, {
          rule,
          priority: "medium",
          message: `${rule} (matrix)`,
          value: 1,
          patientId: patientA,
          wardId: a.ward.id,
          deviceId: "matrix-dev",
        }),
      );
    }
    await writer.drain();
    const alertId = async (rule: string) => (await db.prisma.alert.findFirstOrThrow({ where: { rule } })).id;
    await db.sql.query(
      `INSERT INTO environment_excursions (id, device_id, kind, profile, location, ward_id, started_at)
       VALUES ('matrix-exc', 'matrix-dev', 'high'::"ExcursionKind", 'vaccine_fridge', 'Matrix fridge', $1, now())`,
      [a.ward.id],
    );
    const victim = await createUserWithToken(db.prisma, "nurse");
    fx = {
      wardA: a.ward.id,
      patientA,
      alertAck: await alertId("spo2.low"),
      alertEscalate: await alertId("heart_rate.high"),
      alertSilence: await alertId("resp_rate.high"),
      alertResolve: await alertId("temp.high"),
      device: "matrix-dev",
      rotateDevice: "matrix-rotate",
      excursion: "matrix-exc",
      victimToken: (await db.prisma.apiToken.findFirstOrThrow({ where: { userId: victim.user.id } })).id,
    };
  });
  afterAll(async () => db?.destroy());

  it("has a row for every route file and every method it exports (add new routes to MATRIX)", async () => {
    const missing: string[] = [];
    for (const file of routeFiles()) {
      for (const m of await exportedMethods(file)) if (!MATRIX[file]?.[m]) missing.push(`${m} ${file}`);
    }
    expect(missing).toEqual([]);
  });

  it("names no route or method that does not exist", async () => {
    const files = new Set(routeFiles());
    const stale: string[] = [];
    for (const [file, row] of Object.entries(MATRIX)) {
      const methods = files.has(file) ? await exportedMethods(file) : [];
      for (const m of Object.keys(row) as Method[]) if (!methods.includes(m)) stale.push(`${m} ${file}`);
    }
    expect(stale).toEqual([]);
  });

  const cases = Object.entries(MATRIX).flatMap(([file, row]) =>
    (Object.entries(row) as [Method, Case | { outside: string }][])
      .filter((e): e is [Method, Case] => "expect" in e[1])
      .map(([method, c]) => ({ file, method, c })),
  );

  it.each(cases)("$method $file", async ({ file, method, c }) => {
    const handler = (await routeModule(file))[method] as Handler;
    const params = c.params?.(fx) ?? {};
    const urlPath = file
      .replace(/\/?route\.(ts|tsx|js)$/, "")
      .replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, _rest: string, name: string) => encodeURIComponent(params[name] ?? name));
    const query = new URLSearchParams(c.query?.(fx) ?? {}).toString();
    const actual: Partial<Record<Caller, number>> = {};
    for (const caller of CALLERS) {
      const token = tokens.get(caller);
      const body = c.body?.(fx);
      const headers: Record<string, string> = { "user-agent": "vitest-matrix" };
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers["content-type"] = "application/json";
      const req = new NextRequest(`http://localhost/api/${urlPath}${query ? `?${query}` : ""}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const res = await handler(req, { params: Promise.resolve(params) });
      actual[caller] = res.status;
    }
    expect(actual).toEqual(c.expect);
  });
});
