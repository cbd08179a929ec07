// Small presentational pieces of the device registry and firmware pages (server- and client-safe).
// Colour carries meaning only: offline/unknown connectivity and low battery are technical ("INOP")
// conditions, shown cyan; flagged firmware is outlined red, outdated outlined yellow (not flashing:
// these are maintenance states, not patient alarms).
import type { DeviceAssignment, RegistryDevice } from "@/lib/devices/device-queries";
import type { FirmwareStatus } from "@/lib/firmware/firmware-status";

const chip = "inline-block rounded px-1.5 py-0.5 text-xs font-semibold tracking-wide whitespace-nowrap";

/** Deterministic on server and client: "2026-11-23 18:00 UTC". */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function formatAge(iso: string | null, now: number): string {
  if (!iso) return "never";
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

export function ConnectivityBadge({ connectivity }: { connectivity: RegistryDevice["connectivity"] }) {
  if (connectivity === "online") {
    return (
      <span className="inline-flex items-center gap-1.5 text-sm text-ok">
        <span aria-hidden className="inline-block size-2 rounded-full bg-ok" />
        Online
      </span>
    );
  }
  if (connectivity === "offline") return <span className={`${chip} badge-inop`}>OFFLINE</span>;
  return <span className={`${chip} border border-alarm-low text-alarm-low`}>UNKNOWN</span>;
}

const FIRMWARE_CHIP: Record<FirmwareStatus, { text: string; className: string } | null> = {
  current: null,
  untracked: null,
  outdated: { text: "OUTDATED", className: "border border-alarm-medium text-alarm-medium" },
  flagged: { text: "FLAGGED", className: "border-2 border-alarm-high text-alarm-high" },
  unknown: { text: "NO VERSION", className: "border border-line-strong text-ink-muted" },
};

export function FirmwareBadge({ status, title }: { status: FirmwareStatus; title?: string }) {
  const c = FIRMWARE_CHIP[status];
  if (!c) return null;
  return (
    <span className={`${chip} ${c.className}`} title={title}>
      {c.text}
    </span>
  );
}

const UPDATE_CLASS: Record<string, string> = {
  pending: "text-ink-muted",
  downloading: "text-accent",
  verified: "text-accent",
  updated: "text-ok",
  failed: "text-alarm-high",
};

export function UpdateState({ state, detail }: { state: string; detail?: string | null }) {
  return (
    <span className={`text-xs ${UPDATE_CLASS[state] ?? "text-ink-muted"}`} title={detail ?? undefined}>
      {state}
    </span>
  );
}

export function Battery({ level }: { level: number | null }) {
  if (level === null) return <span className="text-ink-faint">—</span>;
  const pct = Math.max(0, Math.min(100, Math.round(level)));
  if (pct < 20) return <span className={`${chip} badge-inop tabular`} title="Low battery (technical condition)">{`LOW ${pct}%`}</span>;
  return (
    <span className="inline-flex items-center gap-2 tabular" title={`${pct}%`}>
      <span aria-hidden className="inline-block h-2 w-10 overflow-hidden rounded-sm border border-line-strong">
        <span className="block h-full bg-ink-muted" style={{ width: `${pct}%` }} />
      </span>
      {pct}%
    </span>
  );
}

/** Where a device is used; patient identity appears only when the server included it (admins). */
export function AssignmentText({ assignment: a }: { assignment: DeviceAssignment }) {
  switch (a.kind) {
    case "patient":
      return (
        <span>
          {a.patient ? <span className="font-medium">{a.patient.name}</span> : <span className="text-ink-muted">Patient</span>}
          {a.ward && <span className="text-ink-muted">{` · ${a.ward} bed ${a.bed ?? "?"}`}</span>}
          {!a.ward && <span className="text-ink-muted"> · no bed</span>}
        </span>
      );
    case "bed":
      return <span>{`${a.ward} bed ${a.bed}`}</span>;
    case "asset":
      return (
        <span>
          <span className="text-ink-muted">Asset </span>
          <span className="font-mono">{a.tag}</span>
        </span>
      );
    case "location":
      return (
        <span>
          <span className="text-ink-muted">At </span>
          {a.text}
        </span>
      );
    case "none":
      return <span className="text-ink-faint">Unassigned</span>;
  }
}

/** The same as AssignmentText, as plain text (for option lists). */
export function assignmentLabel(a: DeviceAssignment): string {
  switch (a.kind) {
    case "patient":
      return `${a.patient ? a.patient.name : "Patient"}${a.ward ? ` · ${a.ward} bed ${a.bed ?? "?"}` : ""}`;
    case "bed":
      return `${a.ward} bed ${a.bed}`;
    case "asset":
      return `Asset ${a.tag}`;
    case "location":
      return a.text;
    case "none":
      return "Unassigned";
  }
}
