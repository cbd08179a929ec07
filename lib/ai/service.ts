// The AI service surface: the one set of functions the admin pages (server actions, loaders), the feature
// buttons and the REST routes call. Each takes the caller (`AiActor`: the signed-in Principal and the
// request's metadata for the audit trail), checks the role and the caller's scope itself, and throws a
// Refusal (lib/errors) naming the field and the reason. Types: lib/ai/service-types.ts (client-safe).
import "server-only";
import { requireAdmin, type AiActor } from "./actor";
import { diffPromptVersions } from "./prompts/diff";
import { parameterInfos } from "./parameters/registry";
import * as vault from "./vault/vault-store";
import { previewPromptVersion, FEATURE_SPECS } from "./features/features";
import { runFeature } from "./features/run-feature";
import { isChargeNurseOnDuty } from "./features/charge-nurse";
import { getDatabase } from "@/lib/db/database";
import { queryCalls, queryVersionMetrics, readCallContent, saveFeedback, toCsv } from "./calls/call-log";
import { readContentLogging, writeContentLogging } from "./calls/content-logging";
import { dailySpend, monthToDateSpend, spendForecast } from "./calls/spend";
import { addPrice, listPriceViews } from "./budgets/price-store";
import { listBudgetViews, saveBudget } from "./budgets/budget-store";
import { settlementsLanded } from "./budgets/settlements";
import { HOW_TO_CONFIGURE, modelRuntime } from "./runtime/model-runtime";
import type {
  AiStatus,
  BudgetView,
  CallContent,
  CallFilter,
  CallView,
  ContentLogging,
  CreateVersionInput,
  DailySpendRow,
  Feedback,
  FeatureResult,
  LabelMove,
  MonthToDate,
  MovableLabel,
  ParameterInfo,
  PreviewResult,
  PreviewSubject,
  PriceView,
  PromptDetail,
  PromptSummary,
  PromptVersionView,
  SetBudgetInput,
  SetPriceInput,
  SpendForecast,
  VersionDiff,
  VersionMetrics,
} from "./service-types";

export type * from "./service-types";
export { AI_FEATURES, CALL_STATUSES, MOVABLE_LABELS, PROMPT_LABELS } from "./service-types";

export type { AiActor } from "./actor";
export { startAi } from "./start-ai";
export { settlementsLanded } from "./budgets/settlements";

// ---- status ----
export async function aiStatus(): Promise<AiStatus> {
  const { client } = modelRuntime();
  return {
    demo: client.demo,
    endpoint: client.demo ? "built-in demo model" : client.baseURL,
    timeoutMs: client.timeoutMs,
    howToConfigure: HOW_TO_CONFIGURE,
  };
}

// ---- prompt vault (admins) ----
export async function listPrompts(actor: AiActor): Promise<PromptSummary[]> {
  requireAdmin(actor);
  return vault.listPromptSummaries();
}
export async function getPrompt(actor: AiActor, name: string): Promise<PromptDetail> {
  requireAdmin(actor);
  return vault.getPromptDetail(name);
}
/** Saves a new immutable version; an `invalid` Refusal names each unknown variable and non-allow-listed parameter. */
export async function createPromptVersion(actor: AiActor, name: string, input: CreateVersionInput): Promise<{ version: number }> {
  requireAdmin(actor);
  return vault.createVersion(actor, name, input);
}
/** Four eyes: an admin other than the author approves (the author gets a `forbidden` Refusal). */
export async function approveVersion(actor: AiActor, name: string, version: number): Promise<PromptVersionView> {
  requireAdmin(actor);
  return vault.approve(actor, name, version);
}
/** Promote / roll back: moves `production` or `staging`; production needs an approved version (`conflict`). Audited. */
export async function moveLabel(actor: AiActor, name: string, label: MovableLabel, version: number): Promise<LabelMove> {
  requireAdmin(actor);
  return vault.moveLabel(actor, name, label, version);
}
export async function diffVersions(actor: AiActor, name: string, from: number, to: number): Promise<VersionDiff> {
  requireAdmin(actor);
  const [a, b] = await Promise.all([vault.getStoredVersion(name, from), vault.getStoredVersion(name, to)]);
  return diffPromptVersions(a, b);
}
/** What the version would send for a sample subject (the first patient by default), de-identified, without calling the model. */
export async function previewVersion(actor: AiActor, name: string, version: number, subject?: PreviewSubject): Promise<PreviewResult> {
  requireAdmin(actor);
  return previewPromptVersion(actor, name, version, subject);
}
/** Lets patients see the prompt's output (off by default). */
export async function setPatientFacing(actor: AiActor, name: string, enabled: boolean): Promise<void> {
  requireAdmin(actor);
  return vault.setPatientFacing(actor, name, enabled);
}

