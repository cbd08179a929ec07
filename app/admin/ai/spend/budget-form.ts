// The budget form's pure side (tested): a form from a budget (or empty), and the form as the service's
// input, naming each field that is not right.
import type { BudgetView, SetBudgetInput } from "@/lib/ai/service-types";

export type BudgetForm = { kind: "global" | "feature" | "user"; target: string; period: "day" | "month"; soft: string; hard: string };

export function budgetFormOf(b: Pick<BudgetView, "scope" | "period" | "softUsd" | "hardUsd"> | null): BudgetForm {
  if (!b) return { kind: "global", target: "", period: "day", soft: "", hard: "" };
  const [kind, ...rest] = b.scope.split(":");
  return {
    kind: kind === "feature" || kind === "user" ? kind : "global",
    target: rest.join(":"),
    period: b.period,
    soft: b.softUsd === null ? "" : String(b.softUsd),
    hard: String(b.hardUsd),
  };
}

const AMOUNT = /^\d+(\.\d{1,9})?$/;

export function budgetInputOf(
  f: BudgetForm,
): { ok: true; input: SetBudgetInput & { softUsd: number | null } } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const target = f.target.trim();
  if (f.kind !== "global" && !target) errors.scope = f.kind === "feature" ? "choose a feature" : "enter the user's id";
  const hard = f.hard.trim();
  if (!AMOUNT.test(hard)) errors.hardUsd = "must be an amount in USD, e.g. 25 or 2.50";
  const soft = f.soft.trim();
  if (soft && !AMOUNT.test(soft)) errors.softUsd = "must be an amount in USD, or blank";
  else if (soft && AMOUNT.test(hard) && Number(soft) > Number(hard)) errors.softUsd = "must not be above the hard limit";
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      scope: f.kind === "global" ? "global" : `${f.kind}:${target}`,
      period: f.period,
      softUsd: soft ? Number(soft) : null,
      hardUsd: Number(hard),
    },
  };
}
