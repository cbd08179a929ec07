// Parameters about an alert, a ward and a device: fixed, reviewed queries. alert.context gives the alert,
// the readings of its metric before it and its trail; ward.census_and_alerts the ward's patients with
// their latest NEWS2, its open alarms and its stale devices; device.maintenance_findings a device's
// facts, its equipment alarms and its own health readings.
import { decryptResults, readBirthDate } from "@/lib/crypto/decrypt-results";
import type { KnownDevice, KnownPatient, KnownStaff } from "@/lib/ai/deidentify/types";
import { isMetricKey } from "@/lib/domain/metrics";
import { num, toDate } from "@/lib/ai/budgets/rows";
import type { ParameterDefinition, ParameterContext } from "./parameter-types";
import { consentInForceSql } from "@/lib/consent/consents";

const HOUR = 3_600_000;
const MIN = 60_000;
/** A patient who withdrew AI processing is left out of every multi-patient parameter (lib/consent). */
const AI_CONSENT = consentInForceSql("p.id", "ai_processing");

function need(v: string | null, what: string): string {
  if (!v) throw new Error(`parameter needs a ${what}`);
  return v;
}

const alertContext: ParameterDefinition = {
  name: "alert.context",
  description: "The alert (rule, priority, message, value, when), the readings of its metric before it, and its trail",
  needs: "alert",
  subject: "alert",
  bounds: {
    hours: { min: 1, max: 12, default: 2, unit: "h", description: "trend before the alert" },
    rows: { min: 5, max: 200, default: 30, unit: "rows", description: "readings at most" },
  },
  allowedFor: ["alert-explanation", "maintenance-explanation"],
  fields: {
    "alert.at": "datetime",
    "trend.at": "datetime",
    "trail.at": "datetime",
    "trail.who": "staff_name",
    "alert.device": "device_id",
  },
  async resolve(ctx: ParameterContext) {
    const alertId = need(ctx.subject.alertId, "alert");
    const [a] = await ctx.q.query<Record<string, unknown>>(
      `SELECT id, rule, priority::text AS priority, state::text AS state, message, value, raised_at, patient_id, device_id
         FROM alerts WHERE id = $1`,
      [alertId],
    );
    if (!a) return { value: {}, rows: 0 };
    const raisedAt = toDate(a.raised_at);
    const metric = String(a.rule).split(".")[0] ?? "";
    const [trend, trail] = await Promise.all([
      isMetricKey(metric) && (a.patient_id || a.device_id)
        ? ctx.q.query<{ ts: Date | string; value: unknown }>(
            `SELECT ts, value FROM (
               SELECT ts, value FROM observations
                WHERE ${a.patient_id ? "patient_id" : "device_id"} = $1 AND code = $2 AND NOT artifact AND ts >= $3 AND ts <= $4
                ORDER BY ts DESC LIMIT $5) t ORDER BY ts`,
            [a.patient_id ?? a.device_id, metric, new Date(raisedAt.getTime() - ctx.bounds.hours! * HOUR), raisedAt, ctx.bounds.rows],
          )
        : Promise.resolve([]),
      ctx.q.query<{ at: Date | string; type: string; name: string | null; id: string | null; role: string | null }>(
        `SELECT e.at, e.type, u.name, u.id, u.role::text AS role FROM alert_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.alert_id = $1 AND e.type NOT IN ('delivered', 'not_delivered', 'read', 'notified') ORDER BY e.at, e.id LIMIT 50`,
        [alertId],
      ),
    ]);
    const staff: KnownStaff[] = trail
      .filter((t) => t.name)
      .map((t) => ({ id: t.id ?? undefined, name: t.name ?? "", role: t.role ?? undefined }));
    const devices: KnownDevice[] = a.device_id ? [{ id: String(a.device_id) }] : [];
    return {
      value: {
        alert: {
          title: a.message,
          rule: a.rule,
          metric: isMetricKey(metric) ? metric : undefined,
          priority: a.priority,
          state: a.state,
          value: a.value === null ? undefined : num(a.value),
          at: raisedAt,
          ...(a.device_id ? { device: String(a.device_id) } : {}),
        },
        trend: trend.map((t) => ({ at: toDate(t.ts), metric, value: num(t.value) })),
        trail: trail.map((t) => ({ event: t.type, at: toDate(t.at), ...(t.name ? { who: t.name } : {}) })),
      },
      rows: 1 + trend.length + trail.length,
      known: { staff, devices, internalIds: [alertId] },
    };
  },
};

