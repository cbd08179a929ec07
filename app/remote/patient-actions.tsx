"use client";
// Under a triage row: the patient's messages with the care team, the portal invite (a one-time link
// that sets the password, shown once) and pairing a home device.
import { useEffect, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { TextField } from "@/components/ui/text-field";
import { MessageThread, type SendResult } from "@/components/programs/message-thread";
import { refusalText } from "@/lib/actions/refusal-text";
import type { CareMessage } from "@/lib/events";
import { invitePatientAction, loadThreadAction, sendMessageAction } from "./actions";
import { PairDeviceForm } from "./pair-device-form";

function InviteForm({ patientId }: { patientId: string }) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get("email") ?? "");
    startTransition(async () => {
      const r = await invitePatientAction({ patientId, email });
      setResult(
        r.ok
          ? { ok: true, text: `One-time link for ${r.data.email} (shown once): ${new URL(r.data.path, window.location.origin).toString()}` }
          : { ok: false, text: refusalText(r) },
      );
    });
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" aria-label="Invite to the portal">
      <TextField id={`invite-${patientId}`} label="Invite to the portal: the patient's email" name="email" type="email" required />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          Invite patient
        </Button>
      </div>
      {result && (
        <FormMessage ok={result.ok}>
          <span className="break-all">{result.text}</span>
        </FormMessage>
      )}
    </form>
  );
}

export function PatientActions({ patientId, name }: { patientId: string; name: string }) {
  const [thread, setThread] = useState<CareMessage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadThreadAction({ patientId }).then((r) => (r.ok ? setThread(r.data) : setError(refusalText(r))));
  }, [patientId]);
  const send = async (body: string): Promise<SendResult> => {
    const r = await sendMessageAction({ patientId, body });
    return r.ok ? { ok: true, message: r.data } : { ok: false, error: refusalText(r) };
  };
  return (
    <div className="grid gap-6 md:grid-cols-[2fr_1fr]">
      <section aria-label={`Messages with ${name}`}>
        <h3 className="mb-2 font-semibold">Messages with {name}</h3>
        {error && <FormMessage>{error}</FormMessage>}
        {thread === null && !error && <p className="text-sm text-ink-muted">Loading…</p>}
        {thread && <MessageThread patientId={patientId} initial={thread} side="care_team" send={send} />}
      </section>
      <div className="flex flex-col gap-6">
        <InviteForm patientId={patientId} />
        <PairDeviceForm patientId={patientId} />
      </div>
    </div>
  );
}
