"use client";
// Per-package actions: assign to devices of its type (the ones needing a patch preselected, or all
// outdated at once), flag with a reason, unflag. Each in a modal dialog.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FirmwareBadge } from "@/components/devices/device-badges";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormMessage } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { FirmwareStatus } from "@/lib/firmware/firmware-status";
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
    if (which === "assign")
      setSelected(
        new Set(
          devices
            .filter((d) => d.version !== pkg.version && (d.status === "outdated" || d.status === "flagged" || d.status === "unknown"))
            .map((d) => d.id),
        ),
      );
    setOpen(which);
  };
  const close = () => setOpen(null);
  const toggle = (id: string) =>
    setSelected((s) => {
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
      setMessage({
        ok: true,
        text: `Assigned to ${d.assigned} device(s); OTA command delivered to ${d.delivered}${d.undelivered ? `, ${d.undelivered} pending delivery` : ""}.`,
      });
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

  const note = message && (
    <FormMessage ok={message.ok} className="mt-3">
      {message.text}
    </FormMessage>
  );

  if (pkg.flagged) {
    return (
      <Button variant="small" disabled={pending} onClick={unflag}>
        Unflag
      </Button>
    );
  }
  return (
    <div className="flex justify-end gap-1.5">
      <Button variant="small" onClick={() => show("assign")}>
        Assign…
      </Button>
      <Button variant="small" className="text-alarm-high" onClick={() => show("flag")}>
        Flag…
      </Button>
      <Dialog title={`Assign ${pkg.deviceType} ${pkg.version}`} open={open === "assign"} onClose={close}>
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
          <Button variant="accent" disabled={pending || selected.size === 0} onClick={() => assign({ deviceIds: [...selected] })}>
            {pending ? "Assigning…" : `Assign to ${selected.size} selected`}
          </Button>
          <Button variant="outline" disabled={pending} onClick={() => assign({ allOutdated: true })}>
            Assign to all outdated
          </Button>
          <Button variant="quiet" onClick={close}>
            Close
          </Button>
        </div>
      </Dialog>
      <Dialog title={`Flag ${pkg.deviceType} ${pkg.version} as faulty`} open={open === "flag"} onClose={close}>
        <p className="text-sm">Devices running it show as flagged, it can no longer be assigned, and its open rollouts are cancelled.</p>
        <Field id={`flag-${pkg.id}`} label="Reason" className="mt-3">
          <Input
            id={`flag-${pkg.id}`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            placeholder="e.g. watchdog resets during alarm"
            className="mt-1"
          />
        </Field>
        {note}
        <div className="mt-4 flex gap-2">
          <Button variant="danger" disabled={pending} onClick={flag}>
            {pending ? "Flagging…" : "Flag package"}
          </Button>
          <Button variant="outline" onClick={close}>
            Cancel
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
