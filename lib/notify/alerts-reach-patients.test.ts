// Issue 15 "alerts that reach people", end to end with real peers: a home patient's urgent low reaches the
// patient's Socket.IO connection, a local push service speaking the Web Push protocol (VAPID checked, the
// aes128gcm body decrypted with the keys the test created like a browser) and an SMTP server; a 410 drops
// the subscription; unacknowledged for 15 minutes it escalates to the care team; the patient acknowledges
// their own alert and never another's; a failing e-mail server never stops the push.
// Recipients are the real ones (lib/alerts/alert-recipients): the patient is enrolled in a diabetes program
// whose care team is one physician, so level 0 is the patient's own account and the care team, levels 1–2
// the care team.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { AlertWriter } from "@/lib/alerts/alert-writer";
import { finding } from "@/lib/alerts/rule-types";
import { EscalationScheduler } from "@/lib/alerts/escalation-scheduler";
import { escalateDueAlerts, nextEscalationDue } from "@/lib/alerts/escalate-alert";
import { HOME_ESCALATION_MS } from "@/lib/alerts/alert-policy";
import { enrolPatient } from "@/lib/programs/programs";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { createUserWithToken } from "@/test/support/principals";
import { startSocketHarness, type SocketHarness } from "@/test/support/socket-harness";
import { startWebPushServer, type WebPushServer } from "@/test/support/web-push-server";
import { startSmtpSink, type SmtpSink } from "@/test/support/smtp-sink";
import { POST as subscribeRoute } from "@/app/api/v1/me/push-subscriptions/route";
import { GET as vapidKeyRoute } from "@/app/api/v1/me/push-subscriptions/vapid-key/route";
import { POST as acknowledgeRoute } from "@/app/api/v1/alerts/[id]/acknowledge/route";
import type { AlertNotification, AlertView } from "@/lib/events";
import { startNotify, type Notify } from "./start-notify";
import type { PushPayload } from "./notify-message";

