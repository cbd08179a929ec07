// lib/ai/features owns the governed call path the clinical AI features run through:
//   production version of the feature's prompt → subject in the caller's scope (else logged
//   blocked_scope, 403) → parameters resolved and de-identified, prompt rendered, final pass → worst case
//   reserved against every applicable budget in one transaction with the call's log row (else logged
//   blocked_budget, 429) → the model (timeout → logged error, 503) → the answer with pseudonyms mapped
//   back for the clinician, while the call is settled to its real cost and soft thresholds are notified
//   once per period (lib/ai/budgets/settlements: after the answer, never above the reservation).
import "server-only";
import crypto from "node:crypto";
import type { Principal, Role } from "@/lib/auth/principal";
import { Refusal } from "@/lib/errors/refusal";
import { getDatabase } from "@/lib/db/database";
import type { Sql } from "@/lib/db/sql";
import { recordAudit } from "@/lib/audit/record-audit";
import { callModel } from "@/lib/ai/model/call-model";
import { ModelCallError } from "@/lib/ai/model/errors";
import { costOfUsage } from "@/lib/ai/costs/cost";
import { reidentify } from "@/lib/ai/deidentify/deidentify";
import { loadSubject, type LoadedSubject } from "@/lib/ai/parameters/subject";
import { reserveAndLog, logRefusedCall, type NewCall } from "@/lib/ai/budgets/reserve";
import { settleCall, type CallOutcome } from "@/lib/ai/budgets/settle";
import { notifySoftThreshold } from "@/lib/ai/budgets/soft-notify";
import { settleInBackground } from "@/lib/ai/budgets/settlements";
import { readContentLogging } from "@/lib/ai/calls/content-logging";
import { modelRuntime, type ModelRuntime } from "@/lib/ai/runtime/model-runtime";
import type { StoredVersion } from "@/lib/ai/vault/stored-version";
import { productionVersion } from "@/lib/ai/vault/production-cache";
import type { AiActor } from "@/lib/ai/actor";
import type { AiFeature, ContentLogging, FeatureResult, ParameterSubject } from "@/lib/ai/service-types";
import { consentRefusal } from "@/lib/consent/consents";
import { prepareCall, type PreparedCall } from "./prepare-call";
import { stageClock, type CallStage } from "./call-stages";
import { readPatientParametersEarly } from "@/lib/ai/parameters/resolve-parameters";

export type FeatureSpec = {
  feature: AiFeature;
  prompt: string;
  roles: readonly Role[];
  subject: ParameterSubject;
  /** A further rule on who may run it for this subject (the ward brief: the charge nurse on duty); throws a forbidden Refusal. */
  mayRun?: (q: Pick<Sql, "query">, principal: Principal, subjectId: string, at: Date) => Promise<void>;
};

const DAY_MS = 86_400_000;

function baseCall(id: string, now: Date, spec: FeatureSpec, actor: AiActor, version: StoredVersion | null): NewCall {
  return {
    id,
    at: now,
    feature: spec.feature,
    promptName: spec.prompt,
    promptVersion: version?.version ?? null,
    model: version?.model ?? null,
    demo: false,
    userId: actor.principal.userId,
    patientId: null,
    subject: null,
    parameters: [],
    redactions: {},
    inputTokens: 0,
  };
}

/** The feature's roles; a patient only when an admin made the prompt patient-facing (off by default). */
async function checkAudience(actor: AiActor, spec: FeatureSpec): Promise<StoredVersion> {
  const role = actor.principal.role;
  if (!spec.roles.includes(role) && role !== "patient") throw new Refusal("forbidden", `role "${role}" may not use ${spec.feature}`);
  const version = await productionVersion(spec.prompt);
  if (!spec.roles.includes(role) && !version.patientFacing) throw new Refusal("forbidden", `role "${role}" may not use ${spec.feature}`);
  return version;
}

type AdmittedCall = {
  version: StoredVersion;
  sql: Sql;
  runtime: ModelRuntime;
  now: Date;
  loaded: LoadedSubject;
  prepared: PreparedCall;
  logging: ContentLogging;
};

/**
 * Everything before the model: audience, scope and consent, the parameters read and composed, the budgets
 * reserved with the log row. Its own function so that what only this part needs (the parameters' raw
 * values above all) is garbage once it returns, not held by the caller's frame while the model works.
 */
