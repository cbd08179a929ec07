"use client";
// The patient's alarm history, newest first and live: priority in its IEC colour, rule and message, when
// it was raised, who acknowledged it and when, who resolved it and why, and how far it escalated. Each
// alarm expands to its full trail (raised, notified, delivered, read, acknowledged, escalated, resolved).
import { useState } from "react";
import { useRoom } from "@/components/live/use-live-socket";
import { EmptyState } from "@/components/ui/empty-state";
import { type AlertPriority, type AlertView } from "@/lib/events";
import { PRIORITY_PRESENTATION } from "@/lib/alerts/alert-policy";
import { escalationLabel, formatAt, newestFirst, stateLabel } from "./alarm-history-model";
import { AlertTrail } from "./alert-trail";
import { ALERT_HISTORY_LIMIT, errorText } from "./patient-api";
import { usePatientAlerts } from "./use-patient-data";

const PAGE = 25;
const CHIP: Readonly<Record<AlertPriority, string>> = {
  high: "badge-high",
  medium: "badge-medium",
  low: "border border-alarm-low text-alarm-low",
  technical: "badge-inop",
};

const at = formatAt;

export function AlarmHistory({ patientId }: { patientId: string }) {
  const query = usePatientAlerts(patientId);
  const [openOnly, setOpenOnly] = useState(false);
  const [shown, setShown] = useState(PAGE);
  useRoom("patient", patientId);

  const all = query.data ? newestFirst(query.data) : [];
  const list = openOnly ? all.filter((a) => a.state !== "resolved") : all;
  return (
    <section aria-labelledby="alarm-history-heading" className="mt-8" data-testid="alarm-history">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="alarm-history-heading" className="text-lg font-semibold">
          Alarm history{" "}
          {query.data && (
            <span className="text-sm font-normal text-ink-muted">
              {all.length}
              {all.length >= ALERT_HISTORY_LIMIT ? "+" : ""} alarm{all.length === 1 ? "" : "s"},{" "}
              {all.filter((a) => a.state !== "resolved").length} open
            </span>
          )}
        </h2>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />
          Open alarms only
        </label>
      </div>
      {query.isError && <p className="mt-3 text-sm text-alarm-low">{errorText(query.error, "Alarm history")}</p>}
      {query.isPending && <p className="mt-3 text-sm text-ink-muted">Loading…</p>}
      {query.data && list.length === 0 && (
        <EmptyState className="mt-3 text-sm">{openOnly ? "No open alarms." : "No alarms recorded for this patient."}</EmptyState>
      )}
      <ul className="mt-3 divide-y divide-line rounded-lg border border-line bg-panel">
        {list.slice(0, shown).map((a) => (
          <AlarmRow key={a.id} alert={a} />
        ))}
      </ul>
      {list.length > shown && (
        <button
          type="button"
          onClick={() => setShown((n) => n + PAGE)}
          className="mt-2 rounded border border-line-strong px-3 py-1 text-sm hover:bg-panel-raised"
        >
          Show {Math.min(PAGE, list.length - shown)} more
        </button>
      )}
    </section>
  );
}

function AlarmRow({ alert: a }: { alert: AlertView }) {
  const [expanded, setExpanded] = useState(false);
  const trailId = `trail-${a.id}`;
  const resolved = a.state === "resolved";
  return (
    <li className={`px-3 py-2 ${resolved ? "opacity-80" : ""}`} data-testid="alarm-row" data-state={a.state} data-priority={a.priority}>
      <div className="flex flex-wrap items-start gap-x-4 gap-y-1">
        <span className={`mt-0.5 shrink-0 rounded px-1.5 py-0.5 text-xs font-bold ${CHIP[a.priority]}`}>
          {a.priority === "technical" ? "INOP" : PRIORITY_PRESENTATION[a.priority].label}
        </span>
        <div className="min-w-64 flex-1">
          <p className="font-medium">{a.message}</p>
          <p className="text-xs text-ink-muted">
            <span className="font-mono">{a.rule}</span> · raised {at(a.raisedAt)} ·{" "}
            <span className={resolved ? "" : "text-ink"}>{stateLabel(a)}</span>
          </p>
          {a.silencedUntil && !resolved && (
            <p className="text-xs text-ink-muted">
              Audio silenced until {at(a.silencedUntil)}
              {a.silenceReason ? `: ${a.silenceReason}` : ""}
            </p>
          )}
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs sm:min-w-80">
          <dt className="text-ink-muted">Acknowledged</dt>
          <dd>{a.acknowledgedAt ? `${a.acknowledgedBy?.name ?? "someone"}, ${at(a.acknowledgedAt)}` : "—"}</dd>
          <dt className="text-ink-muted">Resolved</dt>
          <dd>
            {a.resolvedAt
              ? `${a.resolvedBy?.name ?? "automatically"}, ${at(a.resolvedAt)}${a.resolveReason ? `: ${a.resolveReason}` : ""}`
              : "—"}
          </dd>
          <dt className="text-ink-muted">Reached</dt>
          <dd>
            {escalationLabel(a.escalationLevel, a)}
            {a.escalationLevel > 0 && ` (escalation level ${a.escalationLevel})`}
          </dd>
        </dl>
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={trailId}
          onClick={() => setExpanded((e) => !e)}
          className="shrink-0 rounded border border-line-strong px-2 py-0.5 text-xs hover:bg-panel-raised"
        >
          {expanded ? "Hide trail" : "Trail"}
        </button>
      </div>
      {expanded && <AlertTrail id={trailId} alert={a} />}
    </li>
  );
}
