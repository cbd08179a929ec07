"use server";
// Server actions of the clinical AI features, shared by the pages that place their buttons (patient,
// alert queue, ward): run a feature on its subject (patient, alert, ward, equipment alert) and record the
// clinician's feedback. The AI service checks the caller's role and scope; its refusals are kept by
// kind (budget, not allowed, model unavailable) so the panel can say what happened.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import {
  explainAlert,
  explainMaintenance,
  recordFeedback,
  runHandover,
  wardBrief,
  type AiActor,
  type FeatureResult,
} from "@/lib/ai/service";
import { Refusal } from "@/lib/errors/refusal";
import { FEATURE_KINDS, FEATURE_ROLES, refusedOutcome, UNEXPECTED_FAILURE, type FeatureKind, type FeatureOutcome } from "./feature-outcome";

const RUN: Record<FeatureKind, (actor: AiActor, subjectId: string) => Promise<FeatureResult>> = {
  handover: runHandover,
  alert: explainAlert,
  ward: wardBrief,
  maintenance: explainMaintenance,
};

const ANY_FEATURE_ROLE = [...new Set(Object.values(FEATURE_ROLES).flat())];

export const runAiFeatureAction = safeAction(
  {
    roles: ANY_FEATURE_ROLE,
    input: z.object({ feature: z.enum(FEATURE_KINDS), subjectId: z.string().trim().min(1, "must not be empty").max(100) }),
  },
  async ({ principal, input, meta }): Promise<FeatureOutcome> => {
    if (!FEATURE_ROLES[input.feature].includes(principal.role)) return refusedOutcome("forbidden", "role");
    try {
      return { ok: true, result: await RUN[input.feature]({ principal, meta }, input.subjectId) };
    } catch (err) {
      if (err instanceof Refusal) return refusedOutcome(err.kind, err.reason);
      console.error("[ai] feature failed:", err);
      return UNEXPECTED_FAILURE;
    }
  },
);

export const recordAiFeedbackAction = safeAction(
  {
    roles: ANY_FEATURE_ROLE,
    input: z.object({ callId: z.string().min(1).max(100), useful: z.boolean(), comment: z.string().trim().max(500).optional() }),
    wording: { failed: "Feedback not recorded", unavailable: "This AI answer is not available to you." },
  },
  async ({ principal, input, meta }) => {
    await recordFeedback({ principal, meta }, input.callId, { useful: input.useful, comment: input.comment || undefined });
    return { useful: input.useful };
  },
);
