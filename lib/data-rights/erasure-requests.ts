// The erasure request workflow (GDPR Art. 17): the patient asks (one pending request at a time), an admin
// completes it (erases what may go, keeps the clinical record until its retention date: retention-rule.ts)
// or refuses it with a reason. Every step is audited; the patient sees the status.
import "server-only";
import crypto from "node:crypto";
import { getDatabase, getPrisma } from "@/lib/db/database";
import { endEnrolment } from "@/lib/programs/programs";
import type { Sql } from "@/lib/db/sql";
import { recordAudit, type AuditBy } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import { decryptPhi } from "@/lib/crypto/phi-cipher";
import { CONSENT_TEXT_VERSION } from "@/lib/consent/consent-purposes";
import { METRIC_KEYS } from "@/lib/domain/metrics";
import { endUserSessions } from "@/lib/auth/user-sessions";
import { eventBus } from "@/lib/bus/event-bus";
import { clinicalRetainUntil, type ErasureRequestView, type ErasureStatus } from "./retention-rule";

type Q = Pick<Sql, "query">;
type Row = {
  id: string;
  patient_id: string;
  status: string;
  patient_note: string | null;
  requested_at: Date;
  reviewed_at: Date | null;
  reviewer: string | null;
  decision_reason: string | null;
  retain_until: Date | null;
  outcome: Record<string, number> | null;
};

const SELECT = `SELECT r.id, r.patient_id, r.status, r.patient_note, r.requested_at, r.reviewed_at, u.name AS reviewer,
                       r.decision_reason, r.retain_until, r.outcome
                  FROM erasure_requests r LEFT JOIN users u ON u.id = r.reviewed_by_id`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toView(r: Row): ErasureRequestView {
  return {
    id: r.id,
    patientId: r.patient_id,
    status: r.status as ErasureStatus,
    patientNote: r.patient_note,
    requestedAt: new Date(r.requested_at).toISOString(),
    reviewedAt: iso(r.reviewed_at),
    reviewedBy: r.reviewer,
    decisionReason: r.decision_reason,
    retainUntil: iso(r.retain_until),
    outcome: r.outcome,
  };
}

/** The patient's request: a new one, or the one already pending (asking twice does not queue two). */
export async function requestErasure(
  patientId: string,
  note: string | null,
  by: AuditBy & { userId: string },
): Promise<ErasureRequestView> {
  const { sql } = await getDatabase();
  const [pending] = await sql.query<Row>(`${SELECT} WHERE r.patient_id = $1 AND r.status = 'pending' LIMIT 1`, [patientId]);
  if (pending) return toView(pending);
  const id = crypto.randomUUID();
  await sql.query(`INSERT INTO erasure_requests (id, patient_id, patient_note, requested_by_id) VALUES ($1, $2, $3, $4)`, [
    id,
    patientId,
    note,
    by.userId,
  ]);
  await recordAudit([{ actor: by.actor, meta: by.meta, action: "erasure.request", patientId, detail: { requestId: id } }]);
  const [row] = await sql.query<Row>(`${SELECT} WHERE r.id = $1`, [id]);
  return toView(row!);
}

/** The patient's own requests, newest first. */
export async function listOwnErasureRequests(q: Q, patientId: string): Promise<ErasureRequestView[]> {
  return (await q.query<Row>(`${SELECT} WHERE r.patient_id = $1 ORDER BY r.requested_at DESC, r.id`, [patientId])).map(toView);
}

export type ErasureQueueItem = ErasureRequestView & { patient: { name: string; mrn: string } };

