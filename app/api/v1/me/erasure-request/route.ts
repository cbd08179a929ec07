import { z } from "zod";
import { requireOwnPatient } from "@/lib/auth/own-patient";
import { apiRoute } from "@/lib/http/api-route";
import { getDatabase } from "@/lib/db/database";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { listOwnErasureRequests, requestErasure } from "@/lib/data-rights/erasure-requests";

export const dynamic = "force-dynamic";

const postBody = z
  .object({ note: z.string({ error: "must be text" }).trim().max(1000, "must be at most 1000 characters").optional() })
  .strict();

/** GET → {requests: [{id, status: "pending" | "completed" | "refused", requestedAt, reviewedAt, decisionReason, retainUntil, ...}]} */
export const GET = apiRoute({ roles: ["patient"] }, async ({ principal, meta }) => {
  const patientId = requireOwnPatient(principal);
  const { sql } = await getDatabase();
  const requests = await listOwnErasureRequests(sql, patientId);
  await recordPatientReads(principal, "erasure.read", [patientId], meta);
  return { requests };
});

/** POST {note?} → 202 {request}: the pending request (asking again returns the one already pending). */
export const POST = apiRoute({ roles: ["patient"], body: postBody, fieldsIn: "body" }, async ({ principal, body, meta }) => {
  const patientId = requireOwnPatient(principal);
  const request = await requestErasure(patientId, body.note || null, { actor: principal, meta, userId: principal.userId });
  return Response.json({ request }, { status: 202 });
});
