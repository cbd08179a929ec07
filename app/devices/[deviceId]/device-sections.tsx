// The device page's sections below the header: where it was used (assignment history), its firmware and
// OTA updates, and its equipment alerts. Server components, presentational.
import Link from "next/link";
import { UpdateState } from "@/components/devices/device-badges";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { UtcTime } from "@/components/ui/time";
import type { AssignmentHistoryEntry } from "@/lib/devices/assignment-history";
import type { DeviceAlertRow, FirmwareUpdateRow } from "@/lib/devices/device-detail-queries";

const KIND_LABEL: Record<string, string> = { patient: "Patient", bed: "Bed", asset: "Asset tag", location: "Location", none: "Unassigned" };

function Where({ e }: { e: AssignmentHistoryEntry }) {
  if (e.kind === "patient") {
    return (
      <>
        {e.patient ? (
          <Link href={`/patients/${encodeURIComponent(e.patient.id)}`} className="text-accent hover:underline">
            {e.patient.name} <span className="font-mono text-xs text-ink-muted">{e.patient.mrn}</span>
          </Link>
        ) : (
          <span>a patient</span>
        )}
        {e.label && <span className="ml-1 text-ink-muted">at {e.label}</span>}
      </>
    );
  }
  return e.label ? <span className="font-mono">{e.label}</span> : <span className="text-ink-faint">—</span>;
}

export function AssignmentHistoryTable({ entries }: { entries: AssignmentHistoryEntry[] }) {
  return (
    <DataTable
      caption="Assignment history"
      columns={["Since (UTC)", "Assigned to", "Where", "By", "Why"]}
      rows={entries}
      row={(e, i) => (
        <tr key={`${e.at}-${i}`} className="border-t border-line" data-testid="assignment-row">
          <td className="px-3 py-2 font-mono whitespace-nowrap">
            <UtcTime iso={e.at} />
          </td>
          <td className="px-3 py-2">{KIND_LABEL[e.kind] ?? e.kind}</td>
          <td className="px-3 py-2">
            <Where e={e} />
          </td>
          <td className="px-3 py-2 text-ink-muted">{e.actorEmail ?? "system"}</td>
          <td className="px-3 py-2 text-ink-muted">{e.reason ?? ""}</td>
        </tr>
      )}
      empty={<EmptyState>No assignment recorded yet.</EmptyState>}
    />
  );
}

export function FirmwareUpdatesTable({ updates }: { updates: FirmwareUpdateRow[] }) {
  return (
    <DataTable
      caption="Firmware updates"
      columns={["Requested (UTC)", "Version", "OTA status", "Last report (UTC)"]}
      rows={updates}
      row={(u) => (
        <tr key={u.id} className="border-t border-line">
          <td className="px-3 py-2 font-mono whitespace-nowrap">
            <UtcTime iso={u.createdAt} />
          </td>
          <td className="px-3 py-2 font-mono">{u.version}</td>
          <td className="px-3 py-2">
            <UpdateState state={u.state} detail={u.detail} />
          </td>
          <td className="px-3 py-2 font-mono whitespace-nowrap">
            <UtcTime iso={u.updatedAt} />
          </td>
        </tr>
      )}
      empty={<EmptyState>No over-the-air update was ever sent to this device.</EmptyState>}
    />
  );
}

const PRIORITY_TONE: Record<string, string> = { high: "text-alarm-high", medium: "text-alarm-medium", low: "text-alarm-low" };

export function DeviceAlertsTable({ alerts }: { alerts: DeviceAlertRow[] }) {
  return (
    <DataTable
      caption="Equipment alerts"
      columns={["Raised (UTC)", "Alert", "Priority", "State", "Resolved (UTC)"]}
      rows={alerts}
      row={(a) => (
        <tr key={a.id} className="border-t border-line" data-testid="device-alert-row">
          <td className="px-3 py-2 font-mono whitespace-nowrap">
            <UtcTime iso={a.raisedAt} />
          </td>
          <td className="px-3 py-2">
            <div>{a.message}</div>
            <div className="font-mono text-xs text-ink-muted">
              {a.rule}
              {a.state !== "resolved" && !a.conditionActive && " · condition cleared"}
            </div>
          </td>
          <td className={`px-3 py-2 ${PRIORITY_TONE[a.priority] ?? ""}`}>{a.priority}</td>
          <td className="px-3 py-2">{a.state}</td>
          <td className="px-3 py-2 font-mono whitespace-nowrap">{a.resolvedAt ? <UtcTime iso={a.resolvedAt} /> : "—"}</td>
        </tr>
      )}
      empty={<EmptyState>No equipment alerts in the last 30 days.</EmptyState>}
    />
  );
}
