"use client";
// Budgets (admins): each with its soft threshold (admins notified once per period), hard limit (calls
// refused beyond it), what its current period used and when it resets; and the form that sets one
// (a row's Edit fills it in).
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { queryKeys } from "@/components/data/query-keys";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, FormMessage } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { UtcTime } from "@/components/ui/time";
import type { BudgetView } from "@/lib/ai/service-types";
import { setBudgetAction } from "./actions";
import { budgetFormOf, budgetInputOf, type BudgetForm } from "./budget-form";

const COLUMNS = ["Budget", "Soft", "Hard", "Spent", "Reserved", "Resets", { label: "", srLabel: "Actions" }];
const money = (n: number | null) => (n === null ? "—" : `$${n.toFixed(2)}`);

export function BudgetSection({ budgets, features }: { budgets: BudgetView[]; features: string[] }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<BudgetForm>(budgetFormOf(null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const patch = (p: Partial<BudgetForm>) => setForm((f) => ({ ...f, ...p }));

  const save = () => {
    const parsed = budgetInputOf(form);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return setMessage({ ok: false, text: "Not saved: correct the fields marked." });
    }
    startTransition(async () => {
      const res = await setBudgetAction(parsed.input);
      if (!res.ok) {
        setErrors(res.fieldErrors ?? {});
        return setMessage({ ok: false, text: res.error });
      }
      setErrors({});
      setMessage({
        ok: true,
        text: `Budget ${res.data.name} set: hard $${res.data.hardUsd}${res.data.softUsd !== null ? `, soft $${res.data.softUsd}` : ""}.`,
      });
      void queryClient.invalidateQueries({ queryKey: queryKeys.aiSpend });
      router.refresh();
    });
  };

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
      <form
        className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-line bg-panel p-4"
        aria-label="Set a budget"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Field id="budget-kind" label="Applies to">
          <Select
            id="budget-kind"
            value={form.kind}
            options={[
              { value: "global", label: "every call (global)" },
              { value: "feature", label: "one feature" },
              { value: "user", label: "one user" },
            ]}
            onChange={(e) => patch({ kind: e.target.value as BudgetForm["kind"] })}
            look="filter"
            className="mt-1"
          />
        </Field>
        {form.kind === "feature" && (
          <Field id="budget-feature" label="Feature" error={errors.scope}>
            <Select
              id="budget-feature"
              value={form.target}
              placeholder="Choose…"
              options={features.map((f) => ({ value: f, label: f }))}
              onChange={(e) => patch({ target: e.target.value })}
              look="filter"
              className="mt-1"
            />
          </Field>
        )}
        {form.kind === "user" && (
          <Field id="budget-user" label="User id" error={errors.scope}>
            <Input
              id="budget-user"
              value={form.target}
              onChange={(e) => patch({ target: e.target.value })}
              look="filter"
              width="w-56"
              className="mt-1"
            />
          </Field>
        )}
        <Field id="budget-period" label="Period (UTC)">
          <Select
            id="budget-period"
            value={form.period}
            options={[
              { value: "day", label: "per day" },
              { value: "month", label: "per month" },
            ]}
            onChange={(e) => patch({ period: e.target.value as BudgetForm["period"] })}
            look="filter"
            className="mt-1"
          />
        </Field>
        <Field id="budget-soft" label="Soft threshold, USD (optional)" error={errors.softUsd}>
          <Input
            id="budget-soft"
            inputMode="decimal"
            value={form.soft}
            onChange={(e) => patch({ soft: e.target.value })}
            look="filter"
            width="w-36"
            className="mt-1"
          />
        </Field>
        <Field id="budget-hard" label="Hard limit, USD" error={errors.hardUsd}>
          <Input
            id="budget-hard"
            inputMode="decimal"
            value={form.hard}
            onChange={(e) => patch({ hard: e.target.value })}
            look="filter"
            width="w-36"
            className="mt-1"
          />
        </Field>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : "Set budget"}
        </Button>
        {message && (
          <FormMessage ok={message.ok} className="basis-full">
            {message.text}
          </FormMessage>
        )}
      </form>
    </section>
  );
}
