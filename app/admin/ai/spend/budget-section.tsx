"use client";
// Budgets (admins): each with its soft threshold (admins notified once per period), hard limit (calls
// refused beyond it), what its current period used and when it resets; and the form that sets one
// (a row's Edit fills it in).
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { bindFields } from "@/components/ui/field-binding";
import { SelectField, TextField } from "@/components/ui/text-field";
import { UtcTime } from "@/components/ui/time";
import type { BudgetView } from "@/lib/ai/service-types";
import { setBudgetAction } from "./actions";
import { budgetFormOf, budgetInputOf, type BudgetForm } from "./budget-form";
import { AmountFields, SpendForm, useSpendForm } from "./spend-form";

const COLUMNS = ["Budget", "Soft", "Hard", "Spent", "Reserved", "Resets", { label: "", srLabel: "Actions" }];
const money = (n: number | null) => (n === null ? "—" : `$${n.toFixed(2)}`);
const KIND_OPTIONS = [
  { value: "global", label: "every call (global)" },
  { value: "feature", label: "one feature" },
  { value: "user", label: "one user" },
];
const PERIOD_OPTIONS = [
  { value: "day", label: "per day" },
  { value: "month", label: "per month" },
];
/** The two amounts: field id, label, form key and the key of its error. */
const AMOUNTS = [
  { id: "budget-soft", label: "Soft threshold, USD (optional)", key: "soft", error: "softUsd" },
  { id: "budget-hard", label: "Hard limit, USD", key: "hard", error: "hardUsd" },
] as const;

export function BudgetSection({ budgets, features }: { budgets: BudgetView[]; features: string[] }) {
  const { form, setForm, patch, errors, message, pending, save } = useSpendForm({
    initial: budgetFormOf(null),
    parse: budgetInputOf,
    send: setBudgetAction,
    saved: (b) => `Budget ${b.name} set: hard $${b.hardUsd}${b.softUsd !== null ? `, soft $${b.softUsd}` : ""}.`,
  });
  const field = bindFields(form, patch, errors);

  return (
    <section aria-labelledby="budgets-heading" className="mt-8">
      <h2 id="budgets-heading" className="text-lg font-semibold">
        Budgets
      </h2>
      <DataTable<BudgetView>
        columns={COLUMNS}
        rows={budgets}
        caption="Budgets"
        empty={<EmptyState className="mt-2">No budgets: AI calls are not limited.</EmptyState>}
        row={(b) => (
          <tr key={b.id} className="border-t border-line tabular" data-testid="budget-row" data-budget={b.name}>
            <td className="px-3 py-1.5 font-mono">{b.name}</td>
            <td className="px-3 py-1.5">
              {money(b.softUsd)} {b.softReached && <Badge tone="outline-medium">reached</Badge>}
            </td>
            <td className="px-3 py-1.5">{money(b.hardUsd)}</td>
            <td className="px-3 py-1.5">${b.spentUsd.toFixed(6)}</td>
            <td className="px-3 py-1.5">${b.reservedUsd.toFixed(6)}</td>
            <td className="px-3 py-1.5 text-ink-muted">
              <UtcTime iso={b.resetsAt} zone />
            </td>
            <td className="px-3 py-1.5 text-right">
              <Button variant="small" onClick={() => setForm(budgetFormOf(b))}>
                Edit
              </Button>
            </td>
          </tr>
        )}
      />
      <SpendForm label="Set a budget" onSave={save} message={message}>
        <SelectField
          id="budget-kind"
          label="Applies to"
          value={form.kind}
          options={KIND_OPTIONS}
          onValueChange={(kind) => patch({ kind: kind as BudgetForm["kind"] })}
          look="filter"
          className="mt-1"
        />
        {form.kind === "feature" && (
          <SelectField
            id="budget-feature"
            label="Feature"
            {...field("target", "scope")}
            placeholder="Choose…"
            options={features.map((f) => ({ value: f, label: f }))}
            look="filter"
            className="mt-1"
          />
        )}
        {form.kind === "user" && (
          <TextField id="budget-user" label="User id" {...field("target", "scope")} look="filter" width="w-56" className="mt-1" />
        )}
        <SelectField
          id="budget-period"
          label="Period (UTC)"
          value={form.period}
          options={PERIOD_OPTIONS}
          onValueChange={(period) => patch({ period: period as BudgetForm["period"] })}
          look="filter"
          className="mt-1"
        />
        <AmountFields fields={AMOUNTS} width="w-36" field={field} />
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : "Set budget"}
        </Button>
      </SpendForm>
    </section>
  );
}
