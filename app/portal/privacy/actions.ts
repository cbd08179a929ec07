"use server";
// Server actions of the patient's privacy page: record a consent decision (the same rule as PUT
// /api/v1/me/consents, channel "portal") and ask for erasure (as POST /api/v1/me/erasure-request).
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { Refusal } from "@/lib/errors/refusal";
import { recordConsent } from "@/lib/consent/consents";
import { CONSENT_PURPOSES } from "@/lib/consent/consent-purposes";
import { requestErasure } from "@/lib/data-rights/erasure-requests";
import type { Principal } from "@/lib/auth/principal";

const PATIENT = ["patient"] as const;

function ownPatient(p: Principal): string {
  if (!p.patientId) throw new Refusal("forbidden", "this account is not linked to a patient record");
  return p.patientId;
}

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
      ownPatient(principal),
      { ...input, channel: "portal" },
      { actor: principal, meta, userId: principal.userId },
    );
    return { consent };
  },
);

export const requestErasureAction = safeAction(
  { roles: PATIENT, input: z.object({ note: z.string().trim().max(1000, "at most 1000 characters").optional() }) },
  async ({ principal, input, meta }) => {
    const request = await requestErasure(ownPatient(principal), input.note || null, { actor: principal, meta, userId: principal.userId });
    return { status: request.status };
  },
);
