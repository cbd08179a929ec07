"use client";
// The queue's header: counts, filters (ward, priority, state: kept in the URL), the live-connection
// indicator, the sound switch and the keyboard help line.
import { useRouter } from "next/navigation";
import { SoundToggle } from "@/components/alerts/sound-toggle";
import type { ConnectionStatus } from "@/components/live/use-live-socket";
import { ConnectionBadge } from "@/components/live/connection-badge";
import { InlineField } from "@/components/ui/field";
import { Select, type SelectOption } from "@/components/ui/select";
import { ALERT_PRIORITIES } from "@/lib/events";
import { PRIORITY_PRESENTATION } from "@/lib/alerts/alert-policy";
import { QUEUE_SHORTCUTS } from "@/components/alerts/keyboard";
import { queueSearch, QUEUE_STATES, type QueueFilter, type QueueState } from "@/components/alerts/queue-filter";

export type WardOption = { id: string; code: string; name: string };

const STATE_LABEL: Record<QueueState, string> = {
  open: "Open (active + acknowledged)",
  active: "Active",
  acknowledged: "Acknowledged",
  resolved: "Resolved",
  all: "All",
};

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: SelectOption[];
}) {
  return (
    <InlineField label={label}>
      <Select value={value} onChange={(e) => onChange(e.target.value)} options={options} look="toolbar" />
    </InlineField>
  );
}

export function QueueFilters({ filter, wards }: { filter: QueueFilter; wards: readonly WardOption[] }) {
  const router = useRouter();
  const go = (f: QueueFilter) => router.replace(`/alerts${queueSearch(f)}`, { scroll: false });
  return (
    <div role="group" aria-label="Filter alerts" className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <FilterSelect
        label="Ward"
        value={filter.wardId ?? ""}
        onChange={(v) => go({ ...filter, wardId: v || null })}
        options={[{ value: "", label: "All my wards" }, ...wards.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))]}
      />
      <FilterSelect
        label="Priority"
        value={filter.priority ?? ""}
        onChange={(v) => go({ ...filter, priority: ALERT_PRIORITIES.find((p) => p === v) ?? null })}
        options={[{ value: "", label: "All" }, ...ALERT_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_PRESENTATION[p].label }))]}
      />
      <FilterSelect
        label="State"
        value={filter.state}
        onChange={(v) => go({ ...filter, state: QUEUE_STATES.find((s) => s === v) ?? "open" })}
        options={QUEUE_STATES.map((s) => ({ value: s, label: STATE_LABEL[s] }))}
      />
    </div>
  );
}

export function QueueHeader({
  counts,
  status,
  error,
}: {
  counts: { active: number; acknowledged: number; latched: number };
  status: ConnectionStatus;
  error: string | null;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
      <h1 className="text-xl font-semibold">Alerts</h1>
      <ul className="flex flex-wrap items-center gap-3 text-sm tabular" aria-label="Queue summary">
        <li data-testid="count-active">
          <span className="font-semibold">{counts.active}</span> <span className="text-ink-muted">active</span>
        </li>
        <li>
          <span className="font-semibold">{counts.acknowledged}</span> <span className="text-ink-muted">acknowledged</span>
        </li>
        {counts.latched > 0 && (
          <li className="text-alarm-low">
            <span className="font-semibold">{counts.latched}</span> latched
          </li>
        )}
      </ul>
      <div className="ml-auto flex items-center gap-3">
        <SoundToggle />
        <ConnectionBadge status={status} error={error} onReload={() => window.location.reload()} />
      </div>
    </div>
  );
}

export function ShortcutHelp() {
  return (
    <p className="text-xs text-ink-muted" aria-label="Keyboard shortcuts">
      Keys:{" "}
      {QUEUE_SHORTCUTS.map((s, i) => (
        <span key={s.key}>
          {i > 0 && " · "}
          <kbd className="rounded border border-line-strong px-1 font-mono text-ink">{s.key}</kbd> {s.label}
        </span>
      ))}
    </p>
  );
}
