// The patient parameters: fixed, reviewed queries over one patient's stored data. Vital signs bucketed
// over a window, the NEWS2 trend, open alerts, a CGM summary against the consensus targets.
import type { KnownStaff } from "@/lib/ai/deidentify/types";
import type { ParameterDefinition, ParameterContext } from "./parameter-types";
import { num } from "@/lib/ai/budgets/rows";

const VITALS = ["heart_rate", "resp_rate", "spo2", "temp", "bp_sys", "bp_dia", "consciousness", "o2_supplement"];
const HOUR = 3_600_000;

function patientId(ctx: ParameterContext): string {
  if (!ctx.subject.patientId) throw new Error("patient parameter without a patient");
  return ctx.subject.patientId;
}

const vitalsWindow: ParameterDefinition = {
  name: "patient.vitals_window",
  description: "Vital signs (pulse, breathing rate, SpO2, temperature, BP, ACVPU, oxygen) averaged per time bucket over the window",
  needs: "patient",
  subject: "patient",
  bounds: {
    hours: { min: 1, max: 24, default: 12, unit: "h", description: "how far back" },
    rows: { min: 6, max: 288, default: 48, unit: "rows", description: "time buckets at most" },
  },
  allowedFor: ["handover-summary", "alert-explanation"],
  fields: { at: "datetime" },
  async resolve(ctx) {
    const from = new Date(ctx.now.getTime() - ctx.bounds.hours! * HOUR);
    const bucketSec = Math.max(60, Math.ceil((ctx.bounds.hours! * 3600) / ctx.bounds.rows!));
    // Not a named statement (lib/db/sql.ts): its best plan depends on how many readings the window holds, and
    // a generic plan made the call for a patient with 1 Hz vitals twice as slow (bench:ai).
    // One row per bucket, its signs as one JSON object, the bucket as epoch milliseconds: the driver parses a
    // row per bucket instead of one per bucket and sign, and no timestamp text (bench:ai's allocation
    // profile: that parsing was a fifth of what an AI call allocated).
    const rows = await ctx.q.query<{ at_ms: unknown; signs: Record<string, unknown> | string }>(
      `SELECT (extract(epoch FROM at) * 1000)::float8 AS at_ms, json_object_agg(code, value) AS signs
         FROM (SELECT date_bin(make_interval(secs => $4::int), ts, TIMESTAMPTZ '1970-01-01 00:00:00+00') AS at, code,
                      round(avg(value)::numeric, 1) AS value
                 FROM observations
                WHERE patient_id = $1 AND ts >= $2 AND ts <= $5 AND NOT artifact AND code = ANY($3::text[])
                GROUP BY 1, 2) buckets
        GROUP BY at ORDER BY at`,
      [patientId(ctx), from, VITALS, bucketSec, ctx.now],
    );
    const value = rows.slice(-ctx.bounds.rows!).map((r) => {
      const signs = typeof r.signs === "string" ? (JSON.parse(r.signs) as Record<string, unknown>) : r.signs;
      const row: Record<string, unknown> = { at: new Date(num(r.at_ms)).toISOString() };
      for (const code of VITALS) if (signs[code] !== undefined) row[code] = num(signs[code]);
      return row;
    });
    return { value, rows: value.length };
  },
};

const news2Trend: ParameterDefinition = {
  name: "patient.news2_trend",
  description: "NEWS2 totals computed by the platform over the window, oldest first",
  needs: "patient",
  subject: "patient",
  bounds: {
    hours: { min: 1, max: 48, default: 12, unit: "h", description: "how far back" },
    rows: { min: 2, max: 200, default: 24, unit: "rows", description: "scores at most (evenly thinned)" },
  },
  allowedFor: ["handover-summary", "alert-explanation"],
  fields: { at: "datetime" },
  async resolve(ctx) {
    const from = new Date(ctx.now.getTime() - ctx.bounds.hours! * HOUR);
    const rows = await ctx.q.query<{ at_ms: unknown; value: unknown }>(
      `SELECT (extract(epoch FROM ts) * 1000)::float8 AS at_ms, value
         FROM observations WHERE patient_id = $1 AND code = 'news2' AND ts >= $2 AND ts <= $3 ORDER BY ts`,
      [patientId(ctx), from, ctx.now],
      { prepared: "ai_patient_news2_trend" },
    );
    const max = ctx.bounds.rows!;
    const step = Math.max(1, Math.ceil(rows.length / max));
    const kept = rows.filter((_, i) => i % step === 0 || i === rows.length - 1);
    const value = kept.map((r) => ({ at: new Date(num(r.at_ms)), news2: num(r.value) }));
    return { value, rows: value.length };
  },
};

