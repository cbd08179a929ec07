// The uploaded packages, newest first per type: version, size, SHA-256, when, how many devices run
// it, the rollout states, flagged state, and the actions.
import type { PackageListItem } from "@/lib/firmware/package-queries";
import { formatUtc } from "../devices/device-badges";
import { PackageActions, type AssignableDevice } from "./package-actions";

function size(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`;
}

export function PackageTable({ packages, devicesByType, latestIds }: { packages: PackageListItem[]; devicesByType: Record<string, AssignableDevice[]>; latestIds: Set<string> }) {
  if (packages.length === 0) return <p className="mt-3 text-sm text-ink-muted">No packages uploaded yet.</p>;
  return (
    <div className="mt-3 overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Firmware packages</caption>
        <thead className="bg-panel text-ink-muted">
          <tr>
            {["Type", "Version", "Size", "SHA-256", "Uploaded", "Devices on it", "Rollout", ""].map((h, i) => (
              <th key={i} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {h || <span className="sr-only">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {packages.map((p) => {
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
                <td className="px-3 py-2 whitespace-nowrap tabular">{formatUtc(p.createdAt)}</td>
                <td className="px-3 py-2 tabular">{p.devicesOnVersion}</td>
                <td className="px-3 py-2 text-xs text-ink-muted">{rollout.length ? rollout.map(([s, n]) => `${n} ${s}`).join(" · ") : "—"}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap">
                  <PackageActions pkg={{ id: p.id, deviceType: p.deviceType, version: p.version, flagged: !!p.flaggedAt }} devices={devicesByType[p.deviceType] ?? []} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
