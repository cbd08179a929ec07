"use client";
// One alert in the queue: IEC priority indicator (colour, flashing while active), patient and bed, the
// alarm and its value, age, and its status (latched, silenced, escalation, who acknowledged or resolved),
// with one-click actions. Memoised: a row re-renders when its alert, selection or busy state changes.
import Link from "next/link";
import { memo, useCallback } from "react";
import { useClock } from "@/components/live/use-now";
import { formatAge } from "@/lib/charts/data-age";
import { type AlertView } from "@/lib/events";
import { isOpen } from "@/lib/alerts/alert-policy";
import {
  alarmClass,
  escalationLabel,
  flashes,
  formatAlertValue,
  formatClock,
  isLatched,
  PRIORITY_SHORT,
  priorityTextClass,
  priorityTitle,
  rowBarColor,
  rowTone,
  silenceText,
} from "@/components/alerts/presentation";
import { AlertAiButton } from "@/components/ai/ai-feature-dialog-button";
import type { RowAction } from "./use-queue-actions";

export type AlertRowProps = {
  alert: AlertView;
  wardCode: string | null;
  selected: boolean;
  busy: RowAction | null;
  error: string | null;
  /** Escalation level at which this alert was sent to this user (0: at raise, as a ward nurse), if it was. */
  notifiedLevel: number | null;
  /** Offers the AI maintenance explanation on equipment alarms (admins, biomed). */
  aiMaintains: boolean;
  onSelect: (id: string) => void;
  onAction: (id: string, action: RowAction) => void;
};

function Age({ iso }: { iso: string }) {
  const select = useCallback((now: number) => (now === 0 ? "" : formatAge(now - Date.parse(iso))), [iso]);
  return <span className="tabular">{useClock(select)}</span>;
}

const selectDay = (now: number) => (now === 0 ? 0 : new Date(new Date(now).toDateString()).getTime());

/** Local midnight of today (0 before hydration): clock times of other days get their date. */
function useToday(): number {
  return useClock(selectDay);
}

function Silenced({ alert }: { alert: AlertView }) {
  const select = useCallback((now: number) => (now === 0 ? null : silenceText(alert, now)), [alert]);
  const text = useClock(select);
  return text ? (
    <div className="flex items-center gap-1 text-ink-muted" data-testid="silenced">
      <svg aria-hidden viewBox="0 0 16 16" className="size-3 shrink-0" fill="currentColor">
        <path d="M2 6h3l4-3v10l-4-3H2z" />
        <path d="M11 6l4 4M15 6l-4 4" stroke="currentColor" strokeWidth="1.5" fill="none" />
      </svg>
      {text}
    </div>
  ) : null;
}

function Status({ alert, now }: { alert: AlertView; now: number }) {
  const open = isOpen(alert);
  return (
    <div className="space-y-0.5 text-xs leading-4">
      {alert.state === "active" && <div className="font-semibold text-ink">Not acknowledged</div>}
      {alert.acknowledgedBy && alert.acknowledgedAt && (
        <div data-testid="acknowledged-by">
          Acknowledged by <span className="font-semibold">{alert.acknowledgedBy.name}</span> at {formatClock(alert.acknowledgedAt, now)}
        </div>
      )}
      {alert.state === "resolved" && (
        <div>
          Resolved
          {alert.resolvedBy ? (
            <>
              {" "}
              by <span className="font-semibold">{alert.resolvedBy.name}</span>
            </>
          ) : (
            " automatically"
          )}
          {alert.resolvedAt ? ` at ${formatClock(alert.resolvedAt, now)}` : ""}
          {alert.resolveReason ? `: ${alert.resolveReason}` : ""}
        </div>
      )}
      {isLatched(alert) && (
        <div
          data-testid="latched"
          className="font-semibold text-alarm-low"
          title="The condition has cleared; the alarm stays until someone acknowledges it."
        >
          Condition cleared (latched)
        </div>
      )}
      {!alert.conditionActive && alert.state === "acknowledged" && <div className="text-ink-muted">Condition cleared</div>}
      {open && <Silenced alert={alert} />}
      {open && (
        <div className="text-ink-muted" data-testid="escalation" data-level={alert.escalationLevel}>
          Escalation: {escalationLabel(alert.escalationLevel, alert)}
          {alert.nextEscalationAt && alert.state === "active" ? ` · next ${formatClock(alert.nextEscalationAt, now)}` : ""}
        </div>
      )}
    </div>
  );
}

const BUTTON = "rounded border px-2 py-1 text-xs font-semibold disabled:cursor-not-allowed disabled:opacity-40";

