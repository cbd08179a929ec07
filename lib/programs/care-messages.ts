// Messages between a home patient and their care team: reading a patient's thread, sending one from
// either side (audited), and telling the other side live (bus `care-message:new` → Socket.IO
// `message:new` to the patient's portal accounts, or to the care team; the rest of the team sees it too).
import "server-only";
import crypto from "node:crypto";
import { getDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { recordAudit, type RequestMeta } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import type { CareMessage, CareMessageDirection } from "@/lib/events";
import { findCareTeam } from "./care-team";

export const THREAD_LIMIT = 200;

type MessageRow = {
  id: string;
  patient_id: string;
  direction: CareMessageDirection;
  body: string;
  sender_name: string | null;
  created_at: Date;
};

const toMessage = (r: MessageRow): CareMessage => ({
  id: r.id,
  patientId: r.patient_id,
  direction: r.direction,
  body: r.body,
  senderName: r.sender_name,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The newest messages of a patient's thread (at most THREAD_LIMIT), oldest first. */
export async function listCareMessages(patientId: string, limit = THREAD_LIMIT): Promise<CareMessage[]> {
  const { sql } = await getDatabase();
  const rows = await sql.query<MessageRow>(
    `SELECT * FROM (
       SELECT m.id, m.patient_id, m.direction, m.body, u.name AS sender_name, m.created_at
         FROM care_messages m LEFT JOIN users u ON u.id = m.sender_id
        WHERE m.patient_id = $1 ORDER BY m.created_at DESC, m.id DESC LIMIT $2
     ) t ORDER BY created_at, id`,
    [patientId, limit],
  );
  return rows.map(toMessage);
}

/** Who is told of a new message live: the other side, and the rest of the care team; never the sender. */
async function recipientsOf(patientId: string, senderId: string): Promise<string[]> {
  const { sql } = await getDatabase();
  const team = await findCareTeam(sql, patientId);
  const portal = await sql.query<{ id: string }>(`SELECT id FROM users WHERE patient_id = $1 AND disabled_at IS NULL`, [patientId]);
  return [...new Set([...team.map((t) => t.id), ...portal.map((u) => u.id)])].filter((id) => id !== senderId);
}

/** Stores a message from the caller (a patient about themselves, or a clinician to the patient). */
export async function sendCareMessage(p: Principal, patientId: string, body: string, meta: RequestMeta): Promise<CareMessage> {
  const direction: CareMessageDirection = p.role === "patient" ? "patient" : "care_team";
  const { sql } = await getDatabase();
  const [row] = await sql.query<MessageRow>(
    `INSERT INTO care_messages (id, patient_id, sender_id, direction, body)
     VALUES ($1, $2, $3, $4, $5)
     RETURNING id, patient_id, direction, body, $6::text AS sender_name, created_at`,
    [crypto.randomUUID(), patientId, p.userId, direction, body, p.name],
  );
  const message = toMessage(row!);
  await recordAudit([{ actor: p, action: "message.send", patientId, meta, detail: { messageId: message.id, direction } }]);
  eventBus().publish("care-message:new", { message, recipientUserIds: await recipientsOf(patientId, p.userId) });
  return message;
}
