// The uploaded packages, newest first per type: version, size, SHA-256, when, how many devices run
// it, the rollout states, flagged state, and the actions.
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatUtc } from "@/components/ui/time";
import type { PackageListItem } from "@/lib/firmware/package-queries";
import { PackageActions, type AssignableDevice } from "./package-actions";

function size(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`;
}

const COLUMNS = ["Type", "Version", "Size", "SHA-256", "Uploaded", "Devices on it", "Rollout", { label: "", srLabel: "Actions" }];

export function PackageTable({
  packages,
  devicesByType,
  latestIds,
}: {
  packages: PackageListItem[];
  devicesByType: Record<string, AssignableDevice[]>;
  latestIds: Set<string>;
}) {
  return (
    <DataTable
      caption="Firmware packages"
      className="mt-3 overflow-x-auto rounded-lg border border-line"
      columns={COLUMNS}
      rows={packages}
      empty={<EmptyState className="mt-3 text-sm">No packages uploaded yet.</EmptyState>}
      row={(p) => {
        const rollout = Object.entries(p.updates).filter(([, n]) => n > 0);
        return (
          <tr key={p.id} className="border-t border-line align-middle">
            <td className="px-3 py-2 font-mono text-xs">{p.deviceType}</td>
            <td className="px-3 py-2">
              <span className="font-mono">{p.version}</span>
              {latestIds.has(p.id) && <span className="ml-2 text-xs text-ok">newest</span>}
              {p.flaggedAt && (
                <div className="mt-0.5 text-xs text-alarm-high">
                  <span className="rounded border-2 border-alarm-high px-1 font-semibold">FLAGGED</span> {p.flagReason}
                </div>
              )}
            </td>
            <td className="px-3 py-2 whitespace-nowrap tabular">{size(p.sizeBytes)}</td>
            <td className="px-3 py-2 font-mono text-xs text-ink-muted" title={p.sha256}>
              {p.sha256.slice(0, 16)}…
            </td>
            <td className="px-3 py-2 whitespace-nowrap tabular">{formatUtc(p.createdAt, { zone: true })}</td>
            <td className="px-3 py-2 tabular">{p.devicesOnVersion}</td>
            <td className="px-3 py-2 text-xs text-ink-muted">{rollout.length ? rollout.map(([s, n]) => `${n} ${s}`).join(" · ") : "—"}</td>
            <td className="px-3 py-2 text-right whitespace-nowrap">
              <PackageActions
                pkg={{ id: p.id, deviceType: p.deviceType, version: p.version, flagged: !!p.flaggedAt }}
                devices={devicesByType[p.deviceType] ?? []}
              />
            </td>
          </tr>
        );
      }}
    />
  );
}