export const AlertRow = memo(function AlertRow({
  alert,
  wardCode,
  selected,
  busy,
  error,
  notifiedLevel,
  aiMaintains,
  onSelect,
  onAction,
}: AlertRowProps) {
  const open = isOpen(alert);
  const act = (action: RowAction) => (e: React.MouseEvent) => {
    e.stopPropagation();
    onSelect(alert.id);
    onAction(alert.id, action);
  };
  const label = PRIORITY_SHORT[alert.priority];
  const today = useToday();
  const tone = rowTone(alert.state);
  return (
    <tr
      data-testid="alert-row"
      data-alert-id={alert.id}
      data-priority={alert.priority}
      data-state={alert.state}
      data-selected={selected || undefined}
      onClick={() => onSelect(alert.id)}
      style={alert.state === "active" ? ({ "--row-alarm": rowBarColor(alert.priority) } as React.CSSProperties) : undefined}
      className={`border-b border-line align-top ${selected ? "bg-panel-raised outline-2 -outline-offset-2 outline-accent" : "hover:bg-panel"} ${tone.className}`}
    >
      <td className="py-2 pr-2 pl-3">
        <span
          data-testid="alert-priority"
          data-flashing={flashes(alert.priority, alert.state) || undefined}
          title={priorityTitle(alert.priority)}
          className={`inline-block w-16 rounded px-1.5 py-1 text-center text-sm font-bold tracking-wide ${alarmClass(alert.priority, alert.state)} ${alert.state === "resolved" ? "text-ink-muted" : priorityTextClass(alert.priority)}`}
        >
          {label}
        </span>
        {tone.marker && (
          <span data-testid="ack-marker" className="mt-1 block w-16 text-center text-[0.65rem] font-bold tracking-wide text-ink-muted">
            {tone.marker}
          </span>
        )}
      </td>
      <td className="px-2 py-2">
        {alert.patientId ? (
          <Link
            href={`/patients/${alert.patientId}`}
            prefetch={false}
            onClick={(e) => e.stopPropagation()}
            className="font-semibold hover:underline"
          >
            {alert.patientName ?? "Unknown patient"}
          </Link>
        ) : alert.rule.startsWith("env.") || alert.rule === "tech.logger_gap" ? (
          <Link href="/environment" prefetch={false} onClick={(e) => e.stopPropagation()} className="font-semibold hover:underline">
            Environment
          </Link>
        ) : (
          <span className="font-semibold">{alert.deviceId ? "Equipment" : "No patient"}</span>
        )}
        <div className="text-xs text-ink-muted">
          {alert.bedLabel ? `Bed ${alert.bedLabel}` : alert.patientId ? "No bed" : ""}
          {wardCode ? ` · ${wardCode}` : ""}
          {alert.deviceId && (alert.priority === "technical" || !alert.patientId) ? ` · ${alert.deviceId}` : ""}
        </div>
      </td>
      <td className="px-2 py-2">
        <div className="font-semibold">{alert.message}</div>
        <div className="text-xs text-ink-muted" title={`Rule ${alert.rule}`}>
          <span className="tabular">{formatAlertValue(alert.rule, alert.value)}</span>
        </div>
      </td>
      <td className="px-2 py-2 text-sm whitespace-nowrap">
        <Age iso={alert.raisedAt} />
        <div className="text-xs text-ink-muted">{formatClock(alert.raisedAt, today)}</div>
      </td>
      <td className="px-2 py-2">
        <Status alert={alert} now={today} />
        {notifiedLevel !== null && notifiedLevel > 0 && (
          <span
            data-testid="escalated-to-you"
            className="mt-0.5 inline-block rounded border border-accent px-1 text-xs text-accent"
            title={`Escalated to you as: ${escalationLabel(notifiedLevel, alert)}`}
          >
            escalated to you
          </span>
        )}
      </td>
      <td className="w-px py-2 pr-3 pl-2">
        {open ? (
          <div className="flex justify-end gap-1 whitespace-nowrap">
            <button
              type="button"
              onClick={act("acknowledge")}
              disabled={alert.state !== "active" || busy !== null}
              className={`${BUTTON} border-accent bg-accent text-canvas`}
            >
              {busy === "acknowledge" ? "Acknowledging…" : "Acknowledge"}
            </button>
            <button
              type="button"
              onClick={act("resolve")}
              disabled={busy !== null}
              className={`${BUTTON} border-line-strong hover:bg-panel-raised`}
            >
              Resolve…
            </button>
            <button
              type="button"
              onClick={act("silence")}
              disabled={busy !== null}
              className={`${BUTTON} border-line-strong hover:bg-panel-raised`}
            >
              Silence…
            </button>
            <button
              type="button"
              onClick={act("escalate")}
              disabled={busy !== null}
              className={`${BUTTON} border-line-strong hover:bg-panel-raised`}
            >
              {busy === "escalate" ? "Escalating…" : "Escalate"}
            </button>
            <AlertAiButton alert={alert} maintains={aiMaintains} />
          </div>
        ) : (
          <div className="flex justify-end gap-1 text-ink-faint" title="A resolved alert takes no further action">
            — <AlertAiButton alert={alert} maintains={aiMaintains} />
          </div>
        )}
        {error && (
          <p role="alert" className="mt-1 max-w-80 text-right text-xs whitespace-normal text-alarm-medium">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
});
