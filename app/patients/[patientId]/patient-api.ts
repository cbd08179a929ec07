// Browser-side reads for the patient page, each answer checked with lib/events' small checker (wire-shape, which keeps
// the page's JS small): observation series, every
// trend in one request (GET /api/v1/patients/{id}/observations?codes=…), the patient's alerts (GET /api/v1/alerts?patientId=&status=all),
// one alert's trail (GET /api/v1/alerts/{id}) and the alarm limits in force (GET /api/v1/alerts/limits),
// through the one fetch helper (components/data/fetch-data).
import * as s from "@/lib/events/wire-shape";
import { getJson, HttpError } from "@/components/data/fetch-data";
import { alertDetailViewSchema, alertViewSchema, type AlertDetailView, type AlertView } from "@/lib/events";
import type { LimitView } from "@/lib/charts/prepare-limits";
import type { Point } from "@/lib/charts/lttb";
import type { MetricKey } from "@/lib/domain/metrics";

export function errorText(err: unknown, what = "Trends"): string {
  if (err instanceof HttpError && err.status === 401) return "Your session has ended. Sign in again.";
  if (err instanceof HttpError && (err.status === 403 || err.status === 404)) return "These data are not available to you.";
  return `${what} could not be loaded. Retrying.`;
}

const seriesSchema = s.object({
  code: s.string(),
  to: s.string(),
  total: s.nonNegativeInt(),
  points: s.array(s.object({ t: s.number(), v: s.number() })),
});
export type Series = Omit<s.Infer<typeof seriesSchema>, "points"> & { points: readonly Point[] };

/** What a chart needs of its series' query (one bundle query serves every chart). */
export type SeriesResult = { data: Series | undefined; isPending: boolean; isError: boolean; error: unknown };

const bundleSchema = s.object({ from: s.string(), to: s.string(), series: s.array(seriesSchema) });
export type SeriesBundle = { from: string; to: string; series: Series[] };

/** Every code's series in one request; without `to` the server's clock ends the window. */
export function fetchSeriesBundle(
  patientId: string,
  codes: readonly MetricKey[],
  q: { from: number; maxPoints: number },
  signal?: AbortSignal,
): Promise<SeriesBundle> {
  const query = new URLSearchParams({ codes: codes.join(","), from: new Date(q.from).toISOString(), maxPoints: String(q.maxPoints) });
  return getJson(`/api/v1/patients/${encodeURIComponent(patientId)}/observations?${query}`, bundleSchema, signal);
}

/** Without `to`, the server's clock ends the window, so a workstation running late misses nothing. */
export function fetchSeries(
  patientId: string,
  code: MetricKey,
  q: { from: number; maxPoints: number },
  signal?: AbortSignal,
): Promise<Series> {
  const query = new URLSearchParams({ code, from: new Date(q.from).toISOString(), maxPoints: String(q.maxPoints) });
  return getJson(`/api/v1/patients/${encodeURIComponent(patientId)}/observations?${query}`, seriesSchema, signal);
}

/** The API's limit per call; a patient with more alerts shows the 1000 the server returns first. */
export const ALERT_HISTORY_LIMIT = 1000;

export async function fetchPatientAlerts(patientId: string, signal?: AbortSignal): Promise<AlertView[]> {
  const query = new URLSearchParams({ patientId, status: "all", limit: String(ALERT_HISTORY_LIMIT) });
  const body = await getJson(`/api/v1/alerts?${query}`, s.object({ alerts: s.array(alertViewSchema) }), signal);
  return body.alerts;
}

export function fetchAlertDetail(alertId: string, signal?: AbortSignal): Promise<AlertDetailView> {
  return getJson(`/api/v1/alerts/${encodeURIComponent(alertId)}`, alertDetailViewSchema, signal);
}

const source = s.oneOf(["default", "ward", "patient"]);
export const limitViewSchema: s.Shape<LimitView> = s.object({
  code: s.string(),
  reason: s.nullable(s.string()),
  low: s.nullable(s.number()),
  high: s.nullable(s.number()),
  criticalLow: s.nullable(s.number()),
  criticalHigh: s.nullable(s.number()),
  source: s.object({ low: source, high: source }),
});

export async function fetchAlarmLimits(patientId: string, signal?: AbortSignal): Promise<LimitView[]> {
  const body = await getJson(
    `/api/v1/alerts/limits?${new URLSearchParams({ patientId })}`,
    s.object({ limits: s.array(limitViewSchema) }),
    signal,
  );
  return body.limits;
}
