"use client";
// The device's identity (model, serial number, UDI), editable by biomed and admins; an empty field clears
// it. A refused value is shown under its field ("udi: GTIN … has a wrong check digit").
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { MODEL_MAX, SERIAL_MAX, UDI_MAX, type DeviceIdentity } from "@/lib/devices/device-identity-rules";
import { setDeviceIdentityAction } from "./actions";

const FIELDS = [
  { key: "model", label: "Model", max: MODEL_MAX, placeholder: "e.g. LP-900 volumetric pump" },
  { key: "serialNumber", label: "Serial number", max: SERIAL_MAX, placeholder: "as on the label" },
  { key: "udi", label: "UDI", max: UDI_MAX, placeholder: "(01)GTIN-14(21)serial" },
] as const;

export function IdentityPanel({ deviceId, identity, editable }: { deviceId: string; identity: DeviceIdentity; editable: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setErrors({});
    setError(null);
    startTransition(async () => {
      const res = await setDeviceIdentityAction({
        deviceId,
        identity: Object.fromEntries(FIELDS.map((f) => [f.key, String(data.get(f.key) ?? "")])),
      });
      if (!res.ok) {
        const byField = Object.fromEntries(
          Object.entries(res.fieldErrors ?? {}).map(([k, m]) => [k.replace(/^identity\.?/, "") || "identity", m]),
        );
        setErrors(byField);
        setError(
          res.fieldErrors
            ? Object.entries(byField)
                .map(([k, m]) => `${k}: ${m}`)
                .join("; ")
            : res.error,
        );
        return;
      }
      setEditing(false);
      router.refresh();
    });
  }

  if (!editing) {
    return (
      <div>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="device-identity">
          {FIELDS.map((f) => (
            <div key={f.key} className="contents">
              <dt className="text-ink-muted">{f.label}</dt>
              <dd className={f.key === "model" ? "" : "font-mono break-all"}>
                {identity[f.key] ?? <span className="text-ink-faint">not recorded</span>}
              </dd>
            </div>
          ))}
        </dl>
        {editable && (
          <Button className="mt-3" onClick={() => setEditing(true)}>
            Edit identity
          </Button>
        )}
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Edit device identity">
      {FIELDS.map((f) => (
        <Field key={f.key} id={`identity-${f.key}`} label={f.label}>
          <Input
            id={`identity-${f.key}`}
            name={f.key}
            defaultValue={identity[f.key] ?? ""}
            maxLength={f.max}
            placeholder={f.placeholder}
            aria-invalid={errors[f.key] ? true : undefined}
            className={`mt-1 w-full ${f.key === "model" ? "" : "font-mono"}`}
          />
          {errors[f.key] && <p className="mt-1 text-xs text-alarm-medium">{errors[f.key]}</p>}
        </Field>
      ))}
      {error && <FormMessage>{error}</FormMessage>}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        <Button onClick={() => (setEditing(false), setErrors({}), setError(null))}>Cancel</Button>
      </div>
    </form>
  );
}
