// The readable summary of a patient's record (the export's HTML sibling): who, consents, devices, stays,
// each measured quantity summarised (how many readings, from when to when, lowest, highest, mean) and the
// latest alerts. Aggregated in SQL, so it stays small however many readings there are.
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { currentConsents } from "@/lib/consent/consents";
import { CONSENT_INFO } from "@/lib/consent/consent-purposes";
import { METRICS, METRIC_KEYS, formatMetric, type MetricKey } from "@/lib/domain/metrics";
import { readDevices, readEncounters, readPatient } from "./export-reads";

type Q = Pick<Sql, "query">;

const LATEST_ALERTS = 50;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const when = (d: Date | string | null) => (d ? new Date(d).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "");

function table(head: string[], rows: string[][]): string {
  if (rows.length === 0) return "<p>None.</p>";
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

type Stat = { code: string; n: string | number; first: Date; last: Date; lo: number; hi: number; mean: number };

export async function recordSummaryHtml(q: Q, patientId: string, now = new Date()): Promise<string> {
  const patient = await readPatient(q, patientId);
  if (!patient) throw new Error(`patient ${patientId} not found`);
  const [consents, devices, encounters] = await Promise.all([
    currentConsents(q, patientId),
    readDevices(q, patientId),
    readEncounters(q, patientId),
  ]);
  const stats = await q.query<Stat>(
    `SELECT code, count(*) AS n, min(ts) AS first, max(ts) AS last, min(value) AS lo, max(value) AS hi, avg(value) AS mean
       FROM observations WHERE patient_id = $1 AND code = ANY($2::text[]) GROUP BY code`,
    [patientId, [...METRIC_KEYS]],
  );
  const [{ n: alertCount } = { n: 0 }] = await q.query<{ n: string | number }>(`SELECT count(*) AS n FROM alerts WHERE patient_id = $1`, [
    patientId,
  ]);
  const alerts = await q.query<{ raised_at: Date; priority: string; state: string; message: string }>(
    `SELECT raised_at, priority::text AS priority, state::text AS state, message FROM alerts WHERE patient_id = $1
      ORDER BY raised_at DESC, id DESC LIMIT ${LATEST_ALERTS}`,
    [patientId],
  );
  const byCode = new Map(stats.map((s) => [s.code, s]));
  const fmt = (k: MetricKey, v: number) => `${formatMetric(k, Number(v))} ${METRICS[k].display}`.trim();
  const name = `${patient.givenName} ${patient.familyName}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Health record summary: ${escapeHtml(name)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#111}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;font-size:.9rem}
th{background:#f3f4f6}h2{margin-top:1.5rem}</style></head>
<body>
<h1>Health record summary</h1>
<p>Produced ${escapeHtml(when(now))}. The complete record, every reading included, is in the FHIR R4 export (JSON).</p>
<h2>You</h2>
${table(["Name", "Medical record number", "Birth date", "Sex"], [[name, patient.mrn, patient.birthDate, patient.sex]])}
<h2>Consents</h2>
${table(
  ["Purpose", "Decision", "Since", "Text version"],
  consents.map((c) => [
    CONSENT_INFO[c.purpose].label,
    c.granted ? "Granted" : "Not granted",
    c.recordedAt ? when(c.recordedAt) : "Default (no decision recorded)",
    c.textVersion,
  ]),
)}
<h2>Devices</h2>
${table(
  ["Device", "Type", "Model", "Serial number", "UDI", "Status"],
  devices.map((d) => [d.id, d.type, d.model ?? "", d.serialNumber ?? "", d.udi ?? "", d.status]),
)}
<h2>Hospital stays</h2>
${table(
  ["Ward", "Admitted", "Discharged", "Status"],
  encounters.map((e) => [e.wardName ?? "", when(e.admittedAt), when(e.dischargedAt), e.status]),
)}
<h2>Readings</h2>
${table(
  ["Measurement", "Readings", "First", "Last", "Lowest", "Highest", "Mean"],
  METRIC_KEYS.filter((k) => byCode.has(k)).map((k) => {
    const s = byCode.get(k)!;
    return [METRICS[k].label, String(s.n), when(s.first), when(s.last), fmt(k, s.lo), fmt(k, s.hi), fmt(k, s.mean)];
  }),
)}
<h2>Alerts</h2>
<p>${escapeHtml(String(alertCount))} in all${Number(alertCount) > LATEST_ALERTS ? `; the latest ${LATEST_ALERTS} below` : ""}.</p>
${table(
  ["Raised", "Priority", "State", "What"],
  alerts.map((a) => [when(a.raised_at), a.priority, a.state, a.message]),
)}
</body></html>
`;
}
