// The AI service surface: the one set of functions the admin pages (server actions, loaders), the feature
// buttons and the REST routes call. Each takes the caller (`AiActor`: the signed-in Principal and the
// request's metadata for the audit trail), checks the role and the caller's scope itself, and throws a
// Refusal (lib/errors) naming the field and the reason. Types: lib/ai/service-types.ts (client-safe).
import "server-only";
import type { AiActor } from "./actor";
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

function pending(name: string): never {
  throw new Error(`lib/ai/service: ${name} is not implemented yet`);
}

// ---- status ----
export async function aiStatus(): Promise<AiStatus> {
  return pending("aiStatus");
}

// ---- prompt vault (admins) ----
export async function listPrompts(_actor: AiActor): Promise<PromptSummary[]> {
  return pending("listPrompts");
}
export async function getPrompt(_actor: AiActor, _name: string): Promise<PromptDetail> {
  return pending("getPrompt");
}
/** Saves a new immutable version; 400-style Refusal naming each unknown variable and non-allow-listed parameter. */
export async function createPromptVersion(_actor: AiActor, _name: string, _input: CreateVersionInput): Promise<{ version: number }> {
  return pending("createPromptVersion");
}
/** Four eyes: an admin other than the author approves. */
export async function approveVersion(_actor: AiActor, _name: string, _version: number): Promise<PromptVersionView> {
  return pending("approveVersion");
}
/** Promote / roll back: moves `production` or `staging`; production needs an approved version. Audited. */
export async function moveLabel(_actor: AiActor, _name: string, _label: MovableLabel, _version: number): Promise<LabelMove> {
  return pending("moveLabel");
}
export async function diffVersions(_actor: AiActor, _name: string, _from: number, _to: number): Promise<VersionDiff> {
  return pending("diffVersions");
}
/** What the version would send for a sample subject (a patient by default), de-identified, without calling the model. */
export async function previewVersion(_actor: AiActor, _name: string, _version: number, _subject?: PreviewSubject): Promise<PreviewResult> {
  return pending("previewVersion");
}
/** Lets patients see the prompt's output (off by default). */
export async function setPatientFacing(_actor: AiActor, _name: string, _enabled: boolean): Promise<void> {
  return pending("setPatientFacing");
}

// ---- parameters ----
export async function listParameters(_actor: AiActor): Promise<ParameterInfo[]> {
  return pending("listParameters");
}

// ---- call log (admins) ----
export async function listCalls(_actor: AiActor, _filter?: CallFilter): Promise<CallView[]> {
  return pending("listCalls");
}
export async function versionMetrics(_actor: AiActor, _filter?: CallFilter): Promise<VersionMetrics[]> {
  return pending("versionMetrics");
}
export async function callsCsv(_actor: AiActor, _filter?: CallFilter): Promise<string> {
  return pending("callsCsv");
}
export async function getCallContent(_actor: AiActor, _callId: string): Promise<CallContent | null> {
  return pending("getCallContent");
}
export async function getContentLogging(_actor: AiActor): Promise<ContentLogging> {
  return pending("getContentLogging");
}
export async function setContentLogging(_actor: AiActor, _input: ContentLogging): Promise<ContentLogging> {
  return pending("setContentLogging");
}

// ---- costs (admins) ----
export async function listPrices(_actor: AiActor): Promise<PriceView[]> {
  return pending("listPrices");
}
export async function setPrice(_actor: AiActor, _input: SetPriceInput): Promise<PriceView> {
  return pending("setPrice");
}
export async function listBudgets(_actor: AiActor): Promise<BudgetView[]> {
  return pending("listBudgets");
}
export async function setBudget(_actor: AiActor, _input: SetBudgetInput): Promise<BudgetView> {
  return pending("setBudget");
}
export async function spendByDay(_actor: AiActor, _range: { from: Date; to: Date }): Promise<DailySpendRow[]> {
  return pending("spendByDay");
}
export async function monthToDate(_actor: AiActor, _now?: Date): Promise<MonthToDate> {
  return pending("monthToDate");
}
export async function forecast(_actor: AiActor, _now?: Date): Promise<SpendForecast> {
  return pending("forecast");
}

// ---- features (clinicians in scope; biomed for maintenance) ----
export async function runHandover(_actor: AiActor, _patientId: string): Promise<FeatureResult> {
  return pending("runHandover");
}
export async function explainAlert(_actor: AiActor, _alertId: string): Promise<FeatureResult> {
  return pending("explainAlert");
}
export async function wardBrief(_actor: AiActor, _wardId: string): Promise<FeatureResult> {
  return pending("wardBrief");
}
/** For biomed (and admins) on a device's equipment alarm. */
export async function explainMaintenance(_actor: AiActor, _alertId: string): Promise<FeatureResult> {
  return pending("explainMaintenance");
}
/** The clinician who made the call says whether it was useful. */
export async function recordFeedback(_actor: AiActor, _callId: string, _feedback: Feedback): Promise<void> {
  return pending("recordFeedback");
}