const wardCensus: ParameterDefinition = {
  name: "ward.census_and_alerts",
  description: "The ward's patients by bed with their latest NEWS2, its open alarms and its devices silent beyond the limit",
  needs: "ward",
  subject: "ward",
  bounds: {
    staleMinutes: { min: 1, max: 240, default: 15, unit: "min", description: "a device silent this long is stale" },
    rows: { min: 1, max: 100, default: 40, unit: "rows", description: "alarms at most" },
  },
  allowedFor: ["ward-brief"],
  fields: {
    "patients.patient": "patient_ref",
    "alerts.patient": "patient_ref",
    "alerts.at": "datetime",
    "staleDevices.device": "device_id",
    "staleDevices.lastSeen": "datetime",
    "patients.news2At": "datetime",
  },
  async resolve(ctx) {
    const wardId = need(ctx.subject.wardId, "ward");
    // Names and exact birth dates are encrypted at rest: decrypted through lib/crypto (the
    // de-identification must know them to scrub them).
    const [patientRows, alerts, stale] = await Promise.all([
      ctx.q.query<Record<string, unknown>>(
        `SELECT p.id, p.given_name, p.family_name, p.mrn, p.birth_date, p.birth_date_enc, b.label AS bed,
              (SELECT value FROM observations o WHERE o.patient_id = p.id AND o.code = 'news2' AND o.ts <= $2 ORDER BY o.ts DESC LIMIT 1) AS news2,
              (SELECT ts FROM observations o WHERE o.patient_id = p.id AND o.code = 'news2' AND o.ts <= $2 ORDER BY o.ts DESC LIMIT 1) AS news2_at
         FROM patients p JOIN beds b ON b.id = p.bed_id WHERE b.ward_id = $1 AND ${AI_CONSENT} ORDER BY b.label`,
        [wardId, ctx.now],
      ),
      ctx.q.query<Record<string, unknown>>(
        `SELECT a.message, a.priority::text AS priority, a.state::text AS state, a.raised_at, a.patient_id
         FROM alerts a LEFT JOIN patients p ON p.id = a.patient_id LEFT JOIN beds b ON b.id = p.bed_id
        WHERE a.state <> 'resolved' AND (a.ward_id = $1 OR b.ward_id = $1) AND ${AI_CONSENT}
        ORDER BY CASE a.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END, a.raised_at DESC LIMIT $2`,
        [wardId, ctx.bounds.rows],
      ),
      ctx.q.query<Record<string, unknown>>(
        `SELECT d.id, d.type, d.last_seen_at, d.connectivity::text AS connectivity
         FROM devices d LEFT JOIN patients p ON p.id = d.patient_id LEFT JOIN beds pb ON pb.id = p.bed_id LEFT JOIN beds db ON db.id = d.bed_id
        WHERE d.status = 'active' AND (pb.ward_id = $1 OR db.ward_id = $1) AND ${AI_CONSENT}
          AND (d.connectivity = 'offline' OR d.last_seen_at IS NULL OR d.last_seen_at < $2)
        ORDER BY d.id LIMIT 100`,
        [wardId, new Date(ctx.now.getTime() - ctx.bounds.staleMinutes! * MIN)],
      ),
    ]);
    const patients = decryptResults(patientRows);
    const known: KnownPatient[] = patients.map((p) => ({
      id: String(p.id),
      givenNames: String(p.given_name).split(/\s+/).filter(Boolean),
      familyName: String(p.family_name),
      mrn: String(p.mrn),
      birthDate: readBirthDate(p.birth_date as Date | string, p.birth_date_enc as string | null),
    }));
    return {
      value: {
        patients: patients.map((p) => ({
          patient: String(p.id),
          bed: String(p.bed),
          ...(p.news2 === null ? {} : { news2: num(p.news2), news2At: toDate(p.news2_at) }),
        })),
        alerts: alerts.map((a) => ({
          title: a.message,
          priority: a.priority,
          state: a.state,
          at: toDate(a.raised_at),
          ...(a.patient_id ? { patient: String(a.patient_id) } : {}),
        })),
        staleDevices: stale.map((d) => ({
          device: String(d.id),
          title: d.connectivity === "offline" ? "offline" : "stale",
          type: d.type,
          ...(d.last_seen_at ? { lastSeen: toDate(d.last_seen_at) } : {}),
        })),
      },
      rows: patients.length + alerts.length + stale.length,
      known: { patients: known, devices: stale.map((d) => ({ id: String(d.id) })), internalIds: [wardId] },
    };
  },
};

