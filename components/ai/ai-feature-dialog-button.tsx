"use client";
// A clinical AI feature behind a button that opens a dialog and asks at once (alert queue rows, the
// ward toolbar): the decision-support panel inside, closed with Escape or Close. Clicks inside do not
// reach the row under it (which would select it). The panel (the answer view) loads when the dialog first
// opens (React.lazy), so the alert queue and the ward carry none of its code until someone asks.
import { lazy, Suspense, useState } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { alertAiFeature, FEATURE_TITLES, type FeatureKind } from "./feature-outcome";
import { useHydrated } from "./use-hydrated";

const DecisionSupportPanel = lazy(() => import("./decision-support-panel").then((m) => ({ default: m.DecisionSupportPanel })));

type Props = {
  feature: FeatureKind;
  subjectId: string;
  label: string;
  /** The dialog's title; the feature's own by default. */
  title?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
};

export function AiFeatureDialogButton({ feature, subjectId, label, title, variant = "secondary", size }: Props) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  return (
    <span onClick={(e) => e.stopPropagation()} className="contents">
      <Button variant={variant} size={size} onClick={() => setOpen(true)} disabled={!hydrated} data-testid={`ai-open-${feature}`}>
        {label}
      </Button>
      <Dialog title={title ?? FEATURE_TITLES[feature]} open={open} onClose={() => setOpen(false)}>
        <Suspense fallback={<p className="text-sm text-ink-muted">Loading…</p>}>
          <DecisionSupportPanel feature={feature} subjectId={subjectId} label={label} autoRun />
        </Suspense>
        <div className="mt-4 flex justify-end">
          <Button variant="quiet" onClick={() => setOpen(false)}>
            Close
          </Button>
        </div>
      </Dialog>
    </span>
  );
}

export function AlertAiButton({
  alert,
  maintains,
}: {
  alert: { id: string; patientId: string | null; deviceId: string | null };
  maintains: boolean;
}) {
  const feature = alertAiFeature(alert, maintains);
  if (!feature) return null;
  return (
    <AiFeatureDialogButton
      feature={feature}
      subjectId={alert.id}
      size="xs"
      label={feature === "alert" ? "Explain" : "Maintenance explanation"}
      title={feature === "alert" ? "Explain this alert" : "Maintenance explanation"}
    />
  );
}
