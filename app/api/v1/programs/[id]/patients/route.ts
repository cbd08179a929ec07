import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { CLINICAL_ROLES } from "@/lib/auth/principal";
import { getDatabase } from "@/lib/db/database";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { requireProgramTeam } from "@/lib/programs/program-access";
import { loadTriageList } from "@/lib/programs/triage-query";

export const dynamic = "force-dynamic";

/** GET → {program, patients: [{patientId, name, mrn, enrolledAt, metrics, risk: {flags, score, …}}]}, sickest first
 *  (the program's care team, admins). */
export const GET = apiRoute({ roles: CLINICAL_ROLES, params: z.object({ id: z.string().min(1) }) }, async ({ principal, params, meta }) => {
  const program = await requireProgramTeam(principal, params.id);
  const { sql } = await getDatabase();
  const patients = await loadTriageList(sql, program.id);
  await recordPatientReads(
    principal,
    "program.triage_read",
    patients.map((p) => p.patientId),
    meta,
    { programId: program.id },
  );
  return { program, patients };
});
