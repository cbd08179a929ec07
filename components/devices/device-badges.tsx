// Small presentational pieces of the device registry and firmware pages (server- and client-safe).
// Colour carries meaning only: offline/unknown connectivity and low battery are technical ("INOP")
// conditions, shown cyan; flagged firmware is outlined red, outdated outlined yellow (not flashing:
// these are maintenance states, not patient alarms).
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DeviceAssignment, RegistryDevice } from "@/lib/devices/device-queries";
import type { FirmwareStatus } from "@/lib/firmware/firmware-status";

export function ConnectivityBadge({ connectivity }: { connectivity: RegistryDevice["connectivity"] }) {
  if (connectivity === "online") {
    return (
      <span className="inline-flex items-center gap-1.5 text-sm text-ok">
        <span aria-hidden className="inline-block size-2 rounded-full bg-ok" />
        Online
      </span>
    );
  }
  if (connectivity === "offline") return <Badge tone="inop">OFFLINE</Badge>;
  return <Badge tone="outline-low">UNKNOWN</Badge>;
}

const FIRMWARE_CHIP: Record<FirmwareStatus, { text: string; tone: BadgeTone } | null> = {
  current: null,
  untracked: null,
  outdated: { text: "OUTDATED", tone: "outline-medium" },
  flagged: { text: "FLAGGED", tone: "flagged" },
  unknown: { text: "NO VERSION", tone: "muted" },
};

export function FirmwareBadge({ status, title }: { status: FirmwareStatus; title?: string }) {
  const c = FIRMWARE_CHIP[status];
  if (!c) return null;
  return (
    <Badge tone={c.tone} title={title}>
      {c.text}
    </Badge>
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
  if (pct < 20) return <Badge tone="inop" className="tabular" title="Low battery (technical condition)">{`LOW ${pct}%`}</Badge>;
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
