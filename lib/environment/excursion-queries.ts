// Reading the environment compliance record (table environment_excursions, written by
// lib/environment/excursion-log) and recording the corrective action for an excursion or logger gap.
// Scope: admin and biomed see every row; nurses and physicians the rows of their wards; patients none.
// The corrective action is append-only: recorded once, with who and when, and audited; a second
// attempt is refused with who recorded the first.
import "server-only";
import { Refusal } from "@/lib/errors/refusal";
import { getDatabase } from "@/lib/db/database";
import type { Sql } from "@/lib/db/sql";
import type { Principal } from "@/lib/auth/principal";
import { recordAudit, type RequestMeta } from "@/lib/audit/record-audit";
import { describeProfile, isEnvironmentProfile } from "@/lib/domain/environment-profiles";
import {
  CORRECTIVE_ACTION_MAX,
  CORRECTIVE_ACTION_MIN,
  type ExcursionKind,
  type ExcursionSummary,
  type ExcursionView,
} from "./excursion-types";

type Query = Pick<Sql, "query">;

export type ExcursionFilter = {
  deviceId?: string;
  kind?: ExcursionKind;
  /** Excursions that overlap [from, to): still going at or ended after `from`, started before `to`. */
  from?: Date;
  to?: Date;
  /** true: ongoing only; false: ended only. */
  open?: boolean;
  /** true: without a corrective action (ended or ongoing); false: with one. */
  needsAction?: boolean;
  /** Default 200, at most 10 000. */
  limit?: number;
};

export const MAX_EXCURSION_LIMIT = 10_000;

type ExcursionRow = {
  id: string;
  device_id: string;
  kind: ExcursionKind;
  profile: string;
  location: string | null;
  ward_id: string | null;
  ward_code: string | null;
  started_at: Date | string;
  ended_at: Date | string | null;
  min_c: number | null;
  max_c: number | null;
  alert_id: string | null;
  alert_state: string | null;
  corrective_action: string | null;
  action_by_id: string | null;
  action_by_name: string | null;
  action_at: Date | string | null;
};

const SELECT = `
SELECT x.id, x.device_id, x.kind::text AS kind, x.profile, x.location, x.ward_id, w.code AS ward_code,
       x.started_at, x.ended_at, x.min_c, x.max_c, x.alert_id, a.state::text AS alert_state,
       x.corrective_action, x.action_by_id, u.name AS action_by_name, x.action_at
  FROM environment_excursions x
  LEFT JOIN wards w ON w.id = x.ward_id
  LEFT JOIN alerts a ON a.id = x.alert_id
  LEFT JOIN users u ON u.id = x.action_by_id`;

const toDate = (d: Date | string) => (d instanceof Date ? d : new Date(d));
const iso = (d: Date | string | null) => (d === null ? null : toDate(d).toISOString());

function toView(r: ExcursionRow, now: Date): ExcursionView {
  const started = toDate(r.started_at);
  const end = r.ended_at === null ? now : toDate(r.ended_at);
  return {
    id: r.id,
    deviceId: r.device_id,
    kind: r.kind,
    profile: r.profile,
    profileLabel: isEnvironmentProfile(r.profile) ? describeProfile(r.profile) : null,
    location: r.location,
    wardId: r.ward_id,
    wardCode: r.ward_code,
    startedAt: started.toISOString(),
    endedAt: iso(r.ended_at),
    ongoing: r.ended_at === null,
    durationMs: Math.max(0, end.getTime() - started.getTime()),
    minC: r.min_c,
    maxC: r.max_c,
    alertId: r.alert_id,
    alertState: r.alert_state,
    correctiveAction: r.corrective_action,
    actionBy: r.action_by_id ? { id: r.action_by_id, name: r.action_by_name ?? "unknown user" } : null,
    actionAt: iso(r.action_at),
  };
}

const seesAll = (p: Principal) => p.role === "admin" || p.role === "biomed";

export function canSeeExcursion(p: Principal, x: { wardId: string | null }): boolean {
  if (seesAll(p)) return true;
  if (p.role === "patient") return false;
  return x.wardId !== null && p.wardIds.includes(x.wardId);
}

function scopeSql(p: Principal, params: unknown[]): string {
  if (p.role === "patient") throw new Refusal("forbidden", "patients may not see the environment record");
  if (seesAll(p)) return "TRUE";
  params.push(p.wardIds);
  return `x.ward_id = ANY($${params.length}::text[])`;
}

/** Newest first. */
export async function listExcursions(p: Principal, filter: ExcursionFilter = {}, opts: { now?: Date } = {}): Promise<ExcursionView[]> {
  const { sql } = await getDatabase();
  const params: unknown[] = [];
  const where = [scopeSql(p, params)];
  const add = (clause: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter.deviceId) add((n) => `x.device_id = ${n}`, filter.deviceId);
  if (filter.kind) add((n) => `x.kind = ${n}::"ExcursionKind"`, filter.kind);
  if (filter.from) add((n) => `(x.ended_at IS NULL OR x.ended_at >= ${n}::timestamptz)`, filter.from.toISOString());
  if (filter.to) add((n) => `x.started_at < ${n}::timestamptz`, filter.to.toISOString());
  if (filter.open !== undefined) where.push(filter.open ? "x.ended_at IS NULL" : "x.ended_at IS NOT NULL");
  if (filter.needsAction !== undefined) where.push(filter.needsAction ? "x.corrective_action IS NULL" : "x.corrective_action IS NOT NULL");
  params.push(Math.min(Math.max(filter.limit ?? 200, 1), MAX_EXCURSION_LIMIT));
  const rows = await sql.query<ExcursionRow>(
    `${SELECT} WHERE ${where.join(" AND ")} ORDER BY x.started_at DESC, x.id DESC LIMIT $${params.length}`,
    params,
  );
  const now = opts.now ?? new Date();
  return rows.map((r) => toView(r, now));
}