/** Every request for the admin page: pending first (oldest first), then decided ones (newest first). */
export async function listErasureQueue(q: Q, limit = 200): Promise<ErasureQueueItem[]> {
  const rows = await q.query<Row & { mrn: string; given_name: string; family_name: string }>(
    `SELECT x.*, p.mrn, p.given_name, p.family_name FROM (${SELECT}) x JOIN patients p ON p.id = x.patient_id
      ORDER BY (x.status = 'pending') DESC,
               CASE WHEN x.status = 'pending' THEN x.requested_at END ASC,
               COALESCE(x.reviewed_at, x.requested_at) DESC
      LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ ...toView(r), patient: { name: `${decryptPhi(r.given_name)} ${decryptPhi(r.family_name)}`, mrn: r.mrn } }));
}

async function pendingRequest(q: Q, id: string): Promise<Row> {
  const [row] = await q.query<Row>(`${SELECT} WHERE r.id = $1`, [id]);
  if (!row) throw new Refusal("not_found", "erasure request not found");
  if (row.status !== "pending") throw new Refusal("conflict", `the request is already ${row.status}`, { field: "id" });
  return row;
}

/** The patient's last contact: the latest reading, admission or discharge (now if none). */
async function lastContact(q: Q, patientId: string): Promise<Date> {
  const [r] = await q.query<{ last: Date | null }>(
    `SELECT GREATEST(
       (SELECT max(m) FROM (SELECT (SELECT max(o.ts) FROM observations o WHERE o.patient_id = $1 AND o.code = c) AS m
                              FROM unnest($2::text[]) AS c) x),
       (SELECT max(GREATEST(e.admitted_at, COALESCE(e.discharged_at, e.admitted_at))) FROM encounters e WHERE e.patient_id = $1)
     ) AS last`,
    [patientId, [...METRIC_KEYS]],
  );
  return r?.last ? new Date(r.last) : new Date();
}

/** Completes a pending request: erases what may go (retention-rule.ts ERASED_AT_ONCE) in one transaction. */
export async function completeErasure(id: string, note: string | null, by: AuditBy & { userId: string }): Promise<ErasureRequestView> {
  const { sql } = await getDatabase();
  const outcome = await sql.transaction(async (tx) => {
    const req = await pendingRequest(tx, id);
    const patientId = req.patient_id;
    const users = await tx.query<{ id: string }>(`SELECT id FROM users WHERE patient_id = $1`, [patientId]);
    const userIds = users.map((u) => u.id);
    const tokens = await tx.query(`DELETE FROM api_tokens WHERE user_id = ANY($1::text[]) RETURNING 1`, [userIds]);
    await tx.query(`DELETE FROM user_invites WHERE user_id = ANY($1::text[])`, [userIds]);
    await tx.query(
      `UPDATE users SET name = 'Erased account', email = 'erased-' || id || '@erased.invalid', password_hash = 'erased',
              disabled_at = COALESCE(disabled_at, now()) WHERE id = ANY($1::text[])`,
      [userIds],
    );
    const devices = await tx.query<{ id: string }>(`UPDATE devices SET patient_id = NULL WHERE patient_id = $1 RETURNING id`, [patientId]);
    for (const d of devices) {
      await tx.query(
        `INSERT INTO device_assignment_history (device_id, kind, actor_email, reason) VALUES ($1, 'none', $2, 'erasure request')`,
        [d.id, by.actor.email],
      );
    }
    for (const purpose of ["remote_monitoring", "ai_processing", "research"]) {
      await tx.query(
        `INSERT INTO patient_consents (id, patient_id, purpose, granted, text_version, channel, recorded_by_id) VALUES ($1, $2, $3, false, $4, 'staff', $5)`,
        [crypto.randomUUID(), patientId, purpose, CONSENT_TEXT_VERSION, by.userId],
      );
    }
    const retainUntil = clinicalRetainUntil(await lastContact(tx, patientId));
    const counts = { accounts: userIds.length, apiTokens: tokens.length, devicesUnpaired: devices.length, consentsWithdrawn: 3 };
    await tx.query(
      `UPDATE erasure_requests SET status = 'completed', reviewed_by_id = $2, reviewed_at = now(), decision_reason = $3, retain_until = $4, outcome = $5::jsonb
        WHERE id = $1`,
      [id, by.userId, note, retainUntil.toISOString(), JSON.stringify(counts)],
    );
    return { patientId, userIds, counts, retainUntil };
  });
  // Remote monitoring ends with its consent: open programme enrolments end (care teams lose the scope).
  const prisma = await getPrisma();
  const enrolments = await prisma.enrolment.findMany({
    where: { patientId: outcome.patientId, endedAt: null },
    select: { id: true, programId: true },
  });
  for (const e of enrolments) await endEnrolment(e.programId, e.id, by.userId);
  // Open browser sessions end now (not at their next request), then their rows (IP, browser) go.
  let sessions = 0;
  for (const userId of outcome.userIds) {
    await endUserSessions(userId, "disabled");
    eventBus().publish("access:changed", { userId, change: "disabled" });
    sessions += (await sql.query(`DELETE FROM user_sessions WHERE user_id = $1 RETURNING 1`, [userId])).length;
  }
  await recordAudit([
    {
      actor: by.actor,
      meta: by.meta,
      action: "erasure.complete",
      patientId: outcome.patientId,
      detail: {
        requestId: id,
        ...outcome.counts,
        sessions,
        enrolmentsEnded: enrolments.length,
        retainUntil: outcome.retainUntil.toISOString(),
      },
    },
  ]);
  const [row] = await sql.query<Row>(`${SELECT} WHERE r.id = $1`, [id]);
  return toView(row!);
}

/** Refuses a pending request; the reason is shown to the patient. */
export async function refuseErasure(id: string, reason: string, by: AuditBy & { userId: string }): Promise<ErasureRequestView> {
  const { sql } = await getDatabase();
  const req = await pendingRequest(sql, id);
  await sql.query(
    `UPDATE erasure_requests SET status = 'refused', reviewed_by_id = $2, reviewed_at = now(), decision_reason = $3 WHERE id = $1 AND status = 'pending'`,
    [id, by.userId, reason],
  );
  await recordAudit([
    { actor: by.actor, meta: by.meta, action: "erasure.refuse", patientId: req.patient_id, detail: { requestId: id, reason } },
  ]);
  const [row] = await sql.query<Row>(`${SELECT} WHERE r.id = $1`, [id]);
  return toView(row!);
}
