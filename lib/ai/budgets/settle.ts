// Settle after a call: ONE statement, ai_settle_call (migration 20261203170000), records the call's
// outcome, takes its reservations back from each budget's usage and adds its real cost (rows locked in
// budget-id order, like the reservation, and only while the function runs). Budgets whose soft threshold
// this reached, and that were not yet marked for the period, are marked and returned, so admins are told
// exactly once per period.
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

type Crossed = {
  budget_id: string;
  period_start: Date | string;
  spent_nusd: unknown;
  soft_nusd: unknown;
  hard_nusd: unknown;
  scope: string;
  period: BudgetPeriod;
};

type Settlement = {
  status: "ok" | "error";
  model: string | null;
  inputTokens: number | null;
  cachedTokens: number | null;
  outputTokens: number | null;
  costNusd: number;
  latencyMs: number | null;
  error: string | null;
  content: unknown;
  contentExpiresAt: Date | null;
};

async function settle(sql: Pick<Sql, "query">, callId: string, s: Settlement, now: Date): Promise<SoftCrossing[]> {
  const crossed = await sql.query<Crossed>(
    `SELECT budget_id, period_start, spent_nusd, soft_nusd, hard_nusd, scope, period
       FROM ai_settle_call($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)`,
    [
      callId,
      s.status,
      s.model,
      s.inputTokens,
      s.cachedTokens,
      s.outputTokens,
      s.costNusd,
      s.latencyMs,
      s.error,
      s.content === null || s.content === undefined ? null : JSON.stringify(s.content),
      s.contentExpiresAt,
      now,
    ],
    { prepared: "ai_settle_call" },
  );
  return crossed.map((u) => ({
    budgetId: u.budget_id,
    name: budgetName(u.scope, u.period),
    spentNusd: num(u.spent_nusd),
    softNusd: num(u.soft_nusd),
    hardNusd: num(u.hard_nusd),
    periodStart: toDate(u.period_start),
  }));
}

export async function settleCall(sql: Pick<Sql, "query">, callId: string, outcome: CallOutcome, now = new Date()): Promise<SoftCrossing[]> {
  return settle(sql, callId, outcome, now);
}

export const INTERRUPTED = "interrupted: the app stopped before the call finished; its budget reservation was released";

/** Releases the reservations of calls still pending that started before `startedBefore` (a crash left them). */
export async function releaseStaleReservations(sql: Sql, startedBefore: Date, now = new Date()): Promise<number> {
  const stale = await sql.query<{ id: string }>(`SELECT id FROM ai_calls WHERE status = 'pending' AND at < $1 ORDER BY at`, [
    startedBefore,
  ]);
  for (const { id } of stale) {
    const interrupted: Settlement = {
      status: "error",
      model: null,
      inputTokens: null,
      cachedTokens: null,
      outputTokens: null,
      costNusd: 0,
      latencyMs: null,
      error: INTERRUPTED,
      content: null,
      contentExpiresAt: null,
    };
    await settle(sql, id, interrupted, now);
  }
  return stale.length;
}