/** Counts over the caller's scope (not the page's filters); the window is the last `windowDays` days. */
export async function summarizeExcursions(p: Principal, opts: { now?: Date; windowDays?: number } = {}): Promise<ExcursionSummary> {
  const { sql } = await getDatabase();
  const now = opts.now ?? new Date();
  const windowDays = opts.windowDays ?? 30;
  const since = new Date(now.getTime() - windowDays * 86_400_000);
  const params: unknown[] = [now.toISOString(), since.toISOString()];
  const scope = scopeSql(p, params);
  const overlaps = `x.started_at < $1::timestamptz AND COALESCE(x.ended_at, $1::timestamptz) > $2::timestamptz`;
  const rows = await sql.query<{ open: number; excursions: number; gaps: number; out_ms: number | null; needs_action: number }>(
    `SELECT count(*) FILTER (WHERE x.ended_at IS NULL)::int AS open,
            count(*) FILTER (WHERE x.kind <> 'data_gap' AND ${overlaps})::int AS excursions,
            count(*) FILTER (WHERE x.kind = 'data_gap' AND ${overlaps})::int AS gaps,
            (sum(EXTRACT(EPOCH FROM LEAST(COALESCE(x.ended_at, $1::timestamptz), $1::timestamptz) - GREATEST(x.started_at, $2::timestamptz)))
               FILTER (WHERE x.kind <> 'data_gap' AND ${overlaps}) * 1000)::float8 AS out_ms,
            count(*) FILTER (WHERE x.corrective_action IS NULL)::int AS needs_action
       FROM environment_excursions x WHERE ${scope}`,
    params,
  );
  const r = rows[0];
  return {
    windowDays,
    open: r?.open ?? 0,
    excursions: r?.excursions ?? 0,
    gaps: r?.gaps ?? 0,
    outOfRangeMs: Math.round(r?.out_ms ?? 0),
    needsAction: r?.needs_action ?? 0,
  };
}

/** Devices that have excursions in the caller's scope, for the device filter, with their last location. */
export async function listExcursionDevices(p: Principal): Promise<{ deviceId: string; location: string | null }[]> {
  const { sql } = await getDatabase();
  const params: unknown[] = [];
  const scope = scopeSql(p, params);
  return sql.query<{ deviceId: string; location: string | null }>(
    `SELECT DISTINCT ON (x.device_id) x.device_id AS "deviceId", x.location
       FROM environment_excursions x WHERE ${scope}
      ORDER BY x.device_id, x.started_at DESC`,
    params,
  );
}

async function loadRow(q: Query, id: string): Promise<ExcursionRow | null> {
  return (await q.query<ExcursionRow>(`${SELECT} WHERE x.id = $1`, [id]))[0] ?? null;
}

/** The excursion if the caller may see it; outside the all-seeing roles, missing and forbidden look the same. */
async function findVisibleRow(q: Query, p: Principal, id: string): Promise<ExcursionRow> {
  if (p.role === "patient") throw new Refusal("forbidden", "patients may not see the environment record");
  const row = await loadRow(q, id);
  if (row && canSeeExcursion(p, { wardId: row.ward_id })) return row;
  if (seesAll(p)) throw new Refusal("not_found", "excursion not found");
  throw new Refusal("forbidden", "you may not see this excursion");
}

function alreadyRecorded(r: ExcursionRow): Refusal {
  const by = r.action_by_name ?? "an unknown user";
  const at = r.action_at === null ? "an unknown time" : iso(r.action_at);
  return new Refusal("conflict", `a corrective action was already recorded by ${by} at ${at}; the record cannot be changed`);
}

/** Records what was done about an excursion (once; the record is append-only) and audits it. */
export async function recordCorrectiveAction(
  p: Principal,
  id: string,
  action: string,
  ctx: { meta?: RequestMeta; now?: Date } = {},
): Promise<ExcursionView> {
  const text = action.trim();
  if (text.length < CORRECTIVE_ACTION_MIN || text.length > CORRECTIVE_ACTION_MAX) {
    throw new Refusal("invalid", `must be ${CORRECTIVE_ACTION_MIN} to ${CORRECTIVE_ACTION_MAX} characters`, { field: "action" });
  }
  const { sql } = await getDatabase();
  const before = await findVisibleRow(sql, p, id);
  if (before.corrective_action !== null) throw alreadyRecorded(before);
  const at = ctx.now ?? new Date();
  const updated = await sql.query(
    `UPDATE environment_excursions SET corrective_action = $2, action_by_id = $3, action_at = $4::timestamptz
      WHERE id = $1 AND corrective_action IS NULL RETURNING id`,
    [id, text, p.userId, at.toISOString()],
  );
  const after = await loadRow(sql, id);
  if (!after) throw new Refusal("not_found", "excursion not found");
  if (updated.length === 0) throw alreadyRecorded(after); // someone else got there first
  await recordAudit([
    {
      actor: p,
      action: "environment.corrective_action",
      detail: { excursionId: id, deviceId: after.device_id, kind: after.kind, startedAt: iso(after.started_at), action: text },
      meta: ctx.meta,
    },
  ]);
  return toView(after, at);
}
