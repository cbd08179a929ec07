import { z } from "zod";
import { requireOwnPatient } from "@/lib/auth/own-patient";
import { apiRoute } from "@/lib/http/api-route";
import { getDatabase } from "@/lib/db/database";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { currentConsents, recordConsent } from "@/lib/consent/consents";
import { CONSENT_INFO, CONSENT_PURPOSES, CONSENT_TEXT_VERSION } from "@/lib/consent/consent-purposes";

export const dynamic = "force-dynamic";

const putBody = z
  .object({
    purpose: z.enum(CONSENT_PURPOSES, { error: `must be one of: ${CONSENT_PURPOSES.join(", ")}` }),
    granted: z.boolean({ error: "must be true or false" }),
  })
  .strict();

/** GET → {textVersion, consents: [{purpose, label, text, granted, source, textVersion, channel, recordedAt}]} (the signed-in patient's). */
export const GET = apiRoute({ roles: ["patient"] }, async ({ principal, meta }) => {
  const patientId = requireOwnPatient(principal);
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
  const patientId = requireOwnPatient(principal);
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
