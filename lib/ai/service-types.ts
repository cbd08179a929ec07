// The types of the AI service surface (lib/ai/service.ts): what the admin pages, the feature buttons and
// the REST routes exchange with the governed AI layer. Client-safe: no server imports, plain JSON shapes
// (times as ISO text, money as decimal USD numbers).
import type { IdentifierKind } from "@/lib/ai/deidentify/types";
import type { VersionDiff } from "@/lib/ai/prompts/diff";
import type { ParameterRef, PromptMessage, PromptParams, PromptVariable } from "@/lib/ai/prompts/prompt-version";

export type { VersionDiff, ParameterRef, PromptMessage, PromptParams, PromptVariable };

/** The features that call a model; each has one prompt of the same purpose. */
export const AI_FEATURES = ["handover-summary", "alert-explanation", "ward-brief", "maintenance-explanation"] as const;
export type AiFeature = (typeof AI_FEATURES)[number];

export const PROMPT_LABELS = ["production", "staging", "latest"] as const;
export type PromptLabel = (typeof PROMPT_LABELS)[number];
/** `latest` follows the newest version by itself; the other two are moved by an admin. */
export const MOVABLE_LABELS = ["production", "staging"] as const;
export type MovableLabel = (typeof MOVABLE_LABELS)[number];

export type PersonRef = { id: string | null; name: string };

export type PromptLabels = { production: number | null; staging: number | null; latest: number | null };

export type PromptSummary = {
  name: string;
  description: string;
  feature: AiFeature | null;
  /** Patients may see this prompt's output only when true (off by default). */
  patientFacing: boolean;
  labels: PromptLabels;
  /** How many versions exist. */
  versions: number;
  updatedAt: string;
};

export type PromptVersionView = {
  version: number;
  messages: PromptMessage[];
  variables: PromptVariable[];
  model: string;
  params: PromptParams;
  parameters: ParameterRef[];
  commitMessage: string;
  author: PersonRef;
  createdAt: string;
  approvedBy: PersonRef | null;
  approvedAt: string | null;
  labels: PromptLabel[];
};

export type PromptDetail = Omit<PromptSummary, "versions"> & { versions: PromptVersionView[] };

/** A new version as an editor sends it (parameters as bare names or {name, bounds}). */
export type CreateVersionInput = {
  messages: PromptMessage[];
  variables?: PromptVariable[];
  model: string;
  params?: Partial<PromptParams>;
  parameters: (string | { name: string; bounds?: Record<string, unknown> })[];
  commitMessage: string;
};

export type LabelMove = { name: string; label: MovableLabel; from: number | null; to: number };

// ---- parameters ----

export type ParameterSubject = "patient" | "ward" | "device" | "alert";

export type BoundLimit = { min: number; max: number; default: number; unit: string; description: string };

export type ParameterInfo = {
  name: string;
  description: string;
  subject: ParameterSubject;
  /** The bounds an admin may set per prompt version, each within the limits the code fixes. */
  bounds: Record<string, BoundLimit>;
  /** The prompts (features) allowed to enable it. */
  allowedFor: AiFeature[];
};

/** What a call read: each parameter's name and how many rows it returned (never the values). */
export type ParameterUse = { name: string; rows: number };

export type RedactionCounts = Partial<Record<IdentifierKind, number>>;

/** What a version would send for a subject, without calling the model. */
export type PreviewSubject = { patientId?: string; alertId?: string; wardId?: string; deviceId?: string };

export type PreviewResult = {
  prompt: string;
  version: number;
  model: string;
  /** Exactly the messages that would leave, de-identified. */
  messages: { role: string; content: string }[];
  redactions: RedactionCounts;
  parametersUsed: ParameterUse[];
  inputTokens: number;
  maxTokens: number;
  /** The worst case reserved against budgets for this call, USD. */
  reservationUsd: number;
};

// ---- calls ----

export const CALL_STATUSES = ["ok", "error", "blocked_budget", "blocked_scope"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export type CallFilter = {
  feature?: string;
  prompt?: string;
  version?: number;
  userId?: string;
  status?: CallStatus;
  from?: Date;
  to?: Date;
  limit?: number;
};

export type CallView = {
  id: string;
  at: string;
  feature: string;
  prompt: string | null;
  promptVersion: number | null;
  model: string | null;
  userId: string;
  userName: string | null;
  patientId: string | null;
  status: CallStatus | "pending";
  inputTokens: number;
  cachedTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: number | null;
  redactions: RedactionCounts;
  parameters: ParameterUse[];
  error: string | null;
  feedback: "useful" | "not_useful" | null;
  demo: boolean;
  /** Present only when content logging was on for this call and it is not purged yet. */
  hasContent: boolean;
};

export type CallContent = { messages: { role: string; content: string }[]; response: string | null; expiresAt: string };

export type VersionMetrics = {
  prompt: string;
  version: number;
  calls: number;
  okCalls: number;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  meanInputTokens: number;
  meanOutputTokens: number;
  costUsd: number;
  usefulCount: number;
  notUsefulCount: number;
};

export type ContentLogging = { enabled: boolean; retentionDays: number };

export type Feedback = { useful: boolean; comment?: string };

// ---- costs ----

export type PriceView = {
  id: string;
  model: string;
  effectiveFrom: string;
  inputPerM: number;
  cachedInputPerM: number;
  outputPerM: number;
  createdAt: string;
  createdBy: string | null;
  /** The row in force now for its model pattern (later rows of the same pattern supersede it). */
  inForce: boolean;
};

export type SetPriceInput = { model: string; inputPerM: number; cachedInputPerM: number; outputPerM: number; effectiveFrom?: Date };

export type BudgetPeriodName = "day" | "month";

export type BudgetView = {
  id: string;
  /** "global", "feature:<name>" or "user:<id>". */
  scope: string;
  period: BudgetPeriodName;
  /** "<scope>/<period>", as refusals name it. */
  name: string;
  softUsd: number | null;
  hardUsd: number;
  /** Settled spend in the current period. */
  spentUsd: number;
  /** Reserved by calls in flight. */
  reservedUsd: number;
  periodStart: string;
  resetsAt: string;
  softReached: boolean;
};

export type SetBudgetInput = { scope: string; period: BudgetPeriodName; softUsd?: number | null; hardUsd: number };

export type DailySpendRow = { day: string; feature: string; model: string; costUsd: number; calls: number };

export type MonthToDate = { monthStart: string; totalUsd: number; budgets: BudgetView[] };

export type SpendForecast = {
  monthStart: string;
  daysInMonth: number;
  daysElapsed: number;
  monthToDateUsd: number;
  projectedUsd: number;
  points: { day: string; cumulativeUsd: number; forecast: boolean }[];
};

// ---- features ----

export type FeatureResult = {
  callId: string;
  text: string;
  prompt: string;
  promptVersion: number;
  model: string;
  /** True when the built-in demo model (template output, not a language model) answered. */
  demo: boolean;
  parametersUsed: ParameterUse[];
  redactions: RedactionCounts;
};

export type AiStatus = { demo: boolean; endpoint: string; timeoutMs: number; howToConfigure: string };
