// Month-to-date (and today's) spend against each budget: one bar per budget, filled to its share of the
// hard limit, a tick at the soft threshold, the state in words (prepared by spend-chart-data's
// prepareBudgetBars). Presentational only.
import { Badge } from "@/components/ui/badge";
import { formatUsdAxis, type BudgetBar } from "./spend-chart-data";

const FILL: Record<BudgetBar["state"], string> = {
  ok: "bg-accent",
  soft: "bg-alarm-medium",
  exhausted: "bg-alarm-high",
};

export function BudgetBars({ bars }: { bars: readonly BudgetBar[] }) {
  if (bars.length === 0) return <p className="mt-2 text-sm text-ink-muted">No budgets are set: AI calls are not limited.</p>;
  return (
    <ul className="mt-2 space-y-2" data-testid="budget-bars">
      {bars.map((b) => (
        <li key={b.name} data-budget={b.name} data-state={b.state} className="grid grid-cols-[16rem_1fr_14rem] items-center gap-3 text-sm">
          <span className="truncate font-mono" title={b.name}>
            {b.name}
          </span>
          <span
            className="relative h-3 rounded bg-panel-raised"
            role="meter"
            aria-label={`${b.name} used`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={b.percent}
          >
            <span className={`absolute inset-y-0 left-0 rounded ${FILL[b.state]}`} style={{ width: `${b.percent}%` }} />
            {b.softPercent !== null && (
              <span
                className="absolute -inset-y-0.5 w-0.5 bg-alarm-medium"
                style={{ left: `${b.softPercent}%` }}
                title={`soft threshold ${formatUsdAxis(b.softUsd ?? 0)}`}
              />
            )}
          </span>
          <span className="flex items-center justify-end gap-2 tabular">
            {formatUsdAxis(b.usedUsd)} of {formatUsdAxis(b.hardUsd)}
            {b.state === "exhausted" && <Badge tone="high">exhausted</Badge>}
            {b.state === "soft" && <Badge tone="outline-medium">over soft</Badge>}
          </span>
        </li>
      ))}
    </ul>
  );
}
