// A small hospital for the page-load tests: two wards, a nurse of both, alerts raised a minute ago
// through the real AlertWriter, and a principal as the page guard would build it.
import { eventBus } from "@/lib/bus/event-bus";
import type { Principal } from "@/lib/auth/principal";
import { AlertWriter } from "@/lib/alerts/alert-writer";
import { finding } from "@/lib/alerts/rule-types";
import type { AlertPriority } from "@/lib/events";
import type { Database } from "@/lib/db/database";
import { createWardWithPatients } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";

export const META = { ip: "127.0.0.1", userAgent: "vitest" };
const ESCALATION_MS = { high: 3_600_000, medium: 3_600_000, low: 3_600_000, technical: 3_600_000 };

export async function alertPageFixture(db: Database) {
  const ward = await createWardWithPatients(db.prisma, 3);
  const other = await createWardWithPatients(db.prisma, 1);
  const { user } = await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.ward.id, other.ward.id] });
  const nurse: Principal = {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: "nurse",
    patientId: null,
    wardIds: [ward.ward.id, other.ward.id],
    via: "session",
  };

  /** Raises an alert whose trail time is `ageMs` in the past (a write stored late has an old time). */
  const raise = async (rule: string, priority: AlertPriority, patient: { id: string }, wardId: string, ageMs = 60_000) => {
    const writer = new AlertWriter({ sql: db.sql, bus: eventBus(), now: () => Date.now() - ageMs, escalationMs: ESCALATION_MS });
    writer.raise(
      finding("violated", Date.now() - ageMs, 0, {
        rule,
        priority,
        message: rule,
        value: 1,
        patientId: patient.id,
        wardId,
        deviceId: `mon-${patient.id}`,
      }),
    );
    await writer.drain();
    const row = await db.prisma.alert.findFirstOrThrow({ where: { rule, patientId: patient.id }, orderBy: { raisedAt: "desc" } });
    return row.id;
  };
  const alertReads = () =>
    db.prisma.auditEvent.findMany({ where: { actorUserId: user.id, action: "alerts.read" }, orderBy: { id: "asc" } });
  return { ward, other, nurse, raise, alertReads };
}
