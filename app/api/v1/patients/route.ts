import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { listVisiblePatients } from "@/lib/patients/patient-queries";
import { recordAudit, recordPatientReads } from "@/lib/audit/record-audit";
import { getPrisma } from "@/lib/db/database";
import { createPatientRecord, patientInputSchema } from "@/lib/patients/write-patient";
import { ADT_ROLES } from "@/lib/encounters/encounter-context";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ query: z.object({ wardId: z.string().min(1).optional() }) }, async ({ principal, query, meta }) => {
  const patients = await listVisiblePatients(principal, query);
  await recordPatientReads(
    principal,
    "patient.list",
    patients.map((p) => p.id),
    meta,
    { via: "api" },
  );
  return { patients };
});

/** POST /api/v1/patients {mrn, givenName, familyName, birthDate (YYYY-MM-DD), sex (M|F|O|U)} → 201 {patient}; 409 duplicate MRN. */
export const POST = apiRoute({ roles: ADT_ROLES, body: patientInputSchema, fieldsIn: "body" }, async ({ principal, body, meta }) => {
  const patient = await createPatientRecord(await getPrisma(), body);
  await recordAudit([{ actor: principal, meta, action: "patient.create", patientId: patient.id, detail: { mrn: patient.mrn } }]);
  return Response.json({ patient }, { status: 201 });
});
