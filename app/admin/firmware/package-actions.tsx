"use client";
// Per-package actions: assign to devices of its type (the ones needing a patch preselected, or all
// outdated at once), flag with a reason, unflag. Dialogs reuse the registry's ActionDialog.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { FirmwareStatus } from "@/lib/firmware/firmware-status";
import { ActionDialog } from "../devices/action-dialog";
import { FirmwareBadge } from "../devices/device-badges";
import { buttonClass, inputClass } from "../devices/secret-reveal";
import { assignFirmwareAction, flagPackageAction, unflagPackageAction } from "./actions";

export type AssignableDevice = { id: string; version: string | null; status: FirmwareStatus; where: string };
type Pkg = { id: string; deviceType: string; version: string; flagged: boolean };

export function PackageActions({ pkg, devices }: { pkg: Pkg; devices: AssignableDevice[] }) {
  const router = useRouter();
  const [open, setOpen] = useState<"assign" | "flag" | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const show = (which: "assign" | "flag") => {
    setMessage(null);
    if (which === "assign") setSelected(new Set(devices.filter((d) => d.version !== pkg.version && (d.status === "outdated" || d.status === "flagged" || d.status === "unknown")).map((d) => d.id)));
    setOpen(which);
  };
  const close = () => setOpen(null);
  const toggle = (id: string) => setSelected((s) => {
    const n = new Set(s);
    if (n.has(id)) n.delete(id);
    else n.add(id);
    return n;
  });

  function assign(target: { deviceIds: string[] } | { allOutdated: true }) {
    startTransition(async () => {
      const res = await assignFirmwareAction({ packageId: pkg.id, target });
      if (!res.ok) return setMessage({ ok: false, text: res.fieldErrors ? Object.values(res.fieldErrors).join("; ") : res.error });
      const d = res.data;
      setMessage({ ok: true, text: `Assigned to ${d.assigned} device(s); OTA command delivered to ${d.delivered}${d.undelivered ? `, ${d.undelivered} pending delivery` : ""}.` });
      router.refresh();
    });
  }
  function flag() {
    startTransition(async () => {
      const res = await flagPackageAction({ packageId: pkg.id, reason });
      if (!res.ok) return setMessage({ ok: false, text: res.fieldErrors?.reason ?? res.error });
      close();
      router.refresh();
    });
  }
  function unflag() {
    startTransition(async () => {
      const res = await unflagPackageAction({ packageId: pkg.id });
      if (res.ok) router.refresh();
    });
  }

  const small = `${buttonClass} border border-line-strong px-2 py-1 text-xs text-ink hover:bg-panel-raised`;
  const note = message && (
    <p role={message.ok ? "status" : "alert"} className={`mt-3 text-sm ${message.ok ? "text-ok" : "text-alarm-high"}`}>
      {message.text}
    </p>
  );

  if (pkg.flagged) {
    return (
      <button type="button" className={small} disabled={pending} onClick={unflag}>
        Unflag
      </button>
    );
  }
  return (
    <div className="flex justify-end gap-1.5">
      <button type="button" className={small} onClick={() => show("assign")}>
        Assign…
      </button>
      <button type="button" className={`${small} text-alarm-high`} onClick={() => show("flag")}>
        Flag…
      </button>
      <ActionDialog title={`Assign ${pkg.deviceType} ${pkg.version}`} open={open === "assign"} onClose={close}>
        {devices.length === 0 ? (
          <p className="text-sm text-ink-muted">There are no active devices of this type.</p>
        ) : (
          <fieldset className="max-h-72 overflow-y-auto rounded border border-line">
            <legend className="sr-only">Devices</legend>
            {devices.map((d) => (
              <label key={d.id} className="flex items-center gap-3 border-b border-line px-3 py-1.5 text-sm last:border-b-0">
                <input type="checkbox" checked={selected.has(d.id)} onChange={() => toggle(d.id)} />
                <span className="w-40 font-mono">{d.id}</span>
                <span className="w-20 font-mono text-ink-muted">{d.version ?? "—"}</span>
                <FirmwareBadge status={d.status} />
                <span className="truncate text-ink-muted">{d.where}</span>
              </label>
            ))}
          </fieldset>
        )}
        {note}
        <div className="mt-4 flex flex-wrap gap-2">
          <button type="button" disabled={pending || selected.size === 0} className={`${buttonClass} bg-accent text-canvas`} onClick={() => assign({ deviceIds: [...selected] })}>
            {pending ? "Assigning…" : `Assign to ${selected.size} selected`}
          </button>
          <button type="button" disabled={pending} className={`${buttonClass} border border-line-strong text-ink`} onClick={() => assign({ allOutdated: true })}>
            Assign to all outdated
          </button>
          <button type="button" className={`${buttonClass} text-ink-muted`} onClick={close}>
            Close
          </button>
        </div>
      </ActionDialog>
      <ActionDialog title={`Flag ${pkg.deviceType} ${pkg.version} as faulty`} open={open === "flag"} onClose={close}>
        <p className="text-sm">Devices running it show as flagged, it can no longer be assigned, and its open rollouts are cancelled.</p>
        <label htmlFor={`flag-${pkg.id}`} className="mt-3 block text-sm font-medium">
          Reason
        </label>
        <input id={`flag-${pkg.id}`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder="e.g. watchdog resets during alarm" className={`mt-1 ${inputClass}`} />
        {note}
        <div className="mt-4 flex gap-2">
          <button type="button" disabled={pending} className={`${buttonClass} bg-alarm-high text-canvas`} onClick={flag}>
            {pending ? "Flagging…" : "Flag package"}
          </button>
          <button type="button" className={`${buttonClass} border border-line-strong text-ink`} onClick={close}>
            Cancel
          </button>
        </div>
      </ActionDialog>
    </div>
  );
}
