"use client";
// The one question some actions ask: a reason to resolve by hand, or a reason and a time (≤ 30 min) to
// silence. A modal dialog: focus stays inside, Escape cancels.
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { AlertView } from "@/lib/events";
import { SILENCE_CHOICES, SILENCE_DEFAULT_MINUTES, SILENCE_MAX_MINUTES } from "@/components/alerts/silence";

export type ReasonRequest = { kind: "resolve" | "silence"; alert: AlertView };

const SUGGESTIONS = {
  resolve: ["Patient reviewed, treated", "False alarm (artefact, probe off)", "Expected for this patient", "Patient transferred"],
  silence: ["Patient being repositioned", "Procedure in progress", "Clinician at the bedside", "Probe being replaced"],
} as const;

const MINUTE_OPTIONS = SILENCE_CHOICES.map((m) => ({ value: String(m), label: `${m} min` }));

export function ReasonDialog({
  request,
  error,
  onCancel,
  onSubmit,
}: {
  request: ReasonRequest | null;
  error: string | null;
  onCancel: () => void;
  onSubmit: (reason: string, minutes: number) => Promise<boolean>;
}) {
  const [submitting, setSubmitting] = useState(false);
  const title = request?.kind === "silence" ? "Silence alert" : "Resolve alert";
  return (
    <Dialog title={title} open={request !== null} onClose={onCancel} size="md">
      {request && (
        <form
          className="space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            setSubmitting(true);
            const ok = await onSubmit(String(data.get("reason") ?? "").trim(), Number(data.get("minutes") ?? 0));
            setSubmitting(false);
            if (ok) onCancel();
          }}
        >
          <p className="text-sm text-ink-muted">
            {request.alert.patientName ?? "No patient"}
            {request.alert.bedLabel ? ` · Bed ${request.alert.bedLabel}` : ""} · {request.alert.message}
          </p>
          {request.kind === "silence" && (
            <p className="text-sm text-ink-muted">
              The sound pauses; the alert stays on screen and still escalates until someone acknowledges it.
            </p>
          )}
          <label className="block text-sm">
            <span className="mb-1 block font-semibold">Reason</span>
            <Input name="reason" required maxLength={500} autoFocus list={`reasons-${request.kind}`} look="dialog" width="w-full" />
            <datalist id={`reasons-${request.kind}`}>
              {SUGGESTIONS[request.kind].map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </label>
          {request.kind === "silence" && (
            <label className="block text-sm">
              <span className="mb-1 block font-semibold">For</span>
              <Select name="minutes" defaultValue={SILENCE_DEFAULT_MINUTES} options={MINUTE_OPTIONS} look="dialog" />
              <span className="ml-2 text-ink-muted">at most {SILENCE_MAX_MINUTES} minutes</span>
            </label>
          )}
          {error && (
            <p role="alert" className="text-sm text-alarm-medium">
              {error}
            </p>
          )}
          <div className="flex justify-end gap-2 pt-1">
            <button
              type="button"
              onClick={onCancel}
              className="rounded border border-line-strong px-3 py-1.5 text-sm hover:bg-panel-raised"
            >
              Cancel
            </button>
            <button
              type="submit"
              disabled={submitting}
              className="rounded bg-accent px-3 py-1.5 text-sm font-semibold text-canvas disabled:opacity-50"
            >
              {submitting ? "Saving…" : request.kind === "silence" ? "Silence" : "Resolve"}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
