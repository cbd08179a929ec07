"use client";
// Per-device actions of the registry: assign, set what an environment sensor watches, rotate the
// secret (new one shown once), revoke (with confirmation). Each opens a modal dialog; the table refreshes after a change.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { assignDeviceAction, revokeDeviceAction, rotateSecretAction, setProfileAction } from "./actions";
import { ActionDialog } from "./action-dialog";
import { AssignFields, assignmentFields, type AssignOptions, type AssignValue } from "./assign-fields";
import { ProfileSelect } from "./profile-select";
import { buttonClass, SecretReveal } from "./secret-reveal";

type Open = "assign" | "profile" | "rotate" | "revoke" | null;

export function DeviceRowActions({ deviceId, type, environmentProfile, revoked, options }: {
  deviceId: string;
  type: string;
  environmentProfile: string | null;
  revoked: boolean;
  options: AssignOptions;
}) {
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [assign, setAssign] = useState<AssignValue>({ kind: "bed", value: "" });
  const [profile, setProfile] = useState(environmentProfile ?? "");
  const [pending, startTransition] = useTransition();

  if (revoked) return <span className="text-xs text-ink-faint">Revoked</span>;

  const show = (which: Open) => {
    setError(null);
    setSecret(null);
    setProfile(environmentProfile ?? "");
    setOpen(which);
  };
  const close = () => {
    setOpen(null);
    setSecret(null);
  };
  const run = (fn: () => Promise<{ ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string> }>, after: () => void) =>
    startTransition(async () => {
      const res = await fn();
      if (!res.ok) {
        setError(res.fieldErrors ? Object.entries(res.fieldErrors).map(([f, m]) => `${f}: ${m}`).join("; ") : res.error);
        return;
      }
      after();
      router.refresh();
    });

  const assignTarget = () => (assign.kind === "none" ? { unassign: true as const } : assignmentFields(assign));
  const small = `${buttonClass} border border-line-strong px-2 py-1 text-xs text-ink hover:bg-panel-raised`;
  const errorLine = error && (
    <p role="alert" className="mt-3 text-sm text-alarm-high">
      {error}
    </p>
  );

  return (
    <div className="flex justify-end gap-1.5">
      <button type="button" className={small} onClick={() => show("assign")}>
        Assign
      </button>
      {type === "env_sensor" && (
        <button type="button" className={small} onClick={() => show("profile")}>
          Profile
        </button>
      )}
      <button type="button" className={small} onClick={() => show("rotate")}>
        Rotate secret
      </button>
      <button type="button" className={`${small} text-alarm-high`} onClick={() => show("revoke")}>
        Revoke
      </button>

      <ActionDialog title={`Assign ${deviceId}`} open={open === "assign"} onClose={close}>
        <p className="mb-3 text-sm text-ink-muted">A device is used at one place at a time; this replaces its current assignment.</p>
        <AssignFields idPrefix={`assign-${deviceId}`} options={options} allowNone value={assign} onChange={setAssign} />
        {errorLine}
        <div className="mt-4 flex gap-2">
          <button type="button" disabled={pending} className={`${buttonClass} bg-accent text-canvas`} onClick={() => run(() => assignDeviceAction({ deviceId, target: assignTarget() }), close)}>
            {pending ? "Saving…" : "Save"}
          </button>
          <button type="button" className={`${buttonClass} border border-line-strong text-ink`} onClick={close}>
            Cancel
          </button>
        </div>
      </ActionDialog>

      <ActionDialog title={`What ${deviceId} watches`} open={open === "profile"} onClose={close}>
        <p className="mb-3 text-sm text-ink-muted">
          With a profile, readings outside its range for 5 minutes raise an excursion alarm, and every excursion and logger gap is recorded for compliance.
        </p>
        <ProfileSelect id={`profile-${deviceId}`} value={profile} onChange={setProfile} />
        {errorLine}
        <div className="mt-4 flex gap-2">
          <button
            type="button"
            disabled={pending}
            className={`${buttonClass} bg-accent text-canvas`}
            onClick={() => run(() => setProfileAction({ deviceId, environmentProfile: profile || null }), close)}
          >
            {pending ? "Saving…" : "Save"}
          </button>
          <button type="button" className={`${buttonClass} border border-line-strong text-ink`} onClick={close}>
            Cancel
          </button>
        </div>
      </ActionDialog>

      <ActionDialog title={`Rotate the secret of ${deviceId}`} open={open === "rotate"} onClose={close}>
        {secret ? (
          <SecretReveal deviceId={deviceId} secret={secret} heading={`New secret for ${deviceId}.`} onDone={close} />
        ) : (
          <>
            <p className="text-sm">The current secret stops working at once and the device is disconnected until it is given the new one.</p>
            {errorLine}
            <div className="mt-4 flex gap-2">
              <button
                type="button"
                disabled={pending}
                className={`${buttonClass} bg-alarm-medium text-canvas`}
                onClick={() =>
                  startTransition(async () => {
                    const res = await rotateSecretAction({ deviceId });
                    if (!res.ok) return setError(res.error);
                    setSecret(res.data.secret);
                  })
                }
              >
                {pending ? "Rotating…" : "Rotate secret"}
              </button>
              <button type="button" className={`${buttonClass} border border-line-strong text-ink`} onClick={close}>
                Cancel
              </button>
            </div>
          </>
        )}
      </ActionDialog>

      <ActionDialog title={`Revoke ${deviceId}`} open={open === "revoke"} onClose={close}>
        <p className="text-sm">
          The device is disconnected at once and can never connect or send again; its open firmware updates are cancelled. This cannot be undone: a replacement
          must be provisioned as a new device.
        </p>
        {errorLine}
        <div className="mt-4 flex gap-2">
          <button type="button" disabled={pending} className={`${buttonClass} bg-alarm-high text-canvas`} onClick={() => run(() => revokeDeviceAction({ deviceId }), close)}>
            {pending ? "Revoking…" : `Revoke ${deviceId}`}
          </button>
          <button type="button" className={`${buttonClass} border border-line-strong text-ink`} onClick={close}>
            Cancel
          </button>
        </div>
      </ActionDialog>
    </div>
  );
}
