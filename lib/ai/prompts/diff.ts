// Word-level diff between two prompt versions (npm `diff`, diffWords): per message (aligned by position;
// a message only in one version is wholly added or removed) plus the settings that changed (model,
// temperature, max tokens, response format, each parameter and its bounds, each variable).
import { diffWords } from "diff";
import type { PromptVersionContent } from "./prompt-version";
import type { PromptRole } from "./prompt-vocabulary";

export type DiffPart = { value: string; added?: true; removed?: true };

export type MessageDiff = {
  index: number;
  from: PromptRole | null;
  to: PromptRole | null;
  status: "unchanged" | "changed" | "added" | "removed";
  parts: DiffPart[];
};

export type SettingChange = { field: string; from: string | null; to: string | null };

export type VersionDiff = { messages: MessageDiff[]; settings: SettingChange[]; parts: DiffPart[] };

function wordParts(from: string, to: string): DiffPart[] {
  return diffWords(from, to).map((c) => ({
    value: c.value,
    ...(c.added ? { added: true as const } : {}),
    ...(c.removed ? { removed: true as const } : {}),
  }));
}

function diffMessages(a: PromptVersionContent, b: PromptVersionContent): MessageDiff[] {
  const out: MessageDiff[] = [];
  for (let i = 0; i < Math.max(a.messages.length, b.messages.length); i++) {
    const from = a.messages[i];
    const to = b.messages[i];
    if (from && to) {
      const parts = wordParts(from.content, to.content);
      const changed = from.role !== to.role || parts.some((p) => p.added || p.removed);
      out.push({ index: i, from: from.role, to: to.role, status: changed ? "changed" : "unchanged", parts });
    } else if (to) out.push({ index: i, from: null, to: to.role, status: "added", parts: [{ value: to.content, added: true }] });
    else if (from) out.push({ index: i, from: from.role, to: null, status: "removed", parts: [{ value: from.content, removed: true }] });
  }
  return out;
}

function show(value: unknown): string | null {
  return value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value);
}

function byName<T extends { name: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.name, i]));
}

function diffSettings(a: PromptVersionContent, b: PromptVersionContent): SettingChange[] {
  const changes: SettingChange[] = [];
  const compare = (field: string, x: unknown, y: unknown) => {
    if (show(x) !== show(y)) changes.push({ field, from: show(x), to: show(y) });
  };
  compare("model", a.model, b.model);
  compare("temperature", a.params.temperature, b.params.temperature);
  compare("maxTokens", a.params.maxTokens, b.params.maxTokens);
  compare("responseFormat", a.params.responseFormat, b.params.responseFormat);
  const pa = byName(a.parameters);
  const pb = byName(b.parameters);
  for (const name of new Set([...pa.keys(), ...pb.keys()])) compare(`parameters.${name}`, pa.get(name)?.bounds, pb.get(name)?.bounds);
  const va = byName(a.variables);
  const vb = byName(b.variables);
  for (const name of new Set([...va.keys(), ...vb.keys()])) compare(`variables.${name}`, va.get(name)?.type, vb.get(name)?.type);
  return changes;
}

/** The diff from version `a` to version `b`; `parts` runs through all messages, each headed by its role. */
export function diffPromptVersions(a: PromptVersionContent, b: PromptVersionContent): VersionDiff {
  const messages = diffMessages(a, b);
  const parts: DiffPart[] = [];
  for (const m of messages) {
    const heading = m.from === m.to ? `[${m.to}]\n` : null;
    if (heading) parts.push({ value: (parts.length ? "\n\n" : "") + heading });
    else {
      if (parts.length) parts.push({ value: "\n\n" });
      if (m.from) parts.push({ value: `[${m.from}]\n`, removed: true });
      if (m.to) parts.push({ value: `[${m.to}]\n`, added: true });
    }
    parts.push(...m.parts);
  }
  return { messages, settings: diffSettings(a, b), parts };
}