const EQUIPMENT_CODES = ["device_temp", "vibration", "power", "battery", "env_temp", "humidity"];

const maintenanceFindings: ParameterDefinition = {
  name: "device.maintenance_findings",
  description:
    "A device's type and firmware, its equipment alarms in the window and its own health readings (temperature, vibration, power, battery)",
  needs: "device",
  subject: "device",
  bounds: {
    hours: { min: 1, max: 72, default: 24, unit: "h", description: "how far back" },
    rows: { min: 5, max: 200, default: 48, unit: "rows", description: "readings at most" },
  },
  allowedFor: ["maintenance-explanation"],
  fields: { device: "device_id", "findings.at": "datetime", "readings.at": "datetime", lastSeen: "datetime" },
  async resolve(ctx) {
    const deviceId = need(ctx.subject.deviceId, "device");
    const from = new Date(ctx.now.getTime() - ctx.bounds.hours! * HOUR);
    const bucketSec = Math.max(60, Math.ceil((ctx.bounds.hours! * 3600) / ctx.bounds.rows!));
    const [[d], findings, readings] = await Promise.all([
      ctx.q.query<Record<string, unknown>>(
        `SELECT id, type, firmware_version, connectivity::text AS connectivity, battery_level, last_seen_at, asset_tag FROM devices WHERE id = $1`,
        [deviceId],
      ),
      ctx.q.query<Record<string, unknown>>(
        `SELECT message, rule, priority::text AS priority, state::text AS state, raised_at FROM alerts
        WHERE device_id = $1 AND (state <> 'resolved' OR raised_at >= $2) ORDER BY raised_at DESC LIMIT 20`,
        [deviceId, from],
      ),
      ctx.q.query<{ at: Date | string; code: string; value: unknown }>(
        `SELECT to_timestamp(floor(extract(epoch FROM ts) / $4::int) * $4::int) AS at, code, round(avg(value)::numeric, 2) AS value
         FROM observations WHERE device_id = $1 AND ts >= $2 AND ts <= $5 AND code = ANY($3::text[])
        GROUP BY 1, 2 ORDER BY 1`,
        [deviceId, from, EQUIPMENT_CODES, bucketSec, ctx.now],
      ),
    ]);
    const kept = readings.slice(-ctx.bounds.rows! * EQUIPMENT_CODES.length);
    const aliases = d?.asset_tag ? [String(d.asset_tag)] : [];
    return {
      value: {
        device: deviceId,
        type: d?.type ?? "unknown",
        ...(d?.firmware_version ? { firmware: String(d.firmware_version) } : {}),
        connectivity: d?.connectivity ?? "unknown",
        ...(d?.battery_level === null || d?.battery_level === undefined ? {} : { battery: num(d.battery_level) }),
        ...(d?.last_seen_at ? { lastSeen: toDate(d.last_seen_at) } : {}),
        findings: findings.map((f) => ({ title: f.message, rule: f.rule, priority: f.priority, state: f.state, at: toDate(f.raised_at) })),
        readings: kept.map((r) => ({ at: toDate(r.at), metric: r.code, value: num(r.value) })),
      },
      rows: 1 + findings.length + kept.length,
      known: { devices: [{ id: deviceId, aliases }] },
    };
  },
};

export const CONTEXT_PARAMETERS: readonly ParameterDefinition[] = [alertContext, wardCensus, maintenanceFindings];
