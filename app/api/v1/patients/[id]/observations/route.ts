import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { Refusal } from "@/lib/errors/refusal";
import { canSeePatient } from "@/lib/auth/principal";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { findPatient } from "@/lib/patients/patient-queries";
import { loadObservationBundle, loadObservationSeries } from "@/lib/store/observation-series";
import { METRICS, METRIC_KEYS, type MetricKey } from "@/lib/domain/metrics";

export const dynamic = "force-dynamic";

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_RANGE_MS = 31 * DAY_MS;

const metricKey = z.enum(METRIC_KEYS as [MetricKey, ...MetricKey[]], { error: `must be one of: ${METRIC_KEYS.join(", ")}` });

// `code` (one series) or `codes` (a comma-separated list: every series in one answer), not both.
const querySchema = z
  .object({
    code: metricKey.optional(),
    codes: z
      .string()
      .transform((s) => s.split(",").map((c) => c.trim()))
      .pipe(z.array(metricKey).min(1).max(METRIC_KEYS.length))
      .optional(),
    from: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }).optional(),
    to: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }).optional(),
    maxPoints: z.coerce.number().int().min(10, "must be at least 10").max(5000, "must be at most 5000").default(1000),
  })
  .transform((q) => {
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - DAY_MS);
    return { ...q, from, to };
  })
  .refine((q) => (q.code === undefined) !== (q.codes === undefined), { message: "give code or codes (not both)", path: ["code"] })
  .refine((q) => q.from < q.to, { message: "from must be before to", path: ["from"] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= MAX_RANGE_MS, { message: "the range may span at most 31 days", path: ["from"] });

export const GET = apiRoute(
  { params: z.object({ id: z.string().min(1) }), query: querySchema },
  async ({ principal, params, query, meta }) => {
    const patient = await findPatient(params.id);
    if (!patient || !canSeePatient(principal, { patientId: patient.id, wardId: patient.ward?.id ?? null })) {
      // Outside an admin's view, a missing patient and a forbidden one look the same.
      throw principal.role === "admin"
        ? new Refusal("not_found", "patient not found")
        : new Refusal("forbidden", "you may not see this patient");
    }
    if (query.codes) {
      const codes = [...new Set(query.codes)];
      const series = await loadObservationBundle({
        patientId: patient.id,
        codes,
        from: query.from,
        to: query.to,
        maxPoints: query.maxPoints,
      });
      const range = { from: query.from.toISOString(), to: query.to.toISOString() };
      await recordPatientReads(principal, "observations.read", [patient.id], meta, { codes, ...range });
      return { patientId: patient.id, ...range, series: series.map((s) => ({ ...s, unit: METRICS[s.code as MetricKey].unit })) };
    }
    const code = query.code as MetricKey;
    const series = await loadObservationSeries({ patientId: patient.id, code, from: query.from, to: query.to, maxPoints: query.maxPoints });
    await recordPatientReads(principal, "observations.read", [patient.id], meta, { code, from: series.from, to: series.to });
    return { patientId: patient.id, unit: METRICS[code].unit, ...series };
  },
);
