"use server";
// Server actions of the patient's privacy page: record a consent decision (the same rule as PUT
// /api/v1/me/consents, channel "portal") and ask for erasure (as POST /api/v1/me/erasure-request).
import { requireOwnPatient } from "@/lib/auth/own-patient";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { recordConsent } from "@/lib/consent/consents";
import { CONSENT_PURPOSES } from "@/lib/consent/consent-purposes";
import { requestErasure } from "@/lib/data-rights/erasure-requests";

const PATIENT = ["patient"] as const;

export const setConsentAction = safeAction(
  {
    roles: PATIENT,
    input: z.object({
      purpose: z.enum(CONSENT_PURPOSES, { error: `must be one of: ${CONSENT_PURPOSES.join(", ")}` }),
      granted: z.boolean(),
    }),
  },
  async ({ principal, input, meta }) => {
    const consent = await recordConsent(
      requireOwnPatient(principal),
      { ...input, channel: "portal" },
      { actor: principal, meta, userId: principal.userId },
    );
    return { consent };
  },
);

export const requestErasureAction = safeAction(
  { roles: PATIENT, input: z.object({ note: z.string().trim().max(1000, "at most 1000 characters").optional() }) },
  async ({ principal, input, meta }) => {
    const request = await requestErasure(requireOwnPatient(principal), input.note || null, {
      actor: principal,
      meta,
      userId: principal.userId,
    });
    return { status: request.status };
  },
);
