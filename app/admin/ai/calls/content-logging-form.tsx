"use client";
// Whether the call log keeps what was sent and answered (off by default) and for how many days
// (purged after that). Changing it is audited.
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Hint } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ContentLogging } from "@/lib/ai/service-types";
import { setContentLoggingAction } from "./actions";

export function ContentLoggingForm({ initial }: { initial: ContentLogging }) {
  const [enabled, setEnabled] = useState(initial.enabled);
  const [days, setDays] = useState(String(initial.retentionDays));
  const [saved, setSaved] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string; field?: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      const res = await setContentLoggingAction({ enabled, retentionDays: Number(days) });
      if (!res.ok) return setMessage({ ok: false, text: res.error, field: res.fieldErrors?.retentionDays });
      setSaved(res.data);
      setMessage({
        ok: true,
        text: res.data.enabled ? `Content is logged and kept ${res.data.retentionDays} days.` : "Content is not logged.",
      });
    });
  return (
    <form
      className="mt-2 flex flex-wrap items-end gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label className="flex items-center gap-2 pb-1.5 text-sm">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        Log the content of calls (the de-identified messages and the answer)
      </label>
      <Field id="retention" label="Retention (days)" error={message?.field}>
        <Input
          id="retention"
          type="number"
          min={1}
          max={3650}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          look="filter"
          width="w-28"
          className="mt-1"
        />
      </Field>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
      <div className="basis-full">
        <Hint>
          Now:{" "}
          {saved.enabled
            ? `on, kept ${saved.retentionDays} days then purged`
            : "off (only tokens, cost, status and the redaction receipt are kept)"}
          .
        </Hint>
        {message && <FormMessage ok={message.ok}>{message.text}</FormMessage>}
      </div>
    </form>
  );
}
