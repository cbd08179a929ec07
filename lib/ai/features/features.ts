// The four clinical AI features, each a spec for the governed path (run-feature.ts), and the preview an
// admin runs on any version against a sample subject: exactly what would leave, without calling the model.
import "server-only";
import { ALERT_ROLES, CLINICAL_ROLES } from "@/lib/auth/principal";
import { getDatabase } from "@/lib/db/database";
import { recordAudit } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import { nanoToUsd } from "@/lib/ai/costs/money";
import { loadSubject } from "@/lib/ai/parameters/subject";
import { modelRuntime } from "@/lib/ai/runtime/model-runtime";
import { getStoredVersion } from "@/lib/ai/vault/vault-store";
import type { AiActor } from "@/lib/ai/actor";
import type { AiFeature, ParameterSubject, PreviewResult, PreviewSubject } from "@/lib/ai/service-types";
import { prepareCall } from "./prepare-call";
import { requireChargeNurse } from "./charge-nurse";
import type { FeatureSpec } from "./run-feature";

export const FEATURE_SPECS: Record<AiFeature, FeatureSpec> = {
  "handover-summary": { feature: "handover-summary", prompt: "handover-summary", roles: CLINICAL_ROLES, subject: "patient" },
  "alert-explanation": { feature: "alert-explanation", prompt: "alert-explanation", roles: ALERT_ROLES, subject: "alert" },
  "ward-brief": { feature: "ward-brief", prompt: "ward-brief", roles: CLINICAL_ROLES, subject: "ward", mayRun: requireChargeNurse },
  "maintenance-explanation": {
    feature: "maintenance-explanation",
    prompt: "maintenance-explanation",
    roles: ["admin", "biomed"],
    subject: "alert",
  },
};

/** The subject a prompt's feature reads about (a prompt no feature runs previews on a patient). */
function subjectKind(feature: string | null): ParameterSubject {
  return feature && feature in FEATURE_SPECS ? FEATURE_SPECS[feature as AiFeature].subject : "patient";
}

/** A sample when none is given: the first patient in a bed, the newest alert of the right kind, the first ward. */
async function sampleSubject(kind: ParameterSubject, feature: string | null, given: PreviewSubject): Promise<string> {
  const chosen = { patient: given.patientId, alert: given.alertId, ward: given.wardId, device: given.deviceId }[kind];
  if (chosen) return chosen;
  const { sql } = await getDatabase();
  const equipment = feature === "maintenance-explanation";
  const query =
    kind === "patient"
      ? `SELECT p.id FROM patients p JOIN beds b ON b.id = p.bed_id JOIN wards w ON w.id = b.ward_id ORDER BY w.code, b.label LIMIT 1`
      : kind === "alert"
        ? `SELECT id FROM alerts WHERE ${equipment ? "device_id IS NOT NULL AND patient_id IS NULL" : "patient_id IS NOT NULL"} ORDER BY raised_at DESC LIMIT 1`
        : kind === "ward"
          ? `SELECT id FROM wards ORDER BY code LIMIT 1`
          : `SELECT id FROM devices ORDER BY id LIMIT 1`;
  const [row] = await sql.query<{ id: string }>(query);
  if (!row) throw new Refusal("not_found", `no sample ${kind} to preview with; give one`, { field: `${kind}Id` });
  return row.id;
}

export async function previewPromptVersion(
  actor: AiActor,
  name: string,
  version: number,
  given: PreviewSubject = {},
): Promise<PreviewResult> {
  const db = await getDatabase();
  const prompt = await db.prisma.aiPrompt.findUnique({ where: { name }, select: { feature: true } });
  if (!prompt) throw new Refusal("not_found", `no prompt "${name}"`, { field: "name" });
  const stored = await getStoredVersion(name, version);
  const kind = subjectKind(prompt.feature);
  const id = await sampleSubject(kind, prompt.feature, given);
  const loaded = await loadSubject(db.sql, actor.principal, kind, id);
  const prepared = await prepareCall(db.sql, actor.principal, stored, loaded, modelRuntime(), new Date(), prompt.feature ?? name);
  if (loaded.subject.patientId) {
    await recordAudit([
      {
        actor: actor.principal,
        action: "ai.preview",
        patientId: loaded.subject.patientId,
        meta: actor.meta,
        detail: { prompt: name, version },
      },
    ]);
  }
  return {
    prompt: name,
    version,
    model: prepared.model,
    messages: prepared.messages,
    redactions: prepared.receipt as Record<string, number>,
    parametersUsed: prepared.uses,
    inputTokens: prepared.inputTokens,
    maxTokens: prepared.maxTokens,
    reservationUsd: nanoToUsd(prepared.reservationNusd),
  };
}
