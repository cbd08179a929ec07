// Patch status per device type: the newest unflagged version, flagged versions, counts of active
// devices by firmware state, and the devices to patch (flagged first, then outdated, then unknown).
import Link from "next/link";
import { AssignmentText, ConnectivityBadge, FirmwareBadge, UpdateState } from "@/components/devices/device-badges";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { PatchStatusType } from "@/lib/devices/patch-status";

export function PatchStatusView({ types }: { types: PatchStatusType[] }) {
  if (types.length === 0) return <EmptyState className="mt-3 text-sm">No devices and no packages yet.</EmptyState>;
  return (
    <div className="mt-3 grid gap-4 xl:grid-cols-2">
      {types.map((t) => (
        <TypeCard key={t.deviceType} t={t} />
      ))}
    </div>
  );
}

function Count({ n, label, tone }: { n: number; label: string; tone: string }) {
  return (
    <span className="whitespace-nowrap">
      <span className={`font-semibold tabular ${n > 0 ? tone : "text-ink-faint"}`}>{n}</span>{" "}
      <span className="text-ink-muted">{label}</span>
    </span>
  );
}

function TypeCard({ t }: { t: PatchStatusType }) {
  const c = t.counts;
  const healthy = t.needsPatch.length === 0;
  return (
    <section
      aria-label={`${t.label} firmware`}
      className={`rounded-lg border bg-panel p-4 ${c.flagged ? "border-alarm-high" : "border-line"}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">
          {t.label} <span className="font-mono text-xs font-normal text-ink-muted">{t.deviceType}</span>
        </h3>
        <span className="text-sm text-ink-muted">
          newest:{" "}
          <span className="font-mono text-ink">{t.latest?.version ?? (t.flaggedVersions.length ? "none unflagged" : "no package")}</span>
        </span>
      </div>
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Count n={c.total} label="active" tone="text-ink" />
        <Count n={c.current} label="current" tone="text-ok" />
        <Count n={c.outdated} label="outdated" tone="text-alarm-medium" />
        <Count n={c.flagged} label="flagged" tone="text-alarm-high" />
        <Count n={c.unknown} label="no version" tone="text-ink" />
        {c.untracked > 0 && <Count n={c.untracked} label="not comparable" tone="text-ink-muted" />}
      </p>
      {t.flaggedVersions.length > 0 && (
        <ul className="mt-2 space-y-0.5 text-xs text-alarm-high">
          {t.flaggedVersions.map((f) => (
            <li key={f.version}>
              <span className="font-mono">{f.version}</span> flagged: {f.reason}
            </li>
          ))}
        </ul>
      )}
      {healthy ? (
        <p className={`mt-3 text-sm ${t.latest && c.total ? "text-ok" : "text-ink-muted"}`}>
          {!c.total
            ? "No active devices of this type."
            : t.latest
              ? "Every active device runs the newest firmware."
              : "No package uploaded for this type yet: nothing to compare against."}
        </p>
      ) : (
        <DataTable
          caption={`${t.label} devices that need a patch`}
          className="mt-3 max-h-80 overflow-y-auto rounded border border-line"
          headClassName="sticky top-0 bg-panel-raised text-xs text-ink-muted"
          thClassName="px-2 py-1 font-medium"
          columns={["Device", "Where", "Runs", "Update", "Connectivity"]}
          rows={t.needsPatch}
          row={(d) => (
            <tr key={d.id} className="border-t border-line">
              <td className="px-2 py-1 font-mono">
                <Link href={`/admin/devices?q=${encodeURIComponent(d.id)}`} className="hover:underline">
                  {d.id}
                </Link>
              </td>
              <td className="px-2 py-1">
                <AssignmentText assignment={d.assignment} />
              </td>
              <td className="px-2 py-1 whitespace-nowrap">
                <span className="mr-2 font-mono">{d.firmwareVersion ?? "—"}</span>
                <FirmwareBadge status={d.firmware.status} title={d.firmware.flagReason ?? undefined} />
              </td>
              <td className="px-2 py-1 whitespace-nowrap text-xs">
                {d.update ? (
                  <>
                    <span className="font-mono">{d.update.version}</span> <UpdateState state={d.update.state} detail={d.update.detail} />
                  </>
                ) : (
                  <span className="text-ink-faint">none</span>
                )}
              </td>
              <td className="px-2 py-1">
                <ConnectivityBadge connectivity={d.connectivity} />
              </td>
            </tr>
          )}
        />
      )}
    </section>
  );
}
