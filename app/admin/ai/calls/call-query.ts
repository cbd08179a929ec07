// The call log's filters as they travel in the page URL (pure, tested): parsed from the search params
// (a value that does not parse is dropped and named), turned into the service's CallFilter (dates are
// whole UTC days, `to` included), and into the CSV export link of the REST contract
// (GET /api/v1/ai/calls?format=csv&…).
import { CALL_STATUSES, type CallFilter, type CallStatus } from "@/lib/ai/service-types";

export type CallQuery = {
  feature?: string;
  prompt?: string;
  version?: number;
  userId?: string;
  status?: CallStatus;
  /** UTC days, "YYYY-MM-DD". */
  from?: string;
  to?: string;
};

type SearchParams = Record<string, string | string[] | undefined>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TEXT = /^[\w.:@-]{1,100}$/;

function first(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  const t = s?.trim();
  return t ? t : undefined;
}

function isDay(s: string): boolean {
  return DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}

export function parseCallQuery(sp: SearchParams): { query: CallQuery; ignored: string[] } {
  const query: CallQuery = {};
  const ignored: string[] = [];
  const text = (key: "feature" | "prompt" | "userId") => {
    const v = first(sp[key]);
    if (v === undefined) return;
    if (TEXT.test(v)) query[key] = v;
    else ignored.push(key);
  };
  text("feature");
  text("prompt");
  text("userId");
  const version = first(sp.version);
  if (version !== undefined) {
    if (/^\d{1,9}$/.test(version) && Number(version) > 0) query.version = Number(version);
    else ignored.push("version");
  }
  const status = first(sp.status);
  if (status !== undefined) {
    if ((CALL_STATUSES as readonly string[]).includes(status)) query.status = status as CallStatus;
    else ignored.push("status");
  }
  for (const key of ["from", "to"] as const) {
    const v = first(sp[key]);
    if (v === undefined) continue;
    if (isDay(v)) query[key] = v;
    else ignored.push(key);
  }
  return { query, ignored };
}

export function isFiltered(q: CallQuery): boolean {
  return Object.values(q).some((v) => v !== undefined);
}

function startOf(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}
function endOf(day: string): Date {
  return new Date(`${day}T23:59:59.999Z`);
}

export function callFilterOf(q: CallQuery, limit = 200): CallFilter {
  return {
    ...(q.feature ? { feature: q.feature } : {}),
    ...(q.prompt ? { prompt: q.prompt } : {}),
    ...(q.version ? { version: q.version } : {}),
    ...(q.userId ? { userId: q.userId } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.from ? { from: startOf(q.from) } : {}),
    ...(q.to ? { to: endOf(q.to) } : {}),
    limit,
  };
}

/** The CSV export of the same filters (up to 5,000 calls), through the REST contract. */
export function csvHref(q: CallQuery): string {
  const p = new URLSearchParams({ format: "csv", limit: "5000" });
  if (q.feature) p.set("feature", q.feature);
  if (q.prompt) p.set("prompt", q.prompt);
  if (q.version) p.set("version", String(q.version));
  if (q.userId) p.set("userId", q.userId);
  if (q.status) p.set("status", q.status);
  if (q.from) p.set("from", startOf(q.from).toISOString());
  if (q.to) p.set("to", endOf(q.to).toISOString());
  return `/api/v1/ai/calls?${p.toString()}`;
}
