"use client";
// The overview's live part: the patient's alerts (joined to their own patient room, so a new one appears at
// once) and the program cards. Presentational apart from the live alert list and the acknowledge action.
import Link from "next/link";
import { PushSwitch } from "@/components/notify/push-switch";
import { GLUCOSE_RANGES } from "@/lib/charts/prepare-cgm";
import { formatLocalDateTime } from "@/lib/portal/format-local";
import { ADHERENCE_TARGET_PERCENT, RESCUE_DAYS_PER_WEEK_LIMIT } from "@/lib/portal/asthma-view";
import { HOME_BP_TARGET } from "@/lib/portal/bp-view";
import type { PortalView } from "@/lib/portal/portal-view";
import { OwnAlerts } from "./own-alerts";

export function PortalOverview({ view }: { view: PortalView }) {
  return (
    <div className="mt-4 space-y-4">
      <OwnAlerts patientId={view.patient.id} snapshot={view.alerts} generatedAt={view.generatedAt} tzOffsetMinutes={view.tzOffsetMinutes} />
      <section aria-labelledby="push-h" className="rounded-lg border border-line bg-panel p-4">
        <h2 id="push-h" className="text-lg font-semibold">
          Alerts on this phone
        </h2>
        <p className="mt-1 text-sm text-ink-muted">Get a notification here when an urgent alert is raised, even with the portal closed.</p>
        <div className="mt-2">
          <PushSwitch />
        </div>
      </section>
      {view.programs.length === 0 && (
        <p className="rounded-lg border border-line bg-panel p-4 text-sm text-ink-muted">
          You are not in a home monitoring program yet, or none of your devices has sent readings.
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {view.glucose && (
          <Card href="/portal/glucose" title="Glucose" testId="card-glucose">
            {view.glucose.current ? (
              <p>
                <span className="text-3xl font-semibold tabular" style={{ color: GLUCOSE_RANGES[view.glucose.current.range].color }}>
                  {Math.round(view.glucose.current.value)}
                </span>{" "}
                mg/dL <span className="text-ink-muted">· {GLUCOSE_RANGES[view.glucose.current.range].label.toLowerCase()}</span>
                <span className="block text-xs text-ink-muted">
                  at {formatLocalDateTime(view.glucose.current.at, view.tzOffsetMinutes)}
                </span>
              </p>
            ) : (
              <p className="text-ink-muted">No current reading</p>
            )}
            <p className="mt-1 text-sm">
              Time in range (14 days):{" "}
              <strong className="tabular">{Math.round(view.glucose.days14.buckets.find((b) => b.key === "in_range")!.percent)} %</strong>{" "}
              <span className="text-ink-muted">(goal over 70 %)</span>
            </p>
          </Card>
        )}
        {view.bp && (
          <Card href="/portal/blood-pressure" title="Blood pressure" testId="card-bp">
            {view.bp.avg7 ? (
              <p>
                7-day average{" "}
                <strong className={`text-2xl tabular ${view.bp.aboveTarget ? "text-alarm-medium" : "text-ok"}`}>
                  {Math.round(view.bp.avg7.sys)}/{Math.round(view.bp.avg7.dia)}
                </strong>{" "}
                mmHg
                <span className="block text-sm text-ink-muted">
                  {view.bp.aboveTarget ? "Above" : "Within"} the home target of under {HOME_BP_TARGET.sys}/{HOME_BP_TARGET.dia}
                </span>
              </p>
            ) : (
              <p className="text-ink-muted">No readings in the last 7 days</p>
            )}
            {view.bp.crisisReadings > 0 && (
              <p className="mt-1 text-sm font-semibold text-alarm-high">{view.bp.crisisReadings} very high reading(s)</p>
            )}
          </Card>
        )}
        {view.asthma && (
          <Card href="/portal/asthma" title="Asthma" testId="card-asthma">
            <p className="text-sm">
              Controller taken (7 days):{" "}
              <strong
                className={`tabular ${(view.asthma.adherence7?.percent ?? 100) < ADHERENCE_TARGET_PERCENT ? "text-alarm-medium" : "text-ok"}`}
              >
                {view.asthma.adherence7 ? `${Math.round(view.asthma.adherence7.percent)} %` : "—"}
              </strong>{" "}
              <span className="text-ink-muted">(goal {ADHERENCE_TARGET_PERCENT} % or more)</span>
            </p>
            <p className="mt-1 text-sm">
              Rescue inhaler this week: <strong className="tabular">{view.asthma.rescueThisWeek.puffs} puffs</strong> on{" "}
              <strong className={view.asthma.rescueAboveLimit ? "text-alarm-medium" : ""}>{view.asthma.rescueThisWeek.days} days</strong>{" "}
              <span className="text-ink-muted">(more than {RESCUE_DAYS_PER_WEEK_LIMIT} days means poor control)</span>
            </p>
          </Card>
        )}
      </div>
    </div>
  );
}

function Card({ href, title, testId, children }: { href: string; title: string; testId: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${testId}-h`} className="rounded-lg border border-line bg-panel p-4" data-testid={testId}>
      <h2 id={`${testId}-h`} className="text-lg font-semibold">
        <Link href={href} prefetch={false} className="underline-offset-4 hover:underline">
          {title} <span aria-hidden="true">›</span>
        </Link>
      </h2>
      <div className="mt-2">{children}</div>
    </section>
  );
}
