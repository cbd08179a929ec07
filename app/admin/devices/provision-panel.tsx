"use client";
// Provisioning a device: type, optional id and assignment, firmware version and, for an environment
// sensor, what it watches (its profile); the secret is shown once on success with a copy button.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { provisionDeviceAction } from "./actions";
import { AssignFields, assignmentFields, type AssignOptions, type AssignValue } from "./assign-fields";
import { ProfileSelect } from "./profile-select";
import { SecretReveal } from "./secret-reveal";

export type TypeOption = { key: string; label: string };

/** The device type that has an environment profile. */
const PROFILE_TYPE = "env_sensor";

const optional = (label: string) => (
  <>
    {label} <span className="font-normal text-ink-muted">(optional)</span>
  </>
);

export function ProvisionPanel({ types, options }: { types: TypeOption[]; options: AssignOptions }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [assign, setAssign] = useState<AssignValue>({ kind: "none", value: "" });
  const [type, setType] = useState(types[0]?.key ?? "");
  const [profile, setProfile] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; type: string; secret: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setError(null);
    startTransition(async () => {
      const res = await provisionDeviceAction({
        type,
        id: String(data.get("id") ?? ""),
        firmwareVersion: String(data.get("firmwareVersion") ?? ""),
        ...assignmentFields(assign),
        ...(type === PROFILE_TYPE && profile ? { environmentProfile: profile } : {}),
      });
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
      setCreated(res.data);
      form.reset();
      setAssign({ kind: "none", value: "" });
      setType(types[0]?.key ?? "");
      setProfile("");
      setOpen(false);
      router.refresh();
    });
  }

  return (
    <section aria-labelledby="provision-heading" className="rounded-lg border border-line bg-panel p-4">
      <div className="flex items-center justify-between gap-3">
        <h2 id="provision-heading" className="text-lg font-semibold">
          Provision a device
        </h2>
        {!open && (
          <Button variant="primary" onClick={() => setOpen(true)}>
            New device
          </Button>
        )}
      </div>
      {open && (
        <form onSubmit={onSubmit} className="mt-3 space-y-3" noValidate>
          <div className="flex flex-wrap items-end gap-3">
            <Field id="prov-type" label="Type">
              <Select
                id="prov-type"
                name="type"
                required
                className="mt-1"
                value={type}
                onChange={(e) => setType(e.target.value)}
                options={types.map((t) => ({ value: t.key, label: t.label }))}
              />
            </Field>
            <Field id="prov-id" label={optional("Device id")} className="w-56">
              <Input id="prov-id" name="id" maxLength={64} placeholder="generated when empty" className="mt-1 font-mono" />
            </Field>
            <Field id="prov-fw" label={optional("Firmware")} className="w-40">
              <Input id="prov-fw" name="firmwareVersion" maxLength={64} placeholder="e.g. 2.4.1" className="mt-1 font-mono" />
            </Field>
            {type === PROFILE_TYPE && <ProfileSelect id="prov-profile" value={profile} onChange={setProfile} />}
          </div>
          <AssignFields idPrefix="prov" options={options} allowNone value={assign} onChange={setAssign} />
          {error && <FormMessage>{error}</FormMessage>}
          <div className="flex gap-2">
            <Button type="submit" variant="primary" disabled={pending}>
              {pending ? "Provisioning…" : "Provision"}
            </Button>
            <Button onClick={() => (setOpen(false), setError(null))}>Cancel</Button>
          </div>
        </form>
      )}
      {created && (
        <div className="mt-3">
          <SecretReveal
            deviceId={created.id}
            secret={created.secret}
            heading={`Provisioned ${created.type} ${created.id}.`}
            onDone={() => setCreated(null)}
          />
        </div>
      )}
    </section>
  );
}