const openAlerts: ParameterDefinition = {
  name: "patient.open_alerts",
  description: "The patient's open alerts (active or acknowledged), newest first",
  needs: "patient",
  subject: "patient",
  bounds: { rows: { min: 1, max: 50, default: 20, unit: "rows", description: "alerts at most" } },
  allowedFor: ["handover-summary", "alert-explanation"],
  fields: { at: "datetime", acknowledgedBy: "staff_name" },
  async resolve(ctx) {
    const rows = await ctx.q.query<{
      rule: string;
      priority: string;
      state: string;
      message: string;
      raised_at: Date | string;
      ack_id: string | null;
      ack_name: string | null;
      ack_role: string | null;
    }>(
      `SELECT a.rule, a.priority::text AS priority, a.state::text AS state, a.message, a.raised_at,
              u.id AS ack_id, u.name AS ack_name, u.role::text AS ack_role
         FROM alerts a LEFT JOIN users u ON u.id = a.acknowledged_by_id
        WHERE a.patient_id = $1 AND a.state <> 'resolved'
        ORDER BY a.raised_at DESC LIMIT $2`,
      [patientId(ctx), ctx.bounds.rows],
      { prepared: "ai_patient_open_alerts" },
    );
    const staff: KnownStaff[] = rows
      .filter((r) => r.ack_name)
      .map((r) => ({ id: r.ack_id ?? undefined, name: r.ack_name ?? "", role: r.ack_role ?? undefined }));
    const value = rows.map((r) => ({
      title: r.message,
      rule: r.rule,
      priority: r.priority,
      state: r.state,
      at: r.raised_at instanceof Date ? r.raised_at : new Date(r.raised_at),
      ...(r.ack_name ? { acknowledgedBy: r.ack_name } : {}),
    }));
    return { value, rows: value.length, known: { staff } };
  },
};

const cgmSummary: ParameterDefinition = {
  name: "patient.cgm_summary",
  description: "CGM glucose over the window: mean, range, time in range 70-180 and below 70 / 54, above 250 (consensus 2019)",
  needs: "patient",
  subject: "patient",
  bounds: { hours: { min: 1, max: 336, default: 24, unit: "h", description: "how far back" } },
  allowedFor: ["handover-summary"],
  fields: { lastAt: "datetime" },
  async resolve(ctx) {
    const from = new Date(ctx.now.getTime() - ctx.bounds.hours! * HOUR);
    const [r] = await ctx.q.query<Record<string, unknown>>(
      `SELECT count(*) AS n, avg(value) AS mean, min(value) AS min, max(value) AS max,
              count(*) FILTER (WHERE value >= 70 AND value <= 180) AS in_range,
              count(*) FILTER (WHERE value < 70) AS below70, count(*) FILTER (WHERE value < 54) AS below54,
              count(*) FILTER (WHERE value > 250) AS above250, max(ts) AS last_at,
              (array_agg(value ORDER BY ts DESC))[1] AS last
         FROM observations WHERE patient_id = $1 AND code = 'glucose' AND NOT artifact AND ts >= $2 AND ts <= $3`,
      [patientId(ctx), from, ctx.now],
      { prepared: "ai_patient_cgm_summary" },
    );
    const n = num(r?.n);
    if (!r || n === 0) return { value: { readings: 0 }, rows: 0 };
    const pct = (k: string) => Math.round((num(r[k]) / n) * 1000) / 10;
    return {
      value: {
        readings: n,
        meanMgDl: Math.round(num(r.mean)),
        minMgDl: num(r.min),
        maxMgDl: num(r.max),
        timeInRangePct: pct("in_range"),
        below70Pct: pct("below70"),
        below54Pct: pct("below54"),
        above250Pct: pct("above250"),
        glucose: num(r.last),
        lastAt: r.last_at instanceof Date ? r.last_at : new Date(String(r.last_at)),
      },
      rows: n,
    };
  },
};

export const PATIENT_PARAMETERS: readonly ParameterDefinition[] = [vitalsWindow, news2Trend, openAlerts, cgmSummary];
