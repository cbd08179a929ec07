"use client";
// The patient's own open alerts, live: starts from the page's snapshot, joins the patient's own room and
// applies alert:raised / alert:updated (a re-join after a gap refreshes the page's data). Each alert says what
// to do in plain language and can be acknowledged in one tap.
import { useCallback, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLiveAlerts } from "@/components/alerts/use-live-alerts";
import { useRoom } from "@/components/live/use-live-socket";
import { Button } from "@/components/ui/button";
import type { AlertView } from "@/lib/events";
import { formatLocalDateTime } from "@/lib/portal/format-local";
import { withAdvice, type PortalAlert } from "@/lib/portal/portal-view";
import { acknowledgeOwnAlertAction } from "./actions";

const TONE: Record<AlertView["priority"], string> = {
  high: "border-alarm-high bg-alarm-high-bg",
  medium: "border-alarm-medium bg-alarm-medium-bg",
  low: "border-alarm-low bg-alarm-low-bg",
  technical: "border-alarm-low bg-alarm-low-bg",
};

export function OwnAlerts(p: { patientId: string; snapshot: PortalAlert[]; generatedAt: string; tzOffsetMinutes: number }) {
  const router = useRouter();
  const toItem = useCallback((a: AlertView) => (a.patientId === p.patientId ? withAdvice(a) : null), [p.patientId]);
  const expected = useCallback((a: PortalAlert) => a.state !== "resolved", []);
  const { known, apply } = useLiveAlerts<PortalAlert>({ snapshot: p.snapshot, generatedAt: p.generatedAt, expected, toItem });
  useRoom("patient", p.patientId, { onResync: () => router.refresh() });
  const open = [...known.values()]
    .filter((a) => a.state !== "resolved")
    .sort((a, b) => (a.state === b.state ? Date.parse(b.raisedAt) - Date.parse(a.raisedAt) : a.state === "active" ? -1 : 1));
  return (
    <section aria-labelledby="own-alerts-h" data-testid="own-alerts">
      <h2 id="own-alerts-h" className="text-lg font-semibold">
        Alerts
      </h2>
      {open.length === 0 ? (
        <p className="mt-1 text-sm text-ink-muted">No open alerts.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {open.map((a) => (
            <AlertItem key={a.id} alert={a} tz={p.tzOffsetMinutes} onChanged={(next) => apply({ ...a, ...next })} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AlertItem({ alert, tz, onChanged }: { alert: PortalAlert; tz: number; onChanged: (a: Partial<AlertView>) => void }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const acknowledge = () =>
    start(async () => {
      setError(null);
      const r = await acknowledgeOwnAlertAction({ alertId: alert.id });
      if (!r.ok) setError(r.error);
      else onChanged({ state: r.data.state, acknowledgedAt: new Date().toISOString() });
    });
  return (
    <li
      className={`rounded-lg border-l-4 border p-3 ${TONE[alert.priority]}`}
      data-testid="own-alert"
      data-rule={alert.rule}
      data-state={alert.state}
    >
      <p className="font-semibold">{alert.advice.title}</p>
      <p className="text-sm">{alert.message}</p>
      <p className="text-xs text-ink-muted">{formatLocalDateTime(Date.parse(alert.raisedAt), tz)}</p>
      <p className="mt-2 text-sm">
        <span className="font-semibold">What to do: </span>
        {alert.advice.whatToDo}
      </p>
      {alert.state === "active" ? (
        <Button variant="primary" className="mt-2 min-h-11 px-4" disabled={pending} onClick={acknowledge}>
          {pending ? "Acknowledging…" : "Acknowledge"}
        </Button>
      ) : (
        <p className="mt-2 text-sm text-ink-muted">Acknowledged: your care team can see you have seen it.</p>
      )}
      {error && (
        <p role="alert" className="mt-1 text-sm text-alarm-high">
          {error}
        </p>
      )}
    </li>
  );
}
