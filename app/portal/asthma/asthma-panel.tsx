"use client";
// Asthma for a phone: controller adherence (today, 7 and 14 days), rescue use this week vs last, and rescue
// use per day against pollen and air quality, with the comparison worded plainly.
import { useState } from "react";
import { RescueTriggersChart } from "@/components/charts/rescue-triggers-chart";
import { PeriodTabs, type Period } from "@/components/portal/period-tabs";
import { Badge } from "@/components/ui/badge";
import {
  ADHERENCE_TARGET_PERCENT,
  CONTROLLER_DOSES_PER_DAY,
  RESCUE_DAYS_PER_WEEK_LIMIT,
  type Adherence,
  type AsthmaView,
} from "@/lib/portal/asthma-view";
import { formatDayKey } from "@/lib/portal/format-local";
import { HIGH_POLLEN_INDEX } from "@/lib/portal/trigger-correlation";

const pct = (a: Adherence | null) => (a ? `${Math.round(a.percent)} %` : "—");
const low = (a: Adherence | null) => a !== null && a.percent < ADHERENCE_TARGET_PERCENT;

export function AsthmaPanel({ asthma }: { asthma: AsthmaView }) {
  const [period, setPeriod] = useState<Period>("days14");
  const adherence = period === "today" ? null : asthma.adherence14;
  const days = period === "today" ? asthma.days.slice(-1) : [...asthma.days].reverse();
  return (
    <div className="mt-3 space-y-5">
      <section aria-labelledby="controller-h" data-testid="controller-adherence">
        <h2 id="controller-h" className="text-lg font-semibold">
          Controller inhaler
        </h2>
        <PeriodTabs value={period} onChange={setPeriod} label="Period" />
        <dl className="mt-2 grid grid-cols-2 gap-3">
          {period === "today" ? (
            <Figure label="Doses today" value={`${asthma.controllerToday} of ${CONTROLLER_DOSES_PER_DAY}`} />
          ) : (
            <>
              <Figure label="Last 7 days" value={pct(asthma.adherence7)} warn={low(asthma.adherence7)} />
              <Figure label="Last 14 days" value={pct(adherence)} warn={low(adherence)} />
            </>
          )}
        </dl>
        <p className="mt-2 text-sm">
          {low(asthma.adherence7)
            ? `You took fewer than ${ADHERENCE_TARGET_PERCENT} % of your controller doses this week. Taking it every morning and evening keeps your airways calm, even on good days.`
            : `Goal: ${ADHERENCE_TARGET_PERCENT} % or more of your ${CONTROLLER_DOSES_PER_DAY} daily doses.`}
        </p>
      </section>
      <section aria-labelledby="rescue-h" data-testid="rescue-use">
        <h2 id="rescue-h" className="text-lg font-semibold">
          Rescue inhaler
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-3">
          <Figure
            label="This week"
            value={`${asthma.rescueThisWeek.puffs} puffs`}
            detail={`on ${asthma.rescueThisWeek.days} day(s)`}
            warn={asthma.rescueAboveLimit}
          />
          <Figure
            label="The week before"
            value={`${asthma.rescueLastWeek.puffs} puffs`}
            detail={`on ${asthma.rescueLastWeek.days} day(s)`}
          />
        </dl>
        {asthma.rescueAboveLimit && (
          <p className="mt-2 text-sm text-alarm-medium">
            You needed your rescue inhaler on more than {RESCUE_DAYS_PER_WEEK_LIMIT} days this week: your asthma is not well controlled.
            Follow your action plan and tell your care team.
          </p>
        )}
      </section>
      <section aria-labelledby="triggers-h" data-testid="triggers">
        <h2 id="triggers-h" className="text-lg font-semibold">
          What seems to trigger bad days
        </h2>
        <p className="mt-1 text-sm" data-testid="trigger-finding">
          {asthma.correlation.message}
        </p>
        <RescueTriggersChart
          rows={asthma.days.map((d) => ({
            label: formatDayKey(d.day).slice(4),
            rescuePuffs: d.rescuePuffs,
            pollen: d.maxPollen,
            trigger: d.triggers.length > 0,
          }))}
          highPollen={HIGH_POLLEN_INDEX}
        />
        <p className="text-xs text-ink-muted">
          Bars: rescue puffs (yellow on high-pollen or poor-air days). Line: highest pollen index of the day (0–12).
        </p>
        <ul className="mt-3 divide-y divide-line rounded-lg border border-line bg-panel text-sm" data-testid="asthma-days">
          {days.map((d) => (
            <li key={d.day} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span>{formatDayKey(d.day)}</span>
              <span className="flex flex-wrap items-center gap-2">
                <span className="tabular">
                  controller {d.controllerDoses}/{CONTROLLER_DOSES_PER_DAY}
                </span>
                <span className="tabular">rescue {d.rescuePuffs}</span>
                {d.triggers.includes("pollen") && <Badge tone="outline-medium">High pollen</Badge>}
                {d.triggers.includes("air") && <Badge tone="outline-medium">Poor air</Badge>}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function Figure({ label, value, detail, warn }: { label: string; value: string; detail?: string; warn?: boolean }) {
  return (
    <div className="rounded-lg border border-line bg-panel p-3">
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className={`text-2xl font-semibold tabular ${warn ? "text-alarm-medium" : ""}`}>{value}</dd>
      {detail && <dd className="text-xs text-ink-muted">{detail}</dd>}
    </div>
  );
}
