"use client";
// The price table (admins): every row with its model (name or glob pattern), effective date and USD per
// 1M input, cached input and output tokens, which row is in force, and history (a new row supersedes,
// never overwrites). The form adds a row; a row's "New price" fills it in for that model.
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Hint } from "@/components/ui/field";
import { bindFields } from "@/components/ui/field-binding";
import { TextField } from "@/components/ui/text-field";
import { UtcTime } from "@/components/ui/time";
import type { PriceView } from "@/lib/ai/service-types";
import { setPriceAction } from "./actions";
import { orderPrices, priceInputOf, type PriceForm } from "./price-form";
import { AmountFields, SpendForm, useSpendForm } from "./spend-form";

const COLUMNS = [
  "Model",
  "Effective from",
  "Input / 1M",
  "Cached input / 1M",
  "Output / 1M",
  "State",
  "Set by",
  { label: "", srLabel: "Actions" },
];
/** The three rates: field id, label, form key and the key of its error. */
const RATES = [
  { id: "price-input", label: "Input / 1M", key: "input", error: "inputPerM" },
  { id: "price-cached", label: "Cached input / 1M", key: "cached", error: "cachedInputPerM" },
  { id: "price-output", label: "Output / 1M", key: "output", error: "outputPerM" },
] as const;
const EMPTY: PriceForm = { model: "", input: "", cached: "", output: "", effectiveFrom: "" };

/** `now`: the server's time of the page load (a row effective later is scheduled). */
export function PriceSection({ prices, now }: { prices: PriceView[]; now: string }) {
  const { form, setForm, patch, errors, message, pending, save } = useSpendForm({
    initial: EMPTY,
    parse: priceInputOf,
    send: setPriceAction,
    saved: (p) => `Price for ${p.model} from ${p.effectiveFrom.slice(0, 10)} saved.`,
    resetOnSave: true,
  });
  const field = bindFields(form, patch, errors);
  const rows = orderPrices(prices);

  return (
    <section aria-labelledby="prices-heading" className="mt-8">
      <h2 id="prices-heading" className="text-lg font-semibold">
        Prices (USD per 1M tokens)
      </h2>
      <DataTable<PriceView>
        columns={COLUMNS}
        rows={rows}
        caption="Model prices"
        empty={<EmptyState className="mt-2">No prices: calls to unpriced models are refused.</EmptyState>}
        row={(p) => (
          <tr
            key={p.id}
            className={`border-t border-line tabular ${p.inForce ? "" : "text-ink-muted"}`}
            data-testid="price-row"
            data-model={p.model}
            data-in-force={p.inForce || undefined}
          >
            <td className="px-3 py-1.5 font-mono">{p.model}</td>
            <td className="px-3 py-1.5">
              <UtcTime iso={p.effectiveFrom} />
            </td>
            <td className="px-3 py-1.5">${p.inputPerM}</td>
            <td className="px-3 py-1.5">${p.cachedInputPerM}</td>
            <td className="px-3 py-1.5">${p.outputPerM}</td>
            <td className="px-3 py-1.5">
              {p.inForce ? (
                <Badge tone="outline-accent">in force</Badge>
              ) : Date.parse(p.effectiveFrom) > Date.parse(now) ? (
                "scheduled"
              ) : (
                "superseded"
              )}
            </td>
            <td className="px-3 py-1.5">{p.createdBy ?? "seed"}</td>
            <td className="px-3 py-1.5 text-right">
              <Button
                variant="small"
                onClick={() =>
                  setForm({
                    model: p.model,
                    input: String(p.inputPerM),
                    cached: String(p.cachedInputPerM),
                    output: String(p.outputPerM),
                    effectiveFrom: "",
                  })
                }
              >
                New price
              </Button>
            </td>
          </tr>
        )}
      />
      <SpendForm label="Add a price" onSave={save} message={message}>
        <TextField
          id="price-model"
          label="Model or pattern"
          {...field("model")}
          placeholder="gpt-4o-mini or gpt-4o-mini-20*"
          look="filter"
          width="w-64"
          className="mt-1 font-mono"
        />
        <AmountFields fields={RATES} width="w-28" field={field} />
        <TextField
          id="price-from"
          label="Effective from (UTC day)"
          {...field("effectiveFrom")}
          type="date"
          look="filter"
          className="mt-1"
        />
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : "Add price"}
        </Button>
        <Hint className="basis-full">Blank date: in force from now. Calls already made keep the price they ran at.</Hint>
      </SpendForm>
    </section>
  );
}
