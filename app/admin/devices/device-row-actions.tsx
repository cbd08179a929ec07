"use client";
// Per-device actions of the registry: assign, set what an environment sensor watches, rotate the
// secret (new one shown once), revoke (with confirmation). Each opens a modal dialog; the table refreshes after a change.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/field";
import { assignDeviceAction, revokeDeviceAction, rotateSecretAction, setProfileAction } from "./actions";
import { AssignFields, assignmentFields, type AssignOptions, type AssignValue } from "./assign-fields";
import { ProfileSelect } from "./profile-select";
import { SecretReveal } from "./secret-reveal";

type Open = "assign" | "profile" | "rotate" | "revoke" | null;

export function DeviceRowActions({
  deviceId,
  type,
  environmentProfile,
  revoked,
  options,
}: {
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
        setError(
          res.fieldErrors
            ? Object.entries(res.fieldErrors)
                .map(([f, m]) => `${f}: ${m}`)
                .join("; ")
            : res.error,
        );
        return;
      }
      after();
      router.refresh();
    });

  const assignTarget = () => (assign.kind === "none" ? { unassign: true as const } : assignmentFields(assign));
  const errorLine = error && <FormMessage className="mt-3">{error}</FormMessage>;

  return (
    <div className="flex justify-end gap-1.5">
      <Button variant="small" onClick={() => show("assign")}>
        Assign
      </Button>
      {type === "env_sensor" && (
        <Button variant="small" onClick={() => show("profile")}>
          Profile
        </Button>
      )}
      <Button variant="small" onClick={() => show("rotate")}>
        Rotate secret
      </Button>
      <Button variant="small" className="text-alarm-high" onClick={() => show("revoke")}>
        Revoke
      </Button>

      <Dialog title={`Assign ${deviceId}`} open={open === "assign"} onClose={close}>
        <p className="mb-3 text-sm text-ink-muted">A device is used at one place at a time; this replaces its current assignment.</p>
        <AssignFields idPrefix={`assign-${deviceId}`} options={options} allowNone value={assign} onChange={setAssign} />
        {errorLine}
        <div className="mt-4 flex gap-2">
          <Button
            variant="accent"
            disabled={pending}
            onClick={() => run(() => assignDeviceAction({ deviceId, target: assignTarget() }), close)}
          >
            {pending ? "Saving…" : "Save"}
          </Button>
          <Button variant="outline" onClick={close}>
            Cancel
          </Button>
        </div>
      </Dialog>

      <Dialog title={`What ${deviceId} watches`} open={open === "profile"} onClose={close}>
        <p className="mb-3 text-sm text-ink-muted">
          With a profile, readings outside its range for 5 minutes raise an excursion alarm, and every excursion and logger gap is recorded
          for compliance.
        </p>
        <ProfileSelect id={`profile-${deviceId}`} value={profile} onChange={setProfile} />
        {errorLine}
        <div className="mt-4 flex gap-2">
          <Button
            variant="accent"
            disabled={pending}
            onClick={() => run(() => setProfileAction({ deviceId, environmentProfile: profile || null }), close)}
          >
            {pending ? "Saving…" : "Save"}
          </Button>
          <Button variant="outline" onClick={close}>
            Cancel
          </Button>
        </div>
      </Dialog>

      <Dialog title={`Rotate the secret of ${deviceId}`} open={open === "rotate"} onClose={close}>
        {secret ? (
          <SecretReveal deviceId={deviceId} secret={secret} heading={`New secret for ${deviceId}.`} onDone={close} />
        ) : (
          <>
            <p className="text-sm">
              The current secret stops working at once and the device is disconnected until it is given the new one.
            </p>
            {errorLine}
            <div className="mt-4 flex gap-2">
              <Button
                variant="warning"
                disabled={pending}
                onClick={() =>
                  startTransition(async () => {
                    const res = await rotateSecretAction({ deviceId });
                    if (!res.ok) return setError(res.error);
                    setSecret(res.data.secret);
                  })
                }
              >
                {pending ? "Rotating…" : "Rotate secret"}
              </Button>
              <Button variant="outline" onClick={close}>
                Cancel
              </Button>
            </div>
          </>
        )}
      </Dialog>

      <Dialog title={`Revoke ${deviceId}`} open={open === "revoke"} onClose={close}>
        <p className="text-sm">
          The device is disconnected at once and can never connect or send again; its open firmware updates are cancelled. This cannot be
          undone: a replacement must be provisioned as a new device.
        </p>
        {errorLine}
        <div className="mt-4 flex gap-2">
          <Button variant="danger" disabled={pending} onClick={() => run(() => revokeDeviceAction({ deviceId }), close)}>
            {pending ? "Revoking…" : `Revoke ${deviceId}`}
          </Button>
          <Button variant="outline" onClick={close}>
            Cancel
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
