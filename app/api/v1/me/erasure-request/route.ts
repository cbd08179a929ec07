import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { Refusal } from "@/lib/errors/refusal";
import { getDatabase } from "@/lib/db/database";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { listOwnErasureRequests, requestErasure } from "@/lib/data-rights/erasure-requests";
import type { Principal } from "@/lib/auth/principal";

export const dynamic = "force-dynamic";

const postBody = z
  .object({ note: z.string({ error: "must be text" }).trim().max(1000, "must be at most 1000 characters").optional() })
  .strict();

function ownPatient(p: Principal): string {
  if (!p.patientId) throw new Refusal("forbidden", "this account is not linked to a patient record");
  return p.patientId;
}

/** GET → {requests: [{id, status: "pending" | "completed" | "refused", requestedAt, reviewedAt, decisionReason, retainUntil, ...}]} */
export const GET = apiRoute({ roles: ["patient"] }, async ({ principal, meta }) => {
  const patientId = ownPatient(principal);
  const { sql } = await getDatabase();
  const requests = await listOwnErasureRequests(sql, patientId);
  await recordPatientReads(principal, "erasure.read", [patientId], meta);
  return { requests };
});

/** POST {note?} → 202 {request}: the pending request (asking again returns the one already pending). */
export const POST = apiRoute({ roles: ["patient"], body: postBody, fieldsIn: "body" }, async ({ principal, body, meta }) => {
  const patientId = ownPatient(principal);
  const request = await requestErasure(patientId, body.note || null, { actor: principal, meta, userId: principal.userId });
  return Response.json({ request }, { status: 202 });
});
