import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { listVisiblePatients } from "@/lib/patients/patient-queries";
import { recordPatientReads } from "@/lib/audit/record-audit";

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
