// The registry table: one row per device with assignment (and what an environment sensor watches), status, connectivity, last seen, firmware
// (against the newest unflagged package of its type), battery and open equipment alarms, plus the row actions.
import Link from "next/link";
import { AssignmentText, Battery, ConnectivityBadge, FirmwareBadge, UpdateState } from "@/components/devices/device-badges";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatTimeAgo, formatUtc } from "@/components/ui/time";
import type { RegistryDevice } from "@/lib/devices/device-queries";
import { describeProfile, isEnvironmentProfile } from "@/lib/domain/environment-profiles";
import type { AssignOptions } from "./assign-fields";
import type { RegistryPaging, RegistrySort } from "@/lib/devices/registry-paging";
import { DeviceRowActions } from "./device-row-actions";
import { SortHeader, type RegistryQuery } from "./registry-pager";

const ALARM_LABEL: Record<string, string> = {
  "device.maintenance": "Service due: drifting from normal",
  "env.excursion": "Out of range",
  "tech.logger_gap": "Logger silent",
};
const ALARM_BADGE: Record<string, string> = { "env.excursion": "badge-medium" };

type Props = { devices: RegistryDevice[]; options: AssignOptions; now: number; filters: RegistryQuery; paging: RegistryPaging };

export function DeviceTable({ devices, options, now, filters, paging }: Props) {
  const sortLink = (label: string, sort: RegistrySort) => <SortHeader label={label} sort={sort} filters={filters} paging={paging} />;
  const columns = [
    {
      label: (
        <>
          {sortLink("Device", "name")}
          <span className="mx-1 text-ink-faint">·</span>
          {sortLink("Type", "type")}
        </>
      ),
    },
    "Assigned to",
    { label: sortLink("Status", "status") },
    "Connectivity",
    { label: sortLink("Last seen", "lastSeen") },
    "Firmware",
    "Battery",
    { label: sortLink("Service due", "serviceDue") },
    { label: "", srLabel: "Actions" },
  ];
  return (
    <DataTable
      caption="Devices"
      columns={columns}
      rows={devices}
      row={(d) => <DeviceRow key={d.id} device={d} options={options} now={now} />}
      empty={<EmptyState>No devices match these filters.</EmptyState>}
    />
  );
}

function DeviceRow({ device: d, options, now }: { device: RegistryDevice; options: AssignOptions; now: number }) {
  const revoked = d.status === "revoked";
  const firmwareTitle =
    d.firmware.status === "flagged"
      ? `Flagged: ${d.firmware.flagReason ?? ""}`
      : d.firmware.latest
        ? `Newest: ${d.firmware.latest}`
        : "No package uploaded for this type";
  return (
    <tr className={`border-t border-line align-middle ${revoked ? "text-ink-faint" : ""}`}>
      <td className="px-3 py-2">
        <Link href={`/devices/${encodeURIComponent(d.id)}`} className="font-mono text-accent hover:underline" data-testid="device-link">
          {d.id}
        </Link>
        <div className="text-xs text-ink-muted">
          {d.typeLabel}
          {d.simulated && " · simulated"}
          {d.gatewayId && ` · via ${d.gatewayId}`}
        </div>
        {d.openAlarms.map((a) => (
          <a
            key={a.id}
            href="/alerts"
            data-testid="device-alarm"
            title={a.message}
            className={`mt-1 inline-block rounded px-1.5 py-0.5 text-xs font-semibold ${ALARM_BADGE[a.rule] ?? "badge-inop"}`}
          >
            {ALARM_LABEL[a.rule] ?? a.rule}
            {a.conditionActive ? "" : " (cleared)"}
          </a>
        ))}
      </td>
      <td className="px-3 py-2">
        <AssignmentText assignment={d.assignment} />
        {d.environmentProfile && (
          <div className="text-xs text-ink-muted" title="Environment profile: excursions outside this range are alarmed and recorded">
            {isEnvironmentProfile(d.environmentProfile) ? describeProfile(d.environmentProfile) : d.environmentProfile}
          </div>
        )}
      </td>
      <td className="px-3 py-2 whitespace-nowrap">
        {revoked ? (
          <span title={d.revokedAt ? formatUtc(d.revokedAt, { zone: true }) : undefined}>Revoked</span>
        ) : (
          <span className="text-ok">Active</span>
        )}
      </td>
      <td className="px-3 py-2 whitespace-nowrap">{revoked ? <span>—</span> : <ConnectivityBadge connectivity={d.connectivity} />}</td>
      <td className="px-3 py-2 whitespace-nowrap tabular" title={d.lastSeenAt ? formatUtc(d.lastSeenAt, { zone: true }) : undefined}>
        {d.lastSeenAt ? formatTimeAgo(d.lastSeenAt, now) : <span className="text-ink-faint">never</span>}
      </td>
      <td className="px-3 py-2">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-mono">{d.firmwareVersion ?? <span className="text-ink-faint">—</span>}</span>
          {!revoked && <FirmwareBadge status={d.firmware.status} title={firmwareTitle} />}
        </div>
        {d.update && d.update.state !== "updated" && (
          <div className="text-xs text-ink-muted">
            → {d.update.version} <UpdateState state={d.update.state} detail={d.update.detail} />
          </div>
        )}
      </td>
      <td className="px-3 py-2 whitespace-nowrap">
        <Battery level={d.batteryLevel} />
      </td>
      <td className="px-3 py-2 whitespace-nowrap tabular" title={d.serviceDueAt ? formatUtc(d.serviceDueAt, { zone: true }) : undefined}>
        {d.serviceDueAt ? (
          <span className={Date.parse(d.serviceDueAt) <= now ? "text-alarm-medium" : ""}>{formatUtc(d.serviceDueAt).slice(0, 10)}</span>
        ) : (
          <span className="text-ink-faint">—</span>
        )}
      </td>
      <td className="px-3 py-2 text-right whitespace-nowrap">
        <DeviceRowActions deviceId={d.id} type={d.type} environmentProfile={d.environmentProfile} revoked={revoked} options={options} />
      </td>
    </tr>
  );
}
