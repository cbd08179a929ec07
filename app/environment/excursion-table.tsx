// The compliance record: one row per excursion or logger gap with device, place, profile, kind, start,
// end (or "ongoing"), duration, lowest/highest reading, the linked alarm and the corrective action (or
// the form to record it). Colour carries the kind: above range red, below range blue, logger gap cyan
// (a technical condition); an ongoing row is marked yellow until it ends.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { UtcTime } from "@/components/ui/time";
import { EXCURSION_KIND_LABEL, formatDuration, type ExcursionKind, type ExcursionView } from "@/lib/environment/excursion-types";
import { CorrectiveActionForm } from "./corrective-action-form";

const KIND_TONE: Record<ExcursionKind, BadgeTone> = { high: "outline-high", low: "outline-accent", data_gap: "inop" };
const HEADERS = ["Device", "Profile", "Kind", "Start (UTC)", "End (UTC)", "Duration", "Min / max °C", "Alarm", "Corrective action"];

const temp = (c: number | null) => (c === null ? "—" : c.toFixed(1));

export function ExcursionTable({ excursions }: { excursions: ExcursionView[] }) {
  return (
    <DataTable
      caption="Excursions and logger gaps, newest first"
      columns={HEADERS}
      rows={excursions}
      row={(x) => <ExcursionRow key={x.id} x={x} />}
      empty={<EmptyState>No excursions match these filters.</EmptyState>}
    />
  );
}

function ExcursionRow({ x }: { x: ExcursionView }) {
  return (
    <tr
      data-testid="excursion-row"
      data-device={x.deviceId}
      data-kind={x.kind}
      className={`border-t border-line align-top ${x.ongoing ? "bg-alarm-medium-bg/40" : ""}`}
    >
      <td className="px-3 py-2">
        <div className="font-mono">{x.deviceId}</div>
        <div className="text-xs text-ink-muted">{[x.location, x.wardCode].filter(Boolean).join(" · ") || "—"}</div>
      </td>
      <td className="px-3 py-2 whitespace-nowrap">{x.profileLabel ?? <span className="font-mono">{x.profile}</span>}</td>
      <td className="px-3 py-2">
        <Badge tone={KIND_TONE[x.kind]}>{EXCURSION_KIND_LABEL[x.kind].toUpperCase()}</Badge>
      </td>
      <td className="px-3 py-2 font-mono tabular whitespace-nowrap">
        <UtcTime iso={x.startedAt} />
      </td>
      <td className="px-3 py-2 font-mono tabular whitespace-nowrap">
        {x.endedAt ? <UtcTime iso={x.endedAt} /> : <Badge tone="medium">ONGOING</Badge>}
      </td>
      <td className="px-3 py-2 tabular whitespace-nowrap">{formatDuration(x.durationMs)}</td>
      <td className="px-3 py-2 tabular whitespace-nowrap">
        {x.kind === "data_gap" ? <span className="text-ink-faint">no readings</span> : `${temp(x.minC)} / ${temp(x.maxC)}`}
      </td>
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
                  <UtcTime iso={x.actionAt} zone />
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
