// The prompt editor's pure side (client-safe, unit-tested): a draft as the form holds it (numbers as
// typed), built from a version; the draft as the new-version input the vault takes; the server's
// issues placed on the editor's fields; and what each version's buttons allow (four eyes: the author
// never approves their own version; production takes only an approved version).
import { PROMPT_ROLES, type PromptRole, type ResponseFormat, type VariableType } from "@/lib/ai/prompts/prompt-vocabulary";
import type { CreateVersionInput, ParameterInfo, PromptDetail, PromptVersionView } from "@/lib/ai/service-types";

export type DraftMessage = { role: PromptRole; content: string };
export type DraftVariable = { name: string; type: VariableType; description: string };
/** A data parameter the prompt may use: enabled or not, its bounds as typed ("" = the code's default). */
export type DraftParameter = { name: string; enabled: boolean; bounds: Record<string, string> };

export type EditorDraft = {
  messages: DraftMessage[];
  variables: DraftVariable[];
  model: string;
  temperature: string;
  maxTokens: string;
  responseFormat: "" | ResponseFormat;
  parameters: DraftParameter[];
  commitMessage: string;
};

export const ROLES = PROMPT_ROLES;

function boundsText(bounds: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(bounds ?? {}))
    out[k] = typeof v === "number" || typeof v === "string" ? String(v) : JSON.stringify(v);
  return out;
}

/**
 * A draft starting from `version` (or an empty prompt), offering every parameter `available` for the
 * prompt plus any the version enabled that is no longer offered (so saving names it as refused).
 */
export function draftFromVersion(version: PromptVersionView | null, available: readonly ParameterInfo[]): EditorDraft {
  const enabled = new Map((version?.parameters ?? []).map((p) => [p.name, p.bounds]));
  const parameters: DraftParameter[] = available.map((p) => ({
    name: p.name,
    enabled: enabled.has(p.name),
    bounds: boundsText(enabled.get(p.name)),
  }));
  for (const [name, bounds] of enabled)
    if (!available.some((p) => p.name === name)) parameters.push({ name, enabled: true, bounds: boundsText(bounds) });
  return {
    messages: version
      ? version.messages.map((m) => ({ role: m.role, content: m.content }))
      : [
          { role: "system", content: "" },
          { role: "user", content: "" },
        ],
    variables: (version?.variables ?? []).map((v) => ({ name: v.name, type: v.type, description: v.description })),
    model: version?.model ?? "",
    temperature: version?.params.temperature === undefined ? "" : String(version.params.temperature),
    maxTokens: version ? String(version.params.maxTokens) : "512",
    responseFormat: version?.params.responseFormat ?? "",
    parameters,
    commitMessage: "",
  };
}

/** A typed number; NaN when the text is not one. */
function typedNumber(text: string): number {
  const t = text.trim();
  return t === "" ? NaN : Number(t);
}

export type DraftInput = { input: CreateVersionInput; errors: Record<string, string> };

/**
 * The draft as the vault's new-version input (enabled parameters only; empty settings and bounds left
 * to their defaults), and the editor fields whose text is not a number (not sent until corrected).
 */
export function draftToInput(draft: EditorDraft): DraftInput {
  const errors: Record<string, string> = {};
  const num = (field: string, text: string): number | undefined => {
    if (text.trim() === "") return undefined;
    const n = typedNumber(text);
    if (!Number.isFinite(n)) errors[field] = "must be a number";
    return n;
  };
  const params: NonNullable<CreateVersionInput["params"]> = {};
  const temperature = num("temperature", draft.temperature);
  if (temperature !== undefined) params.temperature = temperature;
  const maxTokens = num("maxTokens", draft.maxTokens);
  if (maxTokens !== undefined) params.maxTokens = maxTokens;
  if (draft.responseFormat) params.responseFormat = draft.responseFormat;
  const parameters = draft.parameters
    .filter((p) => p.enabled)
    .map((p) => {
      const bounds: Record<string, number> = {};
      for (const [k, v] of Object.entries(p.bounds)) {
        const n = num(`parameter:${p.name}`, v);
        if (n !== undefined) bounds[k] = n;
      }
      return { name: p.name, bounds };
    });
  return {
    input: {
      messages: draft.messages.map((m) => ({ role: m.role, content: m.content })),
      variables: draft.variables.map((v) => ({ name: v.name.trim(), type: v.type, description: v.description })),
      model: draft.model.trim(),
      params,
      parameters,
      commitMessage: draft.commitMessage.trim(),
    },
    errors,
  };
}

export type FieldIssue = { field: string; reason: string };

/**
 * The editor field an issue of the vault belongs to. Messages and variables keep their path
 * ("messages[1].content"); `parameters[i]…` becomes "parameter:<name>" (i counts enabled parameters
 * only); settings become their control ("temperature", "maxTokens", "responseFormat"); a request path
 * prefix ("body.") is dropped.
 */
export function editorFieldOf(field: string, input: CreateVersionInput): string {
  const f = field.replace(/^body\./, "");
  const param = /^parameters\[(\d+)\]/.exec(f);
  if (param) {
    const ref = input.parameters[Number(param[1])];
    const name = typeof ref === "string" ? ref : ref?.name;
    return name ? `parameter:${name}` : "parameters";
  }
  const setting = /^params\.(temperature|maxTokens|responseFormat)/.exec(f);
  if (setting) return setting[1]!;
  return f;
}

/** Issues grouped by editor field (several reasons for one field joined). */
export function issuesByField(issues: readonly FieldIssue[], input: CreateVersionInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = editorFieldOf(i.field, input);
    out[key] = out[key] ? `${out[key]}; ${i.reason}` : i.reason;
  }
  return out;
}

export type ActionState = { allowed: boolean; reason: string | null; label: string };

export type VersionActions = {
  /** null when already approved (nothing to do). */
  approve: ActionState | null;
  production: ActionState;
  staging: ActionState;
};

export function versionActions(v: PromptVersionView, prompt: Pick<PromptDetail, "labels">, meId: string): VersionActions {
  const current = prompt.labels.production;
  const isProduction = current === v.version;
  const approved = v.approvedBy !== null;
  const approve: ActionState | null = approved
    ? null
    : v.author.id === meId
      ? { allowed: false, reason: "You wrote this version: another admin must approve it (four eyes).", label: "Approve" }
      : { allowed: true, reason: null, label: "Approve" };
  const productionLabel = current !== null && v.version < current ? `Roll back to v${v.version}` : "Promote to production";
  const production: ActionState = isProduction
    ? { allowed: false, reason: "This version is in production.", label: productionLabel }
    : !approved
      ? { allowed: false, reason: "Needs approval by an admin other than its author before production.", label: productionLabel }
      : { allowed: true, reason: null, label: productionLabel };
  const staging: ActionState =
    prompt.labels.staging === v.version
      ? { allowed: false, reason: "This version is in staging.", label: "Set as staging" }
      : { allowed: true, reason: null, label: "Set as staging" };
  return { approve, production, staging };
}

/** The pair the diff opens on: production (or the version before the newest) against the newest. */
export function defaultDiffPair(prompt: Pick<PromptDetail, "labels" | "versions">): { from: number; to: number } | null {
  const numbers = prompt.versions.map((v) => v.version).sort((a, b) => a - b);
  const to = prompt.labels.latest ?? numbers.at(-1);
  if (to === undefined) return null;
  const production = prompt.labels.production;
  const from = production !== null && production !== to ? production : (numbers.filter((n) => n < to).at(-1) ?? to);
  return { from, to };
}
