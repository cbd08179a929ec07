"use client";
// Preview: what a version would send for a sample subject (a sample patient by default), rendered and
// de-identified exactly as a call would, with the redaction receipt, the data parameters read, the
// input tokens and the budget reservation; the model is not called.
import { useState, useTransition } from "react";
import { describeParameters, describeRedactions } from "@/components/ai/feature-outcome";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { AiFeature, PreviewResult, PreviewSubject, PromptDetail } from "@/lib/ai/service-types";
import { previewVersionAction } from "./actions";

/** What the prompt's feature reads about, as the preview asks for it. */
const SUBJECT: Record<AiFeature, { key: keyof PreviewSubject; label: string }> = {
  "handover-summary": { key: "patientId", label: "Patient id" },
  "alert-explanation": { key: "alertId", label: "Alert id" },
  "ward-brief": { key: "wardId", label: "Ward id" },
  "maintenance-explanation": { key: "alertId", label: "Equipment alert id" },
};

export function PreviewPanel({ prompt }: { prompt: PromptDetail }) {
  const subject = SUBJECT[prompt.feature ?? "handover-summary"];
  const options = [...prompt.versions]
    .sort((a, b) => b.version - a.version)
    .map((v) => ({ value: String(v.version), label: v.labels.length ? `v${v.version} (${v.labels.join(", ")})` : `v${v.version}` }));
  const [version, setVersion] = useState(options[0]?.value ?? "");
  const [subjectId, setSubjectId] = useState("");
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const preview = () =>
    startTransition(async () => {
      const res = await previewVersionAction({
        name: prompt.name,
        version: Number(version),
        subject: subjectId.trim() ? { [subject.key]: subjectId.trim() } : {},
      });
      if (res.ok) {
        setResult(res.data);
        setError(null);
      } else {
        setResult(null);
        setError(res.error);
      }
    });

  return (
    <div className="mt-2 space-y-3" data-testid="prompt-preview">
      <div className="flex flex-wrap items-end gap-3">
        <Field id="preview-version" label="Version">
          <Select
            id="preview-version"
            value={version}
            options={options}
            onChange={(e) => setVersion(e.target.value)}
            look="filter"
            className="mt-1"
          />
        </Field>
        <Field id="preview-subject" label={`${subject.label} (blank: a sample)`}>
          <Input
            id="preview-subject"
            value={subjectId}
            onChange={(e) => setSubjectId(e.target.value)}
            look="filter"
            width="w-72"
            className="mt-1"
          />
        </Field>
        <Button variant="primary" onClick={preview} disabled={pending || !version}>
          {pending ? "Rendering…" : "Preview"}
        </Button>
      </div>
      {error && <FormMessage>{error}</FormMessage>}
      {result && (
        <div className="space-y-2">
          <p className="text-sm text-ink-muted">
            Version {result.version} on <span className="font-mono text-ink">{result.model}</span>: {result.inputTokens} input tokens, up to{" "}
            {result.maxTokens} output tokens, reserving ${result.reservationUsd.toFixed(6)} against the budgets. Data read:{" "}
            {describeParameters(result.parametersUsed)}.
          </p>
          <p className="text-sm" data-testid="redaction-receipt">
            <span className="font-semibold">Redaction receipt:</span> {describeRedactions(result.redactions)}
          </p>
          {result.messages.map((m, i) => (
            <section key={i} className="rounded border border-line bg-canvas">
              <header className="border-b border-line px-3 py-1 font-mono text-xs text-ink-muted">{m.role}</header>
              <pre className="max-h-96 overflow-y-auto px-3 py-2 font-mono text-xs break-words whitespace-pre-wrap">{m.content}</pre>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
