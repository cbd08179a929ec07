// Reserve before a call, exactly under concurrency: ONE statement, ai_reserve_call (migrations
// 20261203170000, 20261204150000), that charges the usage row of every budget that applies (global, the
// feature, the user; each in its current UTC day or month) in budget-id order, each with one UPDATE that
// locks the row and checks settled + reserved + this call's worst case <= hard limit, and either charges
// them all and logs the call "pending" with one ai_reservations row per budget, or takes back what it
// charged and logs the call "blocked_budget" naming the first budget that does not fit and when it resets. Concurrent reservations queue on the row locks, so no burst overshoots; the locks are
// held only while the function runs, never across a round trip.
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { applicableScopes, periodBounds, type BudgetPeriod } from "@/lib/ai/costs/periods";

export type NewCall = {
  id: string;
  at: Date;
  feature: string;
  promptName: string | null;
  promptVersion: number | null;
  model: string | null;
  demo: boolean;
  userId: string;
  patientId: string | null;
  subject: string | null;
  parameters: { name: string; rows: number }[];
  redactions: Record<string, number>;
  inputTokens: number;
};

export type ReserveOutcome =
  { ok: true } | { ok: false; scope: string; period: BudgetPeriod; resetAt: Date; message: string; retryAfterSec: number };

const INSERT_CALL = `INSERT INTO ai_calls (id, at, feature, prompt_name, prompt_version, model, demo, user_id, patient_id, subject,
                       parameters, redactions, input_tokens, reserved_nusd, status, error, settled_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14, $15, $16, $17)`;

function callParams(c: NewCall, reserved: number, status: string, error: string | null): unknown[] {
  return [
    c.id,
    c.at,
    c.feature,
    c.promptName,
    c.promptVersion,
    c.model,
    c.demo,
    c.userId,
    c.patientId,
    c.subject,
    JSON.stringify(c.parameters),
    JSON.stringify(c.redactions),
    c.inputTokens,
    reserved,
    status,
    error,
    status === "pending" ? null : c.at,
  ];
}

type Blocked = { blocked_scope: string; blocked_period: BudgetPeriod; message: string };

export async function reserveAndLog(sql: Pick<Sql, "query">, call: NewCall, amountNusd: number): Promise<ReserveOutcome> {
  const day = periodBounds("day", call.at);
  const month = periodBounds("month", call.at);
  const [blocked] = await sql.query<Blocked>(
    `SELECT blocked_scope, blocked_period, message
       FROM ai_reserve_call($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14, $15::text[], $16, $17, $18, $19)`,
    [
      ...callParams(call, amountNusd, "pending", null).slice(0, 13),
      amountNusd,
      applicableScopes({ feature: call.feature, userId: call.userId }),
      day.start,
      day.end.toISOString(),
      month.start,
      month.end.toISOString(),
    ],
    { prepared: "ai_reserve_call" },
  );
  if (!blocked) return { ok: true };
  const resetAt = periodBounds(blocked.blocked_period, call.at).end;
  const retryAfterSec = Math.max(1, Math.ceil((resetAt.getTime() - call.at.getTime()) / 1000));
  return { ok: false, scope: blocked.blocked_scope, period: blocked.blocked_period, resetAt, message: blocked.message, retryAfterSec };
}

/** A call refused before it could reserve (scope, configuration): logged with its status, no budget touched. */
export async function logRefusedCall(sql: Sql, call: NewCall, status: "blocked_scope" | "error", error: string): Promise<void> {
  await sql.query(INSERT_CALL, callParams(call, 0, status, error));
}
