"use client";
// The clinical AI features' one panel: a button that asks for the feature on its subject, then the
// answer labelled "Decision support" with its provenance (prompt version, model, the data parameters
// it was given and what was removed before it left), the demo-model notice when the built-in template
// answered, and useful / not useful feedback. Refusals read plainly: budget spent, not allowed, model
// unavailable.
import { useEffect, useRef, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { recordAiFeedbackAction, runAiFeatureAction } from "./feature-actions";
import {
  DEMO_NOTICE,
  describeParameters,
  describeRedactions,
  FEATURE_TITLES,
  type FeatureKind,
  type FeatureOutcome,
} from "./feature-outcome";

async function askFeature(feature: FeatureKind, subjectId: string): Promise<FeatureOutcome> {
  const res = await runAiFeatureAction({ feature, subjectId });
  return res.ok ? res.data : { ok: false, kind: "failed", message: res.error };
}

type Props = {
  feature: FeatureKind;
  subjectId: string;
  /** The button's text, e.g. "Handover summary". */
  label: string;
  /** Ask at once when shown (inside a dialog opened for it). */
  autoRun?: boolean;
};

export function DecisionSupportPanel({ feature, subjectId, label, autoRun = false }: Props) {
  const [outcome, setOutcome] = useState<FeatureOutcome | null>(null);
  const [pending, startTransition] = useTransition();
  const autoRan = useRef(false);

  const run = () => startTransition(async () => setOutcome(await askFeature(feature, subjectId)));
  useEffect(() => {
    if (!autoRun || autoRan.current) return;
    autoRan.current = true;
    startTransition(async () => setOutcome(await askFeature(feature, subjectId)));
  }, [autoRun, feature, subjectId]);

  return (
    <section aria-label={`Decision support: ${FEATURE_TITLES[feature]}`} data-testid={`ai-panel-${feature}`} className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={run} disabled={pending}>
          {pending ? "Asking the model…" : outcome?.ok ? `${label} again` : label}
        </Button>
        <span className="text-xs text-ink-muted">Decision support from de-identified data; check it against the chart.</span>
      </div>
      {outcome && !outcome.ok && (
        <FormMessage className="rounded border border-alarm-high/40 px-3 py-2">
          <span data-testid="ai-refusal" data-kind={outcome.kind}>
            {outcome.message}
          </span>
        </FormMessage>
      )}
      {outcome?.ok && <FeatureAnswer outcome={outcome} feature={feature} />}
    </section>
  );
}

function FeatureAnswer({ outcome, feature }: { outcome: FeatureOutcome & { ok: true }; feature: FeatureKind }) {
  const r = outcome.result;
  return (
    <article
      className="rounded-lg border border-line bg-panel p-4"
      data-testid="ai-answer"
      data-call-id={r.callId}
      data-demo={r.demo || undefined}
    >
      <header className="flex flex-wrap items-center gap-2">
        <Badge tone="outline-accent">Decision support</Badge>
        <h3 className="font-semibold">{FEATURE_TITLES[feature]}</h3>
      </header>
      {r.demo && (
        <p className="mt-2 rounded border border-alarm-medium/50 px-3 py-1.5 text-sm text-alarm-medium" data-testid="ai-demo-notice">
          {DEMO_NOTICE}
        </p>
      )}
      <div className="mt-3 text-sm leading-6 whitespace-pre-wrap" data-testid="ai-text">
        {r.text}
      </div>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-ink-muted">
        <dt>Prompt</dt>
        <dd data-testid="ai-prompt-version">
          <span className="font-mono text-ink">{r.prompt}</span> version {r.promptVersion}
        </dd>
        <dt>Model</dt>
        <dd className="font-mono text-ink">{r.model}</dd>
        <dt>Data given</dt>
        <dd data-testid="ai-parameters">{describeParameters(r.parametersUsed)}</dd>
        <dt>Removed before sending</dt>
        <dd>{describeRedactions(r.redactions)}</dd>
      </dl>
      <FeedbackButtons callId={r.callId} />
    </article>
  );
}

function FeedbackButtons({ callId }: { callId: string }) {
  const [given, setGiven] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const send = (useful: boolean) =>
    startTransition(async () => {
      const res = await recordAiFeedbackAction({ callId, useful });
      if (res.ok) {
        setGiven(useful);
        setError(null);
      } else setError(res.error);
    });
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2 border-t border-line pt-3 text-sm">
      <span className="text-ink-muted">Was this useful?</span>
      <Button
        size="xs"
        variant={given === true ? "primary" : "secondary"}
        aria-pressed={given === true}
        disabled={pending}
        onClick={() => send(true)}
      >
        Useful
      </Button>
      <Button
        size="xs"
        variant={given === false ? "primary" : "secondary"}
        aria-pressed={given === false}
        disabled={pending}
        onClick={() => send(false)}
      >
        Not useful
      </Button>
      {given !== null && (
        <FormMessage ok size="xs">
          Thank you: recorded as {given ? "useful" : "not useful"}.
        </FormMessage>
      )}
      {error && <FormMessage size="xs">{error}</FormMessage>}
    </div>
  );
}
