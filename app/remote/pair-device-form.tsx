"use client";
// Under a triage row: pair a new home device to the patient; its id and secret are shown once, to enter in
// the device or its phone app (POST /api/v1/patients/{id}/devices does the same over the API).
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, Label } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { refusalText } from "@/lib/actions/refusal-text";
import { DEVICE_TYPES, HOME_DEVICE_TYPES } from "@/lib/domain/device-types";
import { pairDeviceAction } from "./actions";

const OPTIONS = HOME_DEVICE_TYPES.map((t) => ({ value: t, label: DEVICE_TYPES[t].label }));

export function PairDeviceForm({ patientId }: { patientId: string }) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const type = String(new FormData(e.currentTarget).get("type") ?? "");
    const known = HOME_DEVICE_TYPES.find((t) => t === type);
    if (!known) return setResult({ ok: false, text: "Choose the kind of device" });
    startTransition(async () => {
      const r = await pairDeviceAction({ patientId, type: known });
      setResult(
        r.ok
          ? { ok: true, text: `Paired ${r.data.deviceId}. Its secret (shown once): ${r.data.secret}` }
          : { ok: false, text: refusalText(r) },
      );
    });
  }
  const id = `pair-${patientId}`;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" aria-label="Pair a home device">
      <Label htmlFor={id}>Pair a new home device</Label>
      <Select id={id} name="type" options={OPTIONS} placeholder="Choose…" required />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          Pair device
        </Button>
      </div>
      {result && (
        <FormMessage ok={result.ok}>
          <span className="break-all" data-testid="paired-device">
            {result.text}
          </span>
        </FormMessage>
      )}
    </form>
  );
}
