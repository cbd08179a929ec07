"use client";
// Inline form to record the corrective action for one excursion: a button that opens a short text
// field. Once saved the record is final (append-only); the page refreshes to show who and when.
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, Hint } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { CORRECTIVE_ACTION_MAX, CORRECTIVE_ACTION_MIN } from "@/lib/environment/excursion-types";
import { recordCorrectiveActionAction } from "./actions";

export function CorrectiveActionForm({ excursionId, deviceId }: { excursionId: string; deviceId: string }) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!open) {
    return (
      <Button variant="caution" size="xs" onClick={() => setOpen(true)}>
        Record action
      </Button>
    );
  }

  const save = () =>
    startTransition(async () => {
      const res = await recordCorrectiveActionAction({ excursionId, action: text });
      if (!res.ok) {
        setError(res.fieldErrors?.action ?? res.error);
        return;
      }
      setOpen(false);
      setText("");
      setError(null);
      router.refresh();
    });

  return (
    <form
      className="min-w-64"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label htmlFor={id} className="sr-only">
        {`Corrective action for ${deviceId}`}
      </label>
      <Textarea
        id={id}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={2}
        minLength={CORRECTIVE_ACTION_MIN}
        maxLength={CORRECTIVE_ACTION_MAX}
        required
        autoFocus
        placeholder="e.g. door closed; doses quarantined, manufacturer contacted"
        aria-describedby={error ? `${id}-error` : undefined}
        look="note"
      />
      {error && (
        <FormMessage id={`${id}-error`} size="xs" className="mt-1">
          {error}
        </FormMessage>
      )}
      <Hint faint>Saved once, with your name and the time; it cannot be edited afterwards.</Hint>
      <div className="mt-1 flex gap-1.5">
        <Button type="submit" variant="primary" size="xs" disabled={pending || text.trim().length < CORRECTIVE_ACTION_MIN}>
          {pending ? "Saving…" : "Save"}
        </Button>
        <Button size="xs" disabled={pending} onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