// ---- parameters ----
export async function listParameters(actor: AiActor): Promise<ParameterInfo[]> {
  requireAdmin(actor);
  return parameterInfos();
}

// ---- call log (admins); readers of settled figures wait for this process's settlements in flight ----
export async function listCalls(actor: AiActor, filter: CallFilter = {}): Promise<CallView[]> {
  requireAdmin(actor);
  await settlementsLanded();
  return queryCalls(filter);
}
export async function versionMetrics(actor: AiActor, filter: CallFilter = {}): Promise<VersionMetrics[]> {
  requireAdmin(actor);
  await settlementsLanded();
  return queryVersionMetrics(filter);
}
export async function callsCsv(actor: AiActor, filter: CallFilter = {}): Promise<string> {
  requireAdmin(actor);
  await settlementsLanded();
  return toCsv(await queryCalls({ ...filter, limit: filter.limit ?? 5000 }));
}
export async function getCallContent(actor: AiActor, callId: string): Promise<CallContent | null> {
  requireAdmin(actor);
  await settlementsLanded();
  return readCallContent(callId);
}
export async function getContentLogging(actor: AiActor): Promise<ContentLogging> {
  requireAdmin(actor);
  return readContentLogging();
}
export async function setContentLogging(actor: AiActor, input: ContentLogging): Promise<ContentLogging> {
  requireAdmin(actor);
  return writeContentLogging(actor, input);
}

// ---- costs (admins) ----
export async function listPrices(actor: AiActor): Promise<PriceView[]> {
  requireAdmin(actor);
  return listPriceViews();
}
export async function setPrice(actor: AiActor, input: SetPriceInput): Promise<PriceView> {
  requireAdmin(actor);
  return addPrice(actor, input);
}
export async function listBudgets(actor: AiActor): Promise<BudgetView[]> {
  requireAdmin(actor);
  await settlementsLanded();
  return listBudgetViews();
}
export async function setBudget(actor: AiActor, input: SetBudgetInput): Promise<BudgetView> {
  requireAdmin(actor);
  return saveBudget(actor, input);
}
export async function spendByDay(actor: AiActor, range: { from: Date; to: Date }): Promise<DailySpendRow[]> {
  requireAdmin(actor);
  await settlementsLanded();
  return dailySpend(range.from, range.to);
}
export async function monthToDate(actor: AiActor, now = new Date()): Promise<MonthToDate> {
  requireAdmin(actor);
  await settlementsLanded();
  return monthToDateSpend(now);
}
export async function forecast(actor: AiActor, now = new Date()): Promise<SpendForecast> {
  requireAdmin(actor);
  await settlementsLanded();
  return spendForecast(now);
}

// ---- features (clinicians in scope; biomed for maintenance; patients only for a patient-facing prompt) ----
export async function runHandover(actor: AiActor, patientId: string): Promise<FeatureResult> {
  return runFeature(actor, FEATURE_SPECS["handover-summary"], patientId);
}
export async function explainAlert(actor: AiActor, alertId: string): Promise<FeatureResult> {
  return runFeature(actor, FEATURE_SPECS["alert-explanation"], alertId);
}
/** Whether to offer the ward brief: the ward's charge nurse on duty, and admins. */
export async function mayAskWardBrief(actor: AiActor, wardId: string, at = new Date()): Promise<boolean> {
  const { sql } = await getDatabase();
  return isChargeNurseOnDuty(sql, actor.principal, wardId, at);
}
export async function wardBrief(actor: AiActor, wardId: string): Promise<FeatureResult> {
  return runFeature(actor, FEATURE_SPECS["ward-brief"], wardId);
}
/** For biomed (and admins) on a device's equipment alarm. */
export async function explainMaintenance(actor: AiActor, alertId: string): Promise<FeatureResult> {
  return runFeature(actor, FEATURE_SPECS["maintenance-explanation"], alertId);
}
/** The clinician who made the call (or an admin) says whether it was useful. */
export async function recordFeedback(actor: AiActor, callId: string, feedback: Feedback): Promise<void> {
  await settlementsLanded();
  return saveFeedback(actor.principal, callId, feedback);
}
