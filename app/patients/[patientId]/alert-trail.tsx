"use client";
// The audit trail of one alert (GET /api/v1/alerts/{id}), oldest step first, each as one sentence.
import type { AlertView } from "@/lib/events";
import { describeEvent, formatAt } from "./alarm-history-model";
import { errorText } from "./patient-api";
import { useAlertDetail } from "./use-patient-data";

export function AlertTrail({ id, alert }: { id: string; alert: Pick<AlertView, "id" | "patientId" | "wardId"> }) {
  const query = useAlertDetail(alert.id);
  return (
    <div id={id} className="mt-2 ml-2 border-l-2 border-line-strong pl-3" data-testid="alert-trail">
      {query.isPending && <p className="text-xs text-ink-muted">Loading trail…</p>}
      {query.isError && <p className="text-xs text-alarm-low">{errorText(query.error, "The trail")}</p>}
      {query.data && (
        <ol className="space-y-0.5 text-xs">
          {query.data.events.map((e) => (
            <li key={e.id} className="flex gap-3">
              <time dateTime={e.at} className="shrink-0 text-ink-muted tabular">
                {formatAt(e.at)}
              </time>
              <span>{describeEvent(e, alert)}</span>
            </li>
          ))}
          {query.data.events.length === 0 && <li className="text-ink-muted">No steps recorded.</li>}
        </ol>
      )}
    </div>
  );
}
