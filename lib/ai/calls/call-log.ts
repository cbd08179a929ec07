// lib/ai/calls owns the AI call log as admins read it: filtered lists, per-version metrics (calls,
// p50/p95 latency, mean tokens, cost, feedback), CSV export, a call's content while retained, and the
// clinician's feedback on their own call. Rows are written by the call pipeline (budgets/reserve, settle).
import "server-only";
import { getDatabase } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import { nanoToUsd } from "@/lib/ai/costs/money";
import { num, numOrNull, toDate } from "@/lib/ai/budgets/rows";
import type { Principal } from "@/lib/auth/principal";
import type {
  CallContent,
  CallFilter,
  CallStatus,
  CallView,
  Feedback,
  ParameterUse,
  RedactionCounts,
  VersionMetrics,
} from "@/lib/ai/service-types";

const DEFAULT_LIMIT = 200;
const MAX_LIMIT = 5000;

type CallRow = Record<string, unknown> & { id: string; user_id: string };

function where(filter: CallFilter, params: unknown[]): string {
  const parts: string[] = [];
  const add = (cond: (n: number) => string, value: unknown) => {
    params.push(value);
    parts.push(cond(params.length));
  };
  if (filter.feature) add((n) => `c.feature = $${n}`, filter.feature);
  if (filter.prompt) add((n) => `c.prompt_name = $${n}`, filter.prompt);
  if (filter.version !== undefined) add((n) => `c.prompt_version = $${n}`, filter.version);
  if (filter.userId) add((n) => `c.user_id = $${n}`, filter.userId);
  if (filter.status) add((n) => `c.status = $${n}`, filter.status);
  if (filter.from) add((n) => `c.at >= $${n}`, filter.from);
  if (filter.to) add((n) => `c.at < $${n}`, filter.to);
  return parts.length ? `WHERE ${parts.join(" AND ")}` : "";
}

function toView(r: CallRow): CallView {
  return {
    id: r.id,
    at: toDate(r.at).toISOString(),
    feature: String(r.feature),
    prompt: (r.prompt_name as string | null) ?? null,
    promptVersion: numOrNull(r.prompt_version),
    model: (r.model as string | null) ?? null,
    userId: r.user_id,
    userName: (r.user_name as string | null) ?? null,
    patientId: (r.patient_id as string | null) ?? null,
    status: r.status as CallStatus | "pending",
    inputTokens: num(r.input_tokens),
    cachedTokens: num(r.cached_tokens),
    outputTokens: num(r.output_tokens),
    costUsd: nanoToUsd(num(r.cost_nusd)),
    latencyMs: numOrNull(r.latency_ms),
    redactions: (r.redactions ?? {}) as RedactionCounts,
    parameters: (r.parameters ?? []) as ParameterUse[],
    error: (r.error as string | null) ?? null,
    feedback: (r.feedback as "useful" | "not_useful" | null) ?? null,
    demo: r.demo === true,
    hasContent: r.has_content === true,
  };
}