// The local push service is on localhost: allow it (set before the first env() read, in this test process).
process.env.PUSH_SERVICE_HOSTS = "localhost";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: Handler, token: string, method: string, body?: unknown, params: Record<string, string> = {}) {
  const init: ConstructorParameters<typeof NextRequest>[1] = {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await handler(new NextRequest("http://x/api", init), { params: Promise.resolve(params) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const ESCALATION = { high: 60_000, medium: 180_000, low: 600_000, technical: 600_000 };

describe.each(testDatabaseKinds)("alerts that reach patients on %s", (kind) => {
  let db: TestDatabase;
  let harness: SocketHarness;
  let push: WebPushServer;
  let smtp: SmtpSink;
  let notify: Notify;
  let writer: AlertWriter;
  let patientId: string;
  let otherPatientId: string;
  let patient: { token: string; id: string; email: string };
  let otherPatient: { token: string; id: string };
  let clinician: { token: string; id: string; email: string };
  let urgentLowId: string;
  let raisedAt: number;

  const raise = async (forPatient: string, rule: string, value: number) => {
    const f = finding("violated", Date.now(), 0, {
      rule,
      priority: "high",
      message: `Urgent low glucose: ${value} mg/dL`,
      value,
      patientId: forPatient,
      wardId: null,
      deviceId: null,
    });
    writer.raise(f);
    await writer.drain();
    return (await db.prisma.alert.findUniqueOrThrow({ where: { openKey: f.key } })).id;
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    const mk = (mrn: string, given: string) =>
      db.prisma.patient.create({ data: { mrn, givenName: given, familyName: "Homeward", birthDate: new Date("1980-05-05") } });
    patientId = (await mk(`H-${kind}-1`, "Dana")).id;
    otherPatientId = (await mk(`H-${kind}-2`, "Eli")).id;
    const p = await createUserWithToken(db.prisma, "patient", { patientId });
    const o = await createUserWithToken(db.prisma, "patient", { patientId: otherPatientId });
    const c = await createUserWithToken(db.prisma, "physician");
    patient = { token: p.token, id: p.user.id, email: p.user.email };
    otherPatient = { token: o.token, id: o.user.id };
    clinician = { token: c.token, id: c.user.id, email: c.user.email };
    const program = await db.prisma.program.create({ data: { kind: "diabetes", name: "Diabetes at home" } });
    await db.prisma.programCareTeam.create({ data: { programId: program.id, userId: c.user.id } });
    for (const id of [patientId, otherPatientId]) {
      const enrolled = await enrolPatient(program.id, id, c.user.id);
      if (!enrolled.ok) throw new Error(enrolled.reason);
    }
    writer = new AlertWriter({ sql: db.sql, bus: eventBus(), now: Date.now, escalationMs: ESCALATION });
    harness = await startSocketHarness();
    push = await startWebPushServer();
    smtp = await startSmtpSink();
    notify = await startNotify({ smtpUrl: smtp.url, baseUrl: "https://care.example.org", pushAgent: push.agent, timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await notify?.stop();
    await harness?.close();
    await push?.close();
    await smtp?.close();
    await db?.destroy();
  });

  it("delivers a home patient's urgent low to the patient's socket, push endpoint and mailbox, and to the care team", async () => {
    const key = await call(vapidKeyRoute as Handler, patient.token, "GET");
    expect(key.status).toBe(200);
    const publicKey = key.json.publicKey as string;
    expect(Buffer.from(publicKey, "base64url")).toHaveLength(65);

    const phone = push.subscribe();
    const oldPhone = push.subscribe();
    const desk = push.subscribe();
    push.setStatus(oldPhone.endpoint, 410);
    for (const [token, sub] of [
      [patient.token, phone],
      [patient.token, oldPhone],
      [clinician.token, desk],
    ] as const) {
      expect((await call(subscribeRoute as Handler, token, "POST", { endpoint: sub.endpoint, keys: sub.keys })).status).toBe(201);
    }
    const bad = await call(subscribeRoute as Handler, patient.token, "POST", { endpoint: phone.endpoint, keys: { p256dh: "short" } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("body.keys.p256dh");

    const socket = await harness.connect(patient.token);
    expect(await harness.subscribe(socket, "patient", patientId)).toEqual({ ok: true });
    expect(await harness.subscribe(socket, "patient", otherPatientId)).toMatchObject({ ok: false });
    const raised = new Promise<AlertView>((r) => socket.once("alert:raised", r));
    const notified = new Promise<AlertNotification>((r) =>
      socket.once("alert:notify", (n, ack) => {
        ack({ ok: true });
        r(n);
      }),
    );

    urgentLowId = await raise(patientId, "glucose.urgent_low", 51);
    raisedAt = (await db.prisma.alert.findUniqueOrThrow({ where: { id: urgentLowId } })).raisedAt.getTime();
    expect(await raised).toMatchObject({ id: urgentLowId, rule: "glucose.urgent_low", patientId, wardId: null });
    expect(await notified).toMatchObject({ alert: { id: urgentLowId }, level: 0, reason: "raised" });
    await notify.drain();

    // Web Push: VAPID signed with the server's key, urgency high, an hour's TTL, the body decrypts.
    const toPhone = push.received.find((r) => phone.endpoint.endsWith(r.path))!;
    const toDesk = push.received.find((r) => desk.endpoint.endsWith(r.path))!;
    for (const r of [toPhone, toDesk]) {
      expect(r.vapid).toMatchObject({ aud: push.origin, publicKey });
      expect(r.headers).toMatchObject({ urgency: "high", ttl: "3600", "content-encoding": "aes128gcm" });
      expect(r.status).toBe(201);
    }
    const forPatient = JSON.parse(toPhone.plaintext!) as PushPayload;
    expect(forPatient).toMatchObject({
      title: "Urgent alert: open the portal",
      url: "/portal",
      alertId: urgentLowId,
      requireInteraction: true,
    });
    expect(forPatient.body).toContain("fast-acting sugar");
    const forClinician = JSON.parse(toDesk.plaintext!) as PushPayload;
    expect(forClinician).toMatchObject({ url: "/alerts", alertId: urgentLowId });
    for (const text of [toPhone.plaintext!, toDesk.plaintext!]) {
      expect(text).not.toMatch(/Dana|Homeward|H-(pglite|postgres)|"value"|51 mg/);
    }

    // 410 Gone: that subscription is dropped; the others stay.
    const left = await db.prisma.pushSubscription.findMany({ select: { endpoint: true } });
    expect(left.map((s) => s.endpoint).sort()).toEqual([phone.endpoint, desk.endpoint].sort());

    // E-mail: one each, minimal PHI.
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([patient.email, clinician.email].sort());
    const mailToPatient = smtp.received.find((m) => m.to[0] === patient.email)!;
    expect(mailToPatient.subject).toBe("Urgent alert: open the portal");
    expect(mailToPatient.raw).toContain("https://care.example.org/portal");
    for (const m of smtp.received) expect(m.raw).not.toMatch(/Dana|Homeward|H-[a-z]|51 mg/);

    // Receipts: in-app, push and e-mail per recipient.
    await expect
      .poll(async () => {
        const events = await db.prisma.alertEvent.findMany({
          where: { alertId: urgentLowId, type: { in: ["delivered", "not_delivered"] } },
        });
        return events
          .map(
            (e) =>
              `${e.type}:${(e.detail as { channel?: string } | null)?.channel ?? "socket"}:${e.recipientId === patient.id ? "patient" : "team"}`,
          )
          .sort();
      })
      .toEqual(
        [
          "delivered:email:patient",
          "delivered:email:team",
          "delivered:push:patient",
          "delivered:push:team",
          "delivered:socket:patient",
          "not_delivered:socket:team",
        ].sort(),
      );
    const patientPush = (await db.prisma.alertEvent.findMany({ where: { alertId: urgentLowId, recipientId: patient.id } })).find(
      (e) => (e.detail as { channel?: string } | null)?.channel === "push",
    );
    expect(patientPush?.detail).toMatchObject({ level: 0, channel: "push", sent: 1, dropped: 1, failed: 0 });
  });

  it("escalates an unacknowledged urgent low to the care team after 15 minutes (fake clock)", async () => {
    const alert = await db.prisma.alert.findUniqueOrThrow({ where: { id: urgentLowId } });
    expect(alert.nextEscalationAt?.getTime()).toBe(raisedAt + HOME_ESCALATION_MS);
    let now = raisedAt + HOME_ESCALATION_MS - 60_000;
    const scheduler = new EscalationScheduler({
      runDue: (at) => escalateDueAlerts(db.sql, at, { escalationMs: ESCALATION, bus: eventBus() }),
      nextDueAt: () => nextEscalationDue(db.sql),
      now: () => now,
    });
    const pushesBefore = push.received.length;
    const mailsBefore = smtp.received.length;
    scheduler.start();
    await scheduler.kick();
    expect((await db.prisma.alert.findUniqueOrThrow({ where: { id: urgentLowId } })).escalationLevel).toBe(0);
    now = raisedAt + HOME_ESCALATION_MS;
    await scheduler.kick();
    await scheduler.stop();
    const after = await db.prisma.alert.findUniqueOrThrow({ where: { id: urgentLowId } });
    expect(after.escalationLevel).toBe(1);
    expect(after.nextEscalationAt?.getTime()).toBe(now + HOME_ESCALATION_MS);
    const escalated = await db.prisma.alertEvent.findFirstOrThrow({ where: { alertId: urgentLowId, type: "escalated" } });
    expect(escalated.detail).toMatchObject({ level: 1, automatic: true, recipients: [{ id: clinician.id }] });
    await notify.drain();
    await expect.poll(() => smtp.received.length - mailsBefore).toBe(1);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual([clinician.email]);
    expect(mail.subject).toBe("Urgent alert (escalated): open the alert queue");
    const pushes = push.received.slice(pushesBefore);
    expect(pushes).toHaveLength(1);
    expect(JSON.parse(pushes[0]!.plaintext!)).toMatchObject({ title: "Urgent alert (escalated): a patient needs attention" });
  });

  it("lets the patient acknowledge their own alert and never another patient's", async () => {
    const othersAlert = await raise(otherPatientId, "glucose.urgent_low", 48);
    const denied = await call(acknowledgeRoute as Handler, patient.token, "POST", undefined, { id: othersAlert });
    expect(denied.status).toBe(403);
    expect((await db.prisma.alert.findUniqueOrThrow({ where: { id: othersAlert } })).state).toBe("active");
    const ok = await call(acknowledgeRoute as Handler, patient.token, "POST", undefined, { id: urgentLowId });
    expect(ok.status).toBe(200);
    expect(ok.json.alert).toMatchObject({
      id: urgentLowId,
      state: "acknowledged",
      acknowledgedBy: { id: patient.id },
      nextEscalationAt: null,
    });
    expect((await call(acknowledgeRoute as Handler, otherPatient.token, "POST", undefined, { id: othersAlert })).status).toBe(200);
    await notify.drain();
  });

  it("re-checks a patient account on every subscribe: unlinked from its record, it may no longer follow it", async () => {
    const first = await db.prisma.patient.create({
      data: { mrn: `H-${kind}-3`, givenName: "Fay", familyName: "Homeward", birthDate: new Date("1990-01-01") },
    });
    const moving = await createUserWithToken(db.prisma, "patient", { patientId: first.id });
    const c = await harness.connect(moving.token);
    expect(await harness.subscribe(c, "patient", first.id)).toEqual({ ok: true });
    expect(await harness.subscribe(c, "patient", patientId)).toMatchObject({ ok: false });
    await db.prisma.user.update({ where: { id: moving.user.id }, data: { patientId: null } });
    expect(await harness.subscribe(c, "patient", first.id)).toMatchObject({ ok: false });
    c.disconnect();
  });

  it("a failing e-mail server never holds up the push, and each failure is a receipt", async () => {
    await notify.stop();
    notify = await startNotify({
      smtpUrl: "smtp://127.0.0.1:1",
      baseUrl: "https://care.example.org",
      pushAgent: push.agent,
      timeoutMs: 3_000,
    });
    const before = push.received.length;
    const id = await raise(patientId, "glucose.low", 60);
    await notify.drain();
    expect(push.received.slice(before).filter((r) => r.status === 201)).toHaveLength(2);
    const receipts = await db.prisma.alertEvent.findMany({ where: { alertId: id, type: { in: ["delivered", "not_delivered"] } } });
    const byChannel = (channel: string) =>
      receipts
        .filter((e) => (e.detail as { channel?: string } | null)?.channel === channel)
        .map((e) => e.type)
        .sort();
    expect(byChannel("push")).toEqual(["delivered", "delivered"]);
    expect(byChannel("email")).toEqual(["not_delivered", "not_delivered"]);
    const failed = receipts.find((e) => (e.detail as { channel?: string } | null)?.channel === "email")!;
    expect((failed.detail as { reason?: string }).reason).toMatch(/ECONNREFUSED|connect/i);
  });
});
