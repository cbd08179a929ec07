// The /environment page's filters as they live in the URL (device, kind, period, status), turned into
// the record's query and into the matching CSV export link. Unknown or malformed values are dropped
// rather than failing the page.
import type { ExcursionFilter } from "@/lib/environment/excursion-queries";
import { EXCURSION_KINDS, type ExcursionKind } from "@/lib/environment/excursion-types";

const DAY = 86_400_000;

export const PERIODS = {
  "24h": { label: "Last 24 hours", ms: DAY },
  "7d": { label: "Last 7 days", ms: 7 * DAY },
  "30d": { label: "Last 30 days", ms: 30 * DAY },
  "90d": { label: "Last 90 days", ms: 90 * DAY },
  "1y": { label: "Last year", ms: 365 * DAY },
  "3y": { label: "Last 3 years (CDC retention)", ms: 3 * 365 * DAY },
  all: { label: "All time", ms: null },
} as const satisfies Record<string, { label: string; ms: number | null }>;
export type Period = keyof typeof PERIODS;
export const DEFAULT_PERIOD: Period = "30d";

export const STATUSES = { open: "Ongoing", needs_action: "Needs a corrective action", actioned: "Action recorded" } as const;
export type Status = keyof typeof STATUSES;

export type PageFilter = { device?: string; kind?: ExcursionKind; period: Period; status?: Status };

const has = <T extends string>(keys: readonly T[], v: string | undefined): v is T =>
  v !== undefined && (keys as readonly string[]).includes(v);

export function parsePageFilter(raw: Record<string, string | string[] | undefined>): PageFilter {
  const get = (k: string) => {
    const v = raw[k];
    const s = (Array.isArray(v) ? v[0] : v)?.trim();
    return s ? s : undefined;
  };
  const device = get("device");
  const kind = get("kind");
  const period = get("period");
  const status = get("status");
  return {
    device: device && device.length <= 100 ? device : undefined,
    kind: has(EXCURSION_KINDS, kind) ? kind : undefined,
    period: has(Object.keys(PERIODS) as Period[], period) ? period : DEFAULT_PERIOD,
    status: has(Object.keys(STATUSES) as Status[], status) ? status : undefined,
  };
}

export function toExcursionFilter(f: PageFilter, now: number): ExcursionFilter {
  const ms = PERIODS[f.period].ms;
  return {
    deviceId: f.device,
    kind: f.kind,
    from: ms === null ? undefined : new Date(now - ms),
    open: f.status === "open" ? true : undefined,
    needsAction: f.status === "needs_action" ? true : f.status === "actioned" ? false : undefined,
  };
}

/** The page with these filters (for the summary links). */
export function pageHref(f: Partial<PageFilter>): string {
  const q = new URLSearchParams();
  if (f.device) q.set("device", f.device);
  if (f.kind) q.set("kind", f.kind);
  if (f.period && f.period !== DEFAULT_PERIOD) q.set("period", f.period);
  if (f.status) q.set("status", f.status);
  const s = q.toString();
  return s ? `/environment?${s}` : "/environment";
}

/** The CSV export of what the page shows (the period resolved to a `from` time now). */
export function csvHref(f: PageFilter, now: number): string {
  const x = toExcursionFilter(f, now);
  const q = new URLSearchParams({ format: "csv" });
  if (x.deviceId) q.set("deviceId", x.deviceId);
  if (x.kind) q.set("kind", x.kind);
  if (x.from) q.set("from", x.from.toISOString());
  if (x.open !== undefined) q.set("open", String(x.open));
  if (x.needsAction !== undefined) q.set("needsAction", String(x.needsAction));
  return `/api/v1/environment/excursions?${q.toString()}`;
}
