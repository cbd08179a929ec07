import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { Refusal } from "@/lib/errors/refusal";
import { getDatabase } from "@/lib/db/database";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { currentConsents, recordConsent } from "@/lib/consent/consents";
import { CONSENT_INFO, CONSENT_PURPOSES, CONSENT_TEXT_VERSION } from "@/lib/consent/consent-purposes";
import type { Principal } from "@/lib/auth/principal";

export const dynamic = "force-dynamic";

const putBody = z
  .object({
    purpose: z.enum(CONSENT_PURPOSES, { error: `must be one of: ${CONSENT_PURPOSES.join(", ")}` }),
    granted: z.boolean({ error: "must be true or false" }),
  })
  .strict();

function ownPatient(p: Principal): string {
  if (!p.patientId) throw new Refusal("forbidden", "this account is not linked to a patient record");
  return p.patientId;
}

/** GET → {textVersion, consents: [{purpose, label, text, granted, source, textVersion, channel, recordedAt}]} (the signed-in patient's). */
export const GET = apiRoute({ roles: ["patient"] }, async ({ principal, meta }) => {
  const patientId = ownPatient(principal);
  const { sql } = await getDatabase();
  const consents = await currentConsents(sql, patientId);
  await recordPatientReads(principal, "consent.read", [patientId], meta);
  return {
    textVersion: CONSENT_TEXT_VERSION,
    consents: consents.map((c) => ({ ...c, label: CONSENT_INFO[c.purpose].label, text: CONSENT_INFO[c.purpose].text })),
  };
});

/** PUT {purpose, granted} → {consent}: takes effect at once (AI features, research exports). */
export const PUT = apiRoute({ roles: ["patient"], body: putBody, fieldsIn: "body" }, async ({ principal, body, meta }) => {
  const patientId = ownPatient(principal);
  const consent = await recordConsent(
    patientId,
    { ...body, channel: principal.via === "token" ? "api" : "portal" },
    {
      actor: principal,
      meta,
      userId: principal.userId,
    },
  );
  return { consent };
});
