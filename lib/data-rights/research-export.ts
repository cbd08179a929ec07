// The research dataset: the readings of every patient whose `research` consent is in force at the moment
// of the export (lib/consent consentInForceSql: a withdrawal leaves the patient out of the next export at
// once), de-identified (deidentify-research.ts), written as a stream of JSON pages.
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { consentInForceSql } from "@/lib/consent/consents";
import { METRICS, type MetricKey } from "@/lib/domain/metrics";
import { readObservationPage, type ObservationCursor } from "@/lib/fhir-export/export-reads";
import { deidentifyReading, deidentifySubject, pseudonymFor } from "./deidentify-research";

type Q = Pick<Sql, "query">;

/** The clinical quantities a research export carries (not equipment or environment metrics). */
export const RESEARCH_CODES = [
  "heart_rate",
  "resp_rate",
  "spo2",
  "temp",
  "bp_sys",
  "bp_dia",
  "glucose",
  "inhaler_puffs",
  "news2",
] as const satisfies readonly MetricKey[];

export type ResearchCohort = { patientId: string; pseudonym: string; birthYear: number; sex: string }[];

/** The consenting patients, sorted by pseudonym (no order that hints at who they are); `key` from exportKey(). */
export async function researchCohort(q: Q, key: Buffer): Promise<ResearchCohort> {
  const rows = await q.query<{ id: string; birth_date: Date | string; sex: string }>(
    `SELECT p.id, p.birth_date, p.sex FROM patients p WHERE ${consentInForceSql("p.id", "research")} ORDER BY p.id`,
  );
  return rows
    .map((r) => ({ patientId: r.id, pseudonym: pseudonymFor(key, r.id), birthYear: new Date(r.birth_date).getUTCFullYear(), sex: r.sex }))
    .sort((a, b) => a.pseudonym.localeCompare(b.pseudonym));
}

async function firstReading(q: Q, patientId: string): Promise<Date | null> {
  const [r] = await q.query<{ first: Date | null }>(
    `SELECT min(f) AS first FROM (SELECT (SELECT min(o.ts) FROM observations o WHERE o.patient_id = $1 AND o.code = c AND NOT o.artifact) AS f
                                     FROM unnest($2::text[]) AS c) x`,
    [patientId, [...RESEARCH_CODES]],
  );
  return r?.first ? new Date(r.first) : null;
}

/** The dataset's JSON text in chunks: {generatedYear, subjects, readings}; artifacts left out. */
export async function* researchExportChunks(q: Q, cohort: ResearchCohort, now = new Date()): AsyncGenerator<string> {
  const subjects = cohort.map((c) => deidentifySubject(c.pseudonym, c.birthYear, c.sex, now));
  yield `{"generatedYear":${now.getUTCFullYear()},"consentPurpose":"research","subjects":${JSON.stringify(subjects)},"readings":[\n`;
  let first = true;
  for (const c of cohort) {
    const start = await firstReading(q, c.patientId);
    if (!start) continue;
    for (const code of RESEARCH_CODES) {
      const meta = { loinc: METRICS[code].loinc ?? null, unit: METRICS[code].unit };
      let cursor: ObservationCursor = null;
      do {
        const page = await readObservationPage(q, c.patientId, code, cursor, { pairBloodPressure: false });
        const rows = page.rows.filter((r) => !r.artifact).map((r) => JSON.stringify(deidentifyReading(c.pseudonym, r, start, meta)));
        if (rows.length) {
          yield (first ? "" : ",\n") + rows.join(",\n");
          first = false;
        }
        cursor = page.next;
      } while (cursor);
    }
  }
  yield "\n]}\n";
}
