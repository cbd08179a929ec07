"use client";
// Inline form to record the corrective action for one excursion: a button that opens a short text
// field. Once saved the record is final (append-only); the page refreshes to show who and when.
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { CORRECTIVE_ACTION_MAX, CORRECTIVE_ACTION_MIN } from "@/lib/environment/excursion-types";
import { recordCorrectiveActionAction } from "./actions";

const button = "rounded px-2 py-1 text-xs font-medium disabled:opacity-60";

export function CorrectiveActionForm({ excursionId, deviceId }: { excursionId: string; deviceId: string }) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className={`${button} border border-alarm-medium text-alarm-medium hover:bg-alarm-medium-bg`}>
        Record action
      </button>
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
      <textarea
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
        className="block w-full rounded border border-line-strong bg-canvas px-2 py-1 text-sm text-ink placeholder:text-ink-faint focus:border-accent focus:outline-none"
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-alarm-high">
          {error}
        </p>
      )}
      <p className="mt-1 text-xs text-ink-faint">Saved once, with your name and the time; it cannot be edited afterwards.</p>
      <div className="mt-1 flex gap-1.5">
        <button type="submit" disabled={pending || text.trim().length < CORRECTIVE_ACTION_MIN} className={`${button} bg-accent text-canvas hover:brightness-110`}>
          {pending ? "Saving…" : "Save"}
        </button>
        <button type="button" disabled={pending} onClick={() => setOpen(false)} className={`${button} border border-line-strong text-ink hover:bg-panel-raised`}>
          Cancel
        </button>
      </div>
    </form>
  );
}
