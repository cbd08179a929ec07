// The compliance record: one row per excursion or logger gap with device, place, profile, kind, start,
// end (or "ongoing"), duration, lowest/highest reading, the linked alarm and the corrective action (or
// the form to record it). Colour carries the kind: above range red, below range blue, logger gap cyan
// (a technical condition); an ongoing row is marked yellow until it ends.
import { EXCURSION_KIND_LABEL, formatDuration, type ExcursionKind, type ExcursionView } from "@/lib/environment/excursion-types";
import { CorrectiveActionForm } from "./corrective-action-form";

const chip = "inline-block rounded px-1.5 py-0.5 text-xs font-semibold tracking-wide whitespace-nowrap";
const KIND_CLASS: Record<ExcursionKind, string> = {
  high: "border border-alarm-high text-alarm-high",
  low: "border border-accent text-accent",
  data_gap: "badge-inop",
};
const HEADERS = ["Device", "Profile", "Kind", "Start (UTC)", "End (UTC)", "Duration", "Min / max °C", "Alarm", "Corrective action"];

/** Deterministic on server and client: "2026-11-23 18:00". */
const formatUtc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
const temp = (c: number | null) => (c === null ? "—" : c.toFixed(1));

export function ExcursionTable({ excursions }: { excursions: ExcursionView[] }) {
  if (excursions.length === 0) return <p className="mt-6 text-ink-muted">No excursions match these filters.</p>;
  return (
    <div className="mt-4 overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Excursions and logger gaps, newest first</caption>
        <thead className="bg-panel text-ink-muted">
          <tr>
            {HEADERS.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {excursions.map((x) => (
            <ExcursionRow key={x.id} x={x} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ExcursionRow({ x }: { x: ExcursionView }) {
  return (
    <tr data-testid="excursion-row" data-device={x.deviceId} data-kind={x.kind} className={`border-t border-line align-top ${x.ongoing ? "bg-alarm-medium-bg/40" : ""}`}>
      <td className="px-3 py-2">
        <div className="font-mono">{x.deviceId}</div>
        <div className="text-xs text-ink-muted">{[x.location, x.wardCode].filter(Boolean).join(" · ") || "—"}</div>
      </td>
      <td className="px-3 py-2 whitespace-nowrap">{x.profileLabel ?? <span className="font-mono">{x.profile}</span>}</td>
      <td className="px-3 py-2">
        <span className={`${chip} ${KIND_CLASS[x.kind]}`}>{EXCURSION_KIND_LABEL[x.kind].toUpperCase()}</span>
      </td>
      <td className="px-3 py-2 font-mono tabular whitespace-nowrap">
        <time dateTime={x.startedAt}>{formatUtc(x.startedAt)}</time>
      </td>
      <td className="px-3 py-2 font-mono tabular whitespace-nowrap">
        {x.endedAt ? <time dateTime={x.endedAt}>{formatUtc(x.endedAt)}</time> : <span className={`${chip} badge-medium`}>ONGOING</span>}
      </td>
      <td className="px-3 py-2 tabular whitespace-nowrap">{formatDuration(x.durationMs)}</td>
      <td className="px-3 py-2 tabular whitespace-nowrap">{x.kind === "data_gap" ? <span className="text-ink-faint">no readings</span> : `${temp(x.minC)} / ${temp(x.maxC)}`}</td>
      <td className="px-3 py-2 whitespace-nowrap">
        {x.alertId ? (
          <span className="font-mono text-xs" title={`Alert ${x.alertId}`}>
            {x.alertId.slice(0, 8)}
            {x.alertState && <span className="ml-1 font-sans text-ink-muted">{x.alertState}</span>}
          </span>
        ) : (
          <span className="text-ink-faint">—</span>
        )}
      </td>
      <td className="max-w-md px-3 py-2">
        {x.correctiveAction !== null ? (
          <div>
            <p className="break-words whitespace-pre-wrap">{x.correctiveAction}</p>
            <p className="mt-0.5 text-xs text-ink-muted">
              {x.actionBy?.name ?? "unknown user"}
              {x.actionAt && (
                <>
                  {" · "}
                  <time dateTime={x.actionAt}>{formatUtc(x.actionAt)} UTC</time>
                </>
              )}
            </p>
          </div>
        ) : (
          <CorrectiveActionForm excursionId={x.id} deviceId={x.deviceId} />
        )}
      </td>
    </tr>
  );
}
