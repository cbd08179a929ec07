// The one place for TanStack Query keys. A key runs from the general to the specific, so invalidating a
// prefix (queryKeys.observationsOf(patientId)) covers every code and range under it.
import type { AlertCursor } from "@/lib/alerts/alert-queries";
import type { AlertFeed } from "@/components/alerts/alert-feed";
import type { MetricKey } from "@/lib/domain/metrics";
import type { TimeRangeKey } from "@/lib/charts/time-range";

export const queryKeys = {
  observationsOf: (patientId: string) => ["observations", patientId] as const,
  observations: (patientId: string, code: MetricKey, range: TimeRangeKey) => ["observations", patientId, code, range] as const,
  /** Every trend of the patient page for one range, in one request. */
  observationBundle: (patientId: string, range: TimeRangeKey) => ["observations", patientId, "bundle", range] as const,
  cgm: (patientId: string) => ["cgm", patientId] as const,
  patientAlerts: (patientId: string) => ["alerts", "patient", patientId] as const,
  alertDetail: (alertId: string) => ["alerts", "detail", alertId] as const,
  alarmLimits: (patientId: string) => ["alarm-limits", patientId] as const,
  /** The nav count's full (light) check: every active alert in scope as a mark. */
  activeAlertMarks: ["alerts", "active-marks"] as const,
  /** What changed in a screen's alert feed after `since` (one answer shared by the screen and the nav count). */
  alertChanges: (feed: AlertFeed, since: AlertCursor) => ["alerts", "changes", feed, since.eventId, since.at] as const,
  /** The AI call log and its per-version metrics for one set of filters (the page URL's query string). */
  aiCalls: (filters: string) => ["ai", "calls", filters] as const,
  /** The AI spend page's figures: spend per day, budgets used, the month forecast. */
  aiSpend: ["ai", "spend"] as const,
  /** Asset map: every asset in scope (refetched after a reconnect), an asset's 24 h trail, a nearest search. */
  assets: ["assets", "all"] as const,
  assetTrail: (assetId: string) => ["assets", "trail", assetId] as const,
  assetNearest: (assetClass: string, near: string, n: number) => ["assets", "nearest", assetClass, near, n] as const,
};
