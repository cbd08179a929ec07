import { apiRoute } from "@/lib/http/api-route";
import { getDatabase } from "@/lib/db/database";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { chunksToStream } from "@/lib/fhir-export/patient-bundle";
import { researchCohort, researchExportChunks } from "@/lib/data-rights/research-export";
import { exportKey } from "@/lib/data-rights/deidentify-research";

export const dynamic = "force-dynamic";

/** GET → a de-identified JSON dataset {generatedYear, consentPurpose, subjects, readings} of the patients whose research consent is in force. Admins. */
export const GET = apiRoute({ roles: ["admin"] }, async ({ principal, meta }) => {
  const { sql } = await getDatabase();
  const cohort = await researchCohort(sql, exportKey());
  // One audit row naming the included patients: each one's access report shows the export.
  await recordPatientReads(
    principal,
    "research.export",
    cohort.map((c) => c.patientId),
    meta,
    { deidentified: true },
  );
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(chunksToStream(researchExportChunks(sql, cohort)), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="research-export-${stamp}.json"`,
    },
  });
});
