// Reserve before a call, exactly under concurrency: in ONE transaction with the call's log row, the
// usage rows of every budget that applies (global, the feature, the user; each in its current day or
// month) are upserted and locked in a fixed order (budget id), checked (settled + reserved + this call's
// worst case <= hard limit), and either all charged with the reservation (call row "pending", one
// ai_reservations row per budget) or none (call row "blocked_budget", naming the first budget that does
// not fit and when it resets). Concurrent reservations queue on the row locks, so no burst overshoots.
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { applicableScopes, budgetExhaustedMessage, periodBounds, type BudgetPeriod } from "@/lib/ai/costs/periods";
import { num } from "./rows";

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

type Budget = { id: string; scope: string; period: BudgetPeriod; hard_nusd: unknown };
type Usage = { budget_id: string; spent_nusd: unknown; reserved_nusd: unknown };

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

export async function reserveAndLog(sql: Sql, call: NewCall, amountNusd: number): Promise<ReserveOutcome> {
  return sql.transaction(async (tx) => {
    const budgets = await tx.query<Budget>(
      `SELECT id, scope, period, hard_nusd FROM ai_budgets WHERE scope = ANY($1::text[]) ORDER BY id`,
      [applicableScopes({ feature: call.feature, userId: call.userId })],
    );
    if (budgets.length === 0) {
      await tx.query(INSERT_CALL, callParams(call, 0, "pending", null));
      return { ok: true };
    }
    const starts = budgets.map((b) => periodBounds(b.period, call.at).start);
    // Upsert and lock every usage row in budget-id order; DO UPDATE returns the latest committed values.
    const usage = await tx.query<Usage>(
      `INSERT INTO ai_budget_usage (budget_id, period_start)
       SELECT b, p FROM unnest($1::text[], $2::timestamptz[]) AS t(b, p) ORDER BY b
       ON CONFLICT (budget_id, period_start) DO UPDATE SET budget_id = EXCLUDED.budget_id
       RETURNING budget_id, spent_nusd, reserved_nusd`,
      [budgets.map((b) => b.id), starts],
    );
    const byId = new Map(usage.map((u) => [u.budget_id, u]));
    for (const b of budgets) {
      const u = byId.get(b.id);
      const used = num(u?.spent_nusd) + num(u?.reserved_nusd);
      if (used + amountNusd > num(b.hard_nusd)) {
        const resetAt = periodBounds(b.period, call.at).end;
        const message = budgetExhaustedMessage(b.scope, b.period, resetAt);
        await tx.query(INSERT_CALL, callParams(call, 0, "blocked_budget", message));
        const retryAfterSec = Math.max(1, Math.ceil((resetAt.getTime() - call.at.getTime()) / 1000));
        return { ok: false, scope: b.scope, period: b.period, resetAt, message, retryAfterSec };
      }
    }
    // One statement while the rows are locked: charge every budget, record the reservations and the call row.
    const params = callParams(call, amountNusd, "pending", null);
    await tx.query(
      `WITH charged AS (
         UPDATE ai_budget_usage u SET reserved_nusd = u.reserved_nusd + $14::bigint
           FROM unnest($18::text[], $19::timestamptz[]) AS t(b, p)
          WHERE u.budget_id = t.b AND u.period_start = t.p
          RETURNING u.budget_id),
       held AS (
         INSERT INTO ai_reservations (call_id, budget_id, period_start, amount_nusd)
         SELECT $1::text, b, p, $14::bigint FROM unnest($18::text[], $19::timestamptz[]) AS t(b, p) RETURNING call_id)
       ${INSERT_CALL}`,
      [...params, budgets.map((b) => b.id), starts],
    );
    return { ok: true };
  });
}

/** A call refused before it could reserve (scope, configuration): logged with its status, no budget touched. */
export async function logRefusedCall(sql: Sql, call: NewCall, status: "blocked_scope" | "error", error: string): Promise<void> {
  await sql.query(INSERT_CALL, callParams(call, 0, status, error));
}