async function admitCall(
  actor: AiActor,
  spec: FeatureSpec,
  subjectId: string,
  callId: string,
  lap: (s: CallStage) => void,
): Promise<AdmittedCall> {
  const version = await checkAudience(actor, spec);
  const db = await getDatabase();
  const runtime = modelRuntime();
  const now = new Date();
  // A patient's parameter reads run beside loading and checking the subject; they are used only if it passes.
  const early = spec.subject === "patient" ? readPatientParametersEarly(db.sql, subjectId, version.parameters, now) : null;
  let loaded: LoadedSubject;
  try {
    loaded = await loadSubject(db.sql, actor.principal, spec.subject, subjectId);
    await spec.mayRun?.(db.sql, actor.principal, subjectId, now);
    // A patient who withdrew consent to AI processing is refused at once, whoever asks (lib/consent); the
    // consent is read with the subject.
    if (loaded.subject.patientId && !loaded.aiConsent) throw consentRefusal("ai_processing");
  } catch (err) {
    if (err instanceof Refusal && err.kind === "forbidden") {
      await logRefusedCall(
        db.sql,
        { ...baseCall(callId, now, spec, actor, version), subject: `${spec.subject}:${subjectId}` },
        "blocked_scope",
        err.message,
      );
    }
    throw err;
  }
  lap("scope");
  const prepared = await prepareCall(db.sql, actor.principal, version, loaded, runtime, now, spec.feature, early);
  lap("prepare");
  const call: NewCall = {
    ...baseCall(callId, now, spec, actor, version),
    model: prepared.model,
    demo: runtime.client.demo,
    patientId: loaded.subject.patientId,
    subject: `${spec.subject}:${subjectId}`,
    parameters: prepared.uses,
    redactions: prepared.receipt as Record<string, number>,
    inputTokens: prepared.inputTokens,
  };
  const [reserved, logging] = await Promise.all([reserveAndLog(db.sql, call, prepared.reservationNusd), readContentLogging()]);
  if (!reserved.ok) throw new Refusal("rate_limited", reserved.message, { retryAfterSec: reserved.retryAfterSec });
  lap("reserve");
  return { version, sql: db.sql, runtime, now, loaded, prepared, logging };
}

export async function runFeature(actor: AiActor, spec: FeatureSpec, subjectId: string): Promise<FeatureResult> {
  const callId = crypto.randomUUID();
  const lap = stageClock(callId);
  const { version, sql, runtime, now, loaded, prepared, logging } = await admitCall(actor, spec, subjectId, callId, lap);

  // The patient's data is on its way out from here: the audit row is written while the model works (it
  // costs the caller nothing), and also when the model then fails.
  const audited = loaded.subject.patientId
    ? recordAudit([
        {
          actor: actor.principal,
          action: `ai.${spec.feature}`,
          patientId: loaded.subject.patientId,
          meta: actor.meta,
          detail: { callId, prompt: spec.prompt, version: version.version, parameters: prepared.uses },
        },
      ])
    : Promise.resolve();
  // Awaited after the model; marked handled now so a failure while the model works is not "unhandled".
  audited.catch(() => undefined);
  const keep = (response: string | null) =>
    logging.enabled
      ? { content: { messages: prepared.messages, response }, contentExpiresAt: new Date(now.getTime() + logging.retentionDays * DAY_MS) }
      : { content: null, contentExpiresAt: null };
  let outcome: CallOutcome;
  let text = "";
  const t0 = performance.now();
  try {
    const answer = await callModel(runtime.client, {
      model: prepared.model,
      messages: prepared.messages,
      temperature: version.params.temperature,
      maxTokens: prepared.maxTokens,
      responseFormat: version.params.responseFormat,
    });
    text = answer.text;
    outcome = {
      status: "ok",
      model: answer.model,
      inputTokens: answer.usage.promptTokens,
      cachedTokens: answer.usage.cachedTokens,
      outputTokens: answer.usage.completionTokens,
      costNusd: costOfUsage(answer.usage, prepared.price),
      latencyMs: answer.latencyMs,
      error: null,
      ...keep(answer.text),
    };
  } catch (err) {
    const e = err instanceof ModelCallError ? err : new ModelCallError("upstream", "The AI model call failed", { cause: err });
    // A timed-out call may still be billed by the provider: it is settled at its worst case; other failures at zero.
    outcome = {
      status: "error",
      model: prepared.model,
      inputTokens: e.kind === "timeout" ? prepared.inputTokens : 0,
      cachedTokens: 0,
      outputTokens: e.kind === "timeout" ? prepared.maxTokens : 0,
      costNusd: e.kind === "timeout" ? prepared.reservationNusd : 0,
      latencyMs: Math.round(performance.now() - t0),
      error: e.message,
      ...keep(null),
    };
    lap("model");
    settleInBackground(finish(sql, callId, outcome));
    await audited;
    lap("audit");
    throw new Refusal("unavailable", e.message);
  }
  lap("model");
  settleInBackground(finish(sql, callId, outcome));
  // The answer is shown only once the patient's data leaving is on the audit record.
  await audited;
  lap("audit");
  const patient = loaded.patient;
  const shown = reidentify(text, prepared.pseudonyms, (t) =>
    t.kind === "device" ? t.id : patient && t.id === patient.id ? `${patient.givenNames.join(" ")} ${patient.familyName}` : "a patient",
  );
  lap("answer");
  return {
    callId,
    text: shown,
    prompt: spec.prompt,
    promptVersion: version.version,
    model: outcome.model,
    demo: runtime.client.demo,
    parametersUsed: prepared.uses,
    redactions: prepared.receipt as Record<string, number>,
  };
}

async function finish(sql: Sql, callId: string, outcome: CallOutcome): Promise<void> {
  const crossings = await settleCall(sql, callId, outcome);
  for (const c of crossings) {
    await notifySoftThreshold(sql, c).catch((err: Error) => console.error(`[ai] soft-threshold notification failed: ${err.message}`));
  }
}
