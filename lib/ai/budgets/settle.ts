// Settle after a call: in one transaction, the call's reservations are taken back from each budget's
// usage and its real cost added (locks in budget-id order, like the reservation), and the call's log row
// gets its outcome. Budgets whose soft threshold this crossed, and that were not yet marked for the
// period, are marked and returned, so admins are told exactly once per period.
// Also: releasing what calls left reserved when the app stopped mid-call (at the next start).
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { budgetName, type BudgetPeriod } from "@/lib/ai/costs/periods";
import { num, toDate } from "./rows";

export type CallOutcome = {
  status: "ok" | "error";
  model: string;
  inputTokens: number;
  cachedTokens: number;
  outputTokens: number;
  costNusd: number;
  latencyMs: number | null;
  error: string | null;
  /** Messages sent and the answer, only when content logging is on. */
  content: unknown;
  contentExpiresAt: Date | null;
};

export type SoftCrossing = { budgetId: string; name: string; spentNusd: number; softNusd: number; hardNusd: number; periodStart: Date };

type Reservation = { budget_id: string; period_start: Date | string; amount_nusd: unknown };
type UsageAfter = {
  budget_id: string;
  period_start: Date | string;
  spent_nusd: unknown;
  soft_nusd: unknown;
  hard_nusd: unknown;
  scope: string;
  period: BudgetPeriod;
};

async function unreserve(tx: Pick<Sql, "query">, callId: string, costNusd: number, now: Date): Promise<SoftCrossing[]> {
  const held = await tx.query<Reservation>(
    `DELETE FROM ai_reservations WHERE call_id = $1 RETURNING budget_id, period_start, amount_nusd`,
    [callId],
  );
  if (held.length === 0) return [];
  held.sort((a, b) => (a.budget_id < b.budget_id ? -1 : a.budget_id > b.budget_id ? 1 : 0));
  // The usage rows are locked in budget-id order (as the reservation locks them), then updated, in one statement.
  const after = await tx.query<UsageAfter>(
    `UPDATE ai_budget_usage u
        SET reserved_nusd = GREATEST(0, u.reserved_nusd - t.amount), spent_nusd = u.spent_nusd + $4
       FROM unnest($1::text[], $2::timestamptz[], $3::bigint[]) AS t(b, p, amount),
            (SELECT l.budget_id, l.period_start FROM ai_budget_usage l
               JOIN unnest($1::text[], $2::timestamptz[]) AS k(b, p) ON l.budget_id = k.b AND l.period_start = k.p
              ORDER BY l.budget_id FOR UPDATE OF l) AS locked,
            ai_budgets bg
      WHERE u.budget_id = t.b AND u.period_start = t.p AND locked.budget_id = u.budget_id AND locked.period_start = u.period_start
        AND bg.id = u.budget_id
      RETURNING u.budget_id, u.period_start, u.spent_nusd, bg.soft_nusd, bg.hard_nusd, bg.scope, bg.period`,
    [held.map((r) => r.budget_id), held.map((r) => toDate(r.period_start)), held.map((r) => String(num(r.amount_nusd))), costNusd],
  );
  const crossed = after.filter((u) => u.soft_nusd !== null && num(u.spent_nusd) >= num(u.soft_nusd));
  if (crossed.length === 0) return [];
  const marked = await tx.query<{ budget_id: string }>(
    `UPDATE ai_budget_usage SET soft_notified_at = $3
      WHERE soft_notified_at IS NULL AND (budget_id, period_start) IN (SELECT * FROM unnest($1::text[], $2::timestamptz[]))
      RETURNING budget_id`,
    [crossed.map((u) => u.budget_id), crossed.map((u) => toDate(u.period_start)), now],
  );
  const newly = new Set(marked.map((m) => m.budget_id));
  return crossed
    .filter((u) => newly.has(u.budget_id))
    .map((u) => ({
      budgetId: u.budget_id,
      name: budgetName(u.scope, u.period),
      spentNusd: num(u.spent_nusd),
      softNusd: num(u.soft_nusd),
      hardNusd: num(u.hard_nusd),
      periodStart: toDate(u.period_start),
    }));
}

export async function settleCall(sql: Sql, callId: string, outcome: CallOutcome, now = new Date()): Promise<SoftCrossing[]> {
  return sql.transaction(async (tx) => {
    await tx.query(
      `UPDATE ai_calls SET status = $2, model = $3, input_tokens = $4, cached_tokens = $5, output_tokens = $6, cost_nusd = $7,
              latency_ms = $8, error = $9, content = $10::jsonb, content_expires_at = $11, settled_at = $12
        WHERE id = $1 AND status = 'pending'`,
      [
        callId,
        outcome.status,
        outcome.model,
        outcome.inputTokens,
        outcome.cachedTokens,
        outcome.outputTokens,
        outcome.costNusd,
        outcome.latencyMs,
        outcome.error,
        outcome.content === null || outcome.content === undefined ? null : JSON.stringify(outcome.content),
        outcome.contentExpiresAt,
        now,
      ],
    );
    // Budget rows are locked last, so they are held only for the usage update and the commit.
    return unreserve(tx, callId, outcome.costNusd, now);
  });
}

export const INTERRUPTED = "interrupted: the app stopped before the call finished; its budget reservation was released";

/** Releases the reservations of calls still pending that started before `startedBefore` (a crash left them). */
export async function releaseStaleReservations(sql: Sql, startedBefore: Date, now = new Date()): Promise<number> {
  const stale = await sql.query<{ id: string }>(`SELECT id FROM ai_calls WHERE status = 'pending' AND at < $1 ORDER BY at`, [
    startedBefore,
  ]);
  for (const { id } of stale) {
    await sql.transaction(async (tx) => {
      await unreserve(tx, id, 0, now);
      await tx.query(`UPDATE ai_calls SET status = 'error', error = $2, settled_at = $3 WHERE id = $1 AND status = 'pending'`, [
        id,
        INTERRUPTED,
        now,
      ]);
    });
  }
  return stale.length;
}
