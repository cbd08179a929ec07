"use client";
// Home blood pressure for a phone: averages first (what matters), then the readings of the chosen period with
// crisis readings marked, then the daily averages chart.
import { useState } from "react";
import { HomeBpChart } from "@/components/charts/home-bp-chart";
import { PeriodTabs, type Period } from "@/components/portal/period-tabs";
import { Badge } from "@/components/ui/badge";
import { BP_CRISIS, HOME_BP_TARGET, type BpAverage, type BpView } from "@/lib/portal/bp-view";
import { formatDayKey, formatLocalDateTime } from "@/lib/portal/format-local";

const avgText = (a: BpAverage | null) => (a ? `${Math.round(a.sys)}/${Math.round(a.dia)}` : "—");

export function BpPanel({ bp, tzOffsetMinutes }: { bp: BpView; tzOffsetMinutes: number }) {
  const [period, setPeriod] = useState<Period>("days14");
  const readings = period === "today" ? bp.today : bp.readings;
  return (
    <div className="mt-3 space-y-5">
      <section aria-labelledby="avg-h" data-testid="bp-averages">
        <h2 id="avg-h" className="text-lg font-semibold">
          Your averages
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-3">
          <div className="rounded-lg border border-line bg-panel p-3">
            <dt className="text-sm text-ink-muted">Last 7 days</dt>
            <dd className={`text-2xl font-semibold tabular ${bp.aboveTarget ? "text-alarm-medium" : "text-ok"}`}>
              {avgText(bp.avg7)} <span className="text-sm font-normal text-ink-muted">mmHg</span>
            </dd>
            <dd className="text-xs text-ink-muted">{bp.avg7?.readings ?? 0} readings</dd>
          </div>
          <div className="rounded-lg border border-line bg-panel p-3">
            <dt className="text-sm text-ink-muted">The 7 days before</dt>
            <dd className="text-2xl font-semibold tabular">
              {avgText(bp.avgPrev7)} <span className="text-sm font-normal text-ink-muted">mmHg</span>
            </dd>
            <dd className="text-xs text-ink-muted">{bp.avgPrev7?.readings ?? 0} readings</dd>
          </div>
        </dl>
        <p className="mt-2 text-sm">
          {bp.aboveTarget === null
            ? "No readings in the last 7 days."
            : bp.aboveTarget
              ? `Your 7-day average is at or above the home target of ${HOME_BP_TARGET.sys}/${HOME_BP_TARGET.dia} mmHg. Keep measuring twice a day; your care team will review it.`
              : `Your 7-day average is below the home target of ${HOME_BP_TARGET.sys}/${HOME_BP_TARGET.dia} mmHg.`}
        </p>
      </section>
      <section aria-labelledby="daily-h">
        <h2 id="daily-h" className="text-lg font-semibold">
          Daily averages (14 days)
        </h2>
        <HomeBpChart
          rows={bp.daily.map((d) => ({ label: formatDayKey(d.day).slice(4), sys: d.sys, dia: d.dia }))}
          targets={HOME_BP_TARGET}
        />
      </section>
      <section aria-labelledby="readings-h">
        <h2 id="readings-h" className="text-lg font-semibold">
          Readings
        </h2>
        <PeriodTabs value={period} onChange={setPeriod} label="Period" />
        {readings.length === 0 ? (
          <p className="mt-2 text-sm text-ink-muted">No readings {period === "today" ? "today" : "in the last 14 days"}.</p>
        ) : (
          <ul className="mt-2 divide-y divide-line rounded-lg border border-line bg-panel" data-testid="bp-readings">
            {readings.map((r) => (
              <li key={r.t} className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2">
                <span className="text-sm text-ink-muted">{formatLocalDateTime(r.t, tzOffsetMinutes)}</span>
                <span className="tabular">
                  <strong className={r.crisis ? "text-alarm-high" : r.aboveTarget ? "text-alarm-medium" : ""}>
                    {r.sys}/{r.dia}
                  </strong>{" "}
                  mmHg{r.pulse !== null && <span className="text-ink-muted"> · pulse {r.pulse}</span>}
                  {r.crisis && (
                    <Badge tone="high" className="ml-2" title={`${BP_CRISIS.sys}/${BP_CRISIS.dia} or more`}>
                      Very high
                    </Badge>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-xs text-ink-muted">
          A reading of {BP_CRISIS.sys}/{BP_CRISIS.dia} or more is very high: rest 5 minutes and measure again; if it stays that high, or you
          have chest pain, shortness of breath, weakness or trouble speaking, call emergency services.
        </p>
      </section>
    </div>
  );
}