export async function queryCalls(filter: CallFilter = {}): Promise<CallView[]> {
  const { sql } = await getDatabase();
  const params: unknown[] = [];
  const w = where(filter, params);
  params.push(Math.min(MAX_LIMIT, Math.max(1, filter.limit ?? DEFAULT_LIMIT)));
  const rows = await sql.query<CallRow>(
    `SELECT c.id, c.at, c.feature, c.prompt_name, c.prompt_version, c.model, c.user_id, u.name AS user_name, c.patient_id, c.status,
            c.input_tokens, c.cached_tokens, c.output_tokens, c.cost_nusd, c.latency_ms, c.redactions, c.parameters, c.error,
            c.feedback, c.demo, (c.content IS NOT NULL) AS has_content
       FROM ai_calls c LEFT JOIN users u ON u.id = c.user_id ${w}
      ORDER BY c.at DESC, c.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toView);
}

export async function queryVersionMetrics(filter: CallFilter = {}): Promise<VersionMetrics[]> {
  const { sql } = await getDatabase();
  const params: unknown[] = [];
  const w = where({ ...filter, version: filter.version }, params);
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT c.prompt_name, c.prompt_version, count(*) AS calls, count(*) FILTER (WHERE c.status = 'ok') AS ok_calls,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY c.latency_ms) FILTER (WHERE c.status = 'ok') AS p50,
            percentile_cont(0.95) WITHIN GROUP (ORDER BY c.latency_ms) FILTER (WHERE c.status = 'ok') AS p95,
            coalesce(avg(c.input_tokens) FILTER (WHERE c.status = 'ok'), 0) AS mean_in,
            coalesce(avg(c.output_tokens) FILTER (WHERE c.status = 'ok'), 0) AS mean_out,
            coalesce(sum(c.cost_nusd), 0) AS cost,
            count(*) FILTER (WHERE c.feedback = 'useful') AS useful, count(*) FILTER (WHERE c.feedback = 'not_useful') AS not_useful
       FROM ai_calls c ${w ? `${w} AND` : "WHERE"} c.prompt_name IS NOT NULL AND c.prompt_version IS NOT NULL
      GROUP BY c.prompt_name, c.prompt_version ORDER BY c.prompt_name, c.prompt_version DESC`,
    params,
  );
  return rows.map((r) => ({
    prompt: String(r.prompt_name),
    version: num(r.prompt_version),
    calls: num(r.calls),
    okCalls: num(r.ok_calls),
    p50LatencyMs: r.p50 === null ? null : Math.round(num(r.p50)),
    p95LatencyMs: r.p95 === null ? null : Math.round(num(r.p95)),
    meanInputTokens: Math.round(num(r.mean_in)),
    meanOutputTokens: Math.round(num(r.mean_out)),
    costUsd: nanoToUsd(num(r.cost)),
    usefulCount: num(r.useful),
    notUsefulCount: num(r.not_useful),
  }));
}

const CSV_COLUMNS = [
  "id",
  "at",
  "feature",
  "prompt",
  "promptVersion",
  "model",
  "userId",
  "patientId",
  "status",
  "inputTokens",
  "cachedTokens",
  "outputTokens",
  "costUsd",
  "latencyMs",
  "parameters",
  "redactions",
  "error",
  "feedback",
] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(calls: readonly CallView[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const c of calls) {
    const row: Record<(typeof CSV_COLUMNS)[number], unknown> = {
      ...c,
      parameters: c.parameters.map((p) => `${p.name}:${p.rows}`).join(" "),
      redactions: Object.entries(c.redactions)
        .map(([k, n]) => `${k}:${n}`)
        .join(" "),
    };
    lines.push(CSV_COLUMNS.map((k) => csvCell(row[k])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

export async function readCallContent(callId: string): Promise<CallContent | null> {
  const { sql } = await getDatabase();
  const [r] = await sql.query<{ content: unknown; content_expires_at: Date | string | null }>(
    `SELECT content, content_expires_at FROM ai_calls WHERE id = $1`,
    [callId],
  );
  if (!r) throw new Refusal("not_found", "no such AI call", { field: "callId" });
  if (!r.content || !r.content_expires_at) return null;
  const c = r.content as { messages?: { role: string; content: string }[]; response?: string | null };
  return { messages: c.messages ?? [], response: c.response ?? null, expiresAt: toDate(r.content_expires_at).toISOString() };
}

/** The clinician who made the call (or an admin) says whether it was useful. */
export async function saveFeedback(p: Principal, callId: string, feedback: Feedback): Promise<void> {
  const { sql } = await getDatabase();
  const [row] = await sql.query<{ user_id: string; status: string }>(`SELECT user_id, status FROM ai_calls WHERE id = $1`, [callId]);
  if (!row || (row.user_id !== p.userId && p.role !== "admin"))
    throw new Refusal("not_found", "no such AI call of yours", { field: "callId" });
  if (row.status !== "ok") throw new Refusal("conflict", "only an answered call takes feedback", { field: "callId" });
  const comment = feedback.comment?.trim().slice(0, 1000) || null;
  await sql.query(`UPDATE ai_calls SET feedback = $2, feedback_comment = $3, feedback_at = now() WHERE id = $1`, [
    callId,
    feedback.useful ? "useful" : "not_useful",
    comment,
  ]);
}
