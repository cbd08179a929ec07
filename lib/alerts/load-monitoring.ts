// Database reads that feed the alarm engine: patients (SpO2 scale, ward, name, bed), alarm-limit
// overrides, and at start the warm-up: the latest non-artifact reading of each scored or limited
// metric within the freshness window, recent CGM readings, devices known to be offline, and the open
// alerts whose condition is active (so a persisting condition is not raised a second time).
import { decryptPhi } from "@/lib/crypto/phi-cipher";
import { patientDisplayName } from "@/lib/patients/patient-name";
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { NEWS2_PARAMETERS } from "@/lib/domain/news2";
import { LIMIT_CODES } from "./alarm-limits";
import type { AlarmEngine } from "./alarm-engine";
import type { LimitRow } from "./limit-book";
import { deviceSubject, patientSubject, type PatientInfo } from "./monitoring-state";

const WARM_CODES = [...new Set([...NEWS2_PARAMETERS, ...LIMIT_CODES])];
const GLUCOSE_HISTORY_MS = 20 * 60_000;

type PatientRow = {
  id: string;
  given_name: string;
  family_name: string;
  spo2_scale: number;
  bed_label: string | null;
  ward_id: string | null;
};

export async function loadPatientInfos(sql: Sql, ids?: string[]): Promise<Map<string, PatientInfo>> {
  const rows = await sql.query<PatientRow>(
    `SELECT p.id, p.given_name, p.family_name, p.spo2_scale::int AS spo2_scale, b.label AS bed_label, b.ward_id
       FROM patients p LEFT JOIN beds b ON b.id = p.bed_id
      ${ids ? "WHERE p.id = ANY($1::text[])" : ""}`,
    ids ? [ids] : [],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        wardId: r.ward_id,
        spo2Scale: r.spo2_scale === 2 ? 2 : 1,
        // Names are encrypted at rest (lib/crypto).
        name: patientDisplayName({ givenName: decryptPhi(r.given_name), familyName: decryptPhi(r.family_name) }),
        bedLabel: r.bed_label,
      },
    ]),
  );
}

export async function loadLimitRows(sql: Sql): Promise<LimitRow[]> {
  return sql.query<LimitRow>(`SELECT scope, code, low, high FROM alarm_limits`);
}

export async function warmEngine(sql: Sql, engine: AlarmEngine, opts: { windowMs: number; now: number }): Promise<void> {
  const infos = await loadPatientInfos(sql);
  for (const [id, info] of infos) engine.setPatientInfo(id, info);
  const monitored = [...infos].filter(([, i]) => i.wardId !== null).map(([id]) => id);
  const since = new Date(opts.now - Math.max(opts.windowMs, GLUCOSE_HISTORY_MS)).toISOString();

  const latest = monitored.length
    ? await sql.query<{ patient_id: string; code: string; value: number; ts: Date | string; device_id: string }>(
        `SELECT p.id AS patient_id, c.code, o.value, o.ts, o.device_id
           FROM unnest($1::text[]) AS p(id)
          CROSS JOIN unnest($2::text[]) AS c(code)
          CROSS JOIN LATERAL (
                SELECT value, ts, device_id FROM observations
                 WHERE patient_id = p.id AND code = c.code AND NOT artifact AND ts > $3
                 ORDER BY ts DESC LIMIT 1) o`,
        [monitored, WARM_CODES, since],
      )
    : [];
  const glucose = monitored.length
    ? await sql.query<{ patient_id: string; value: number; ts: Date | string; device_id: string }>(
        `SELECT patient_id, value, ts, device_id FROM observations
          WHERE patient_id = ANY($1::text[]) AND code = 'glucose' AND NOT artifact AND ts > $2
          ORDER BY ts`,
        [monitored, new Date(opts.now - GLUCOSE_HISTORY_MS).toISOString()],
      )
    : [];
  const sample = (r: { value: number; ts: Date | string; device_id: string }) => {
    const ts = new Date(r.ts);
    // The receive time is not stored: the measurement time stands in for it (never in the future).
    return { v: r.value, at: Math.min(ts.getTime(), opts.now), ts: ts.getTime(), deviceId: r.device_id };
  };
  for (const r of [...glucose.map((g) => ({ ...g, code: "glucose" })), ...latest]) {
    const p = engine.state.patient(r.patient_id, infos.get(r.patient_id)?.wardId ?? null);
    engine.state.device(r.device_id, r.patient_id, p.wardId);
    engine.state.setLatest(p, r.code, sample(r));
  }

  const offline = await sql.query<{ id: string; patient_id: string; ward_id: string | null; at: Date | string | null }>(
    `SELECT d.id, d.patient_id, b.ward_id, d.connectivity_at AS at
       FROM devices d JOIN patients p ON p.id = d.patient_id LEFT JOIN beds b ON b.id = p.bed_id
      WHERE d.status = 'active' AND d.connectivity = 'offline'`,
  );
  for (const d of offline) {
    engine.state.applyStatus(
      { deviceId: d.id, patientId: d.patient_id, wardId: d.ward_id, status: "offline", at: d.at ? new Date(d.at).getTime() : opts.now },
      opts.now,
    );
  }

  const open = await sql.query<{ open_key: string; patient_id: string | null; device_id: string | null }>(
    `SELECT open_key, patient_id, device_id FROM alerts WHERE open_key IS NOT NULL AND condition_active`,
  );
  for (const a of open) {
    engine.tracker.markRaised(a.open_key, a.patient_id ? patientSubject(a.patient_id) : deviceSubject(a.device_id ?? "-"));
  }
}
