// Prompt templates. `{{name}}` inserts a declared variable (string as is, number as written, json as
// compact JSON); `{{param.<parameter>}}` inserts an enabled data parameter's de-identified value as a
// fenced JSON block labelled with the parameter's name (context-block.ts); whitespace inside the braces
// is allowed; `\{{` writes literal "{{". Anything else between "{{" and "}}", or a "{{" never closed,
// is a malformed placeholder.
import type { JsonValue } from "@/lib/ai/deidentify/deidentify";
import { formatParameterBlock } from "./context-block";
import type { PromptMessage, PromptVariable } from "./prompt-version";
import { PARAMETER_NAME, VARIABLE_NAME } from "./prompt-vocabulary";

export type TemplateToken =
  | { kind: "text"; value: string }
  | { kind: "variable"; name: string }
  | { kind: "parameter"; name: string }
  | { kind: "malformed"; raw: string };

const PLACEHOLDER = /\\\{\{|\{\{([^{}]*)\}\}|\{\{/g;

export function parseTemplate(content: string): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  let text = "";
  let at = 0;
  for (const m of content.matchAll(PLACEHOLDER)) {
    text += content.slice(at, m.index);
    at = m.index + m[0].length;
    if (m[0] === "\\{{") {
      text += "{{";
      continue;
    }
    if (text) tokens.push({ kind: "text", value: text });
    text = "";
    const inner = m[1]?.trim();
    if (inner === undefined) tokens.push({ kind: "malformed", raw: content.slice(m.index, m.index + 24) });
    else if (inner.startsWith("param.") && PARAMETER_NAME.test(inner.slice(6))) tokens.push({ kind: "parameter", name: inner.slice(6) });
    else if (VARIABLE_NAME.test(inner) && inner !== "param") tokens.push({ kind: "variable", name: inner });
    else tokens.push({ kind: "malformed", raw: m[0] });
  }
  text += content.slice(at);
  if (text) tokens.push({ kind: "text", value: text });
  return tokens;
}

export type PromptIssue = { path: string; message: string };

export type RenderInput = {
  variables: readonly PromptVariable[];
  /** Values for the declared variables, by name. */
  values: Readonly<Record<string, unknown>>;
  /** De-identified values of the enabled data parameters, by name. */
  parameters: Readonly<Record<string, JsonValue>>;
};

export type RenderResult = { ok: true; messages: PromptMessage[] } | { ok: false; issues: PromptIssue[] };

function renderVariable(v: PromptVariable | undefined, name: string, values: RenderInput["values"], issues: PromptIssue[]): string {
  if (!v) {
    issues.push({ path: `values.${name}`, message: `unknown variable "${name}"` });
    return "";
  }
  const value = values[name];
  if (value === undefined) {
    issues.push({ path: `values.${name}`, message: `no value given for variable "${name}"` });
    return "";
  }
  if (v.type === "string") {
    if (typeof value === "string") return value;
    issues.push({ path: `values.${name}`, message: `variable "${name}" must be a string` });
    return "";
  }
  if (v.type === "number") {
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    issues.push({ path: `values.${name}`, message: `variable "${name}" must be a finite number` });
    return "";
  }
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // falls through to the issue below
  }
  issues.push({ path: `values.${name}`, message: `variable "${name}" must be JSON-serialisable` });
  return "";
}

/** Renders every message; each missing or mistyped value and each absent parameter is an issue. */
export function renderMessages(messages: readonly PromptMessage[], input: RenderInput): RenderResult {
  const issues: PromptIssue[] = [];
  const declared = new Map(input.variables.map((v) => [v.name, v]));
  const rendered = messages.map((message, i) => {
    let out = "";
    for (const token of parseTemplate(message.content)) {
      if (token.kind === "text") out += token.value;
      else if (token.kind === "variable") out += renderVariable(declared.get(token.name), token.name, input.values, issues);
      else if (token.kind === "parameter") {
        const value = input.parameters[token.name];
        if (value === undefined) issues.push({ path: `messages[${i}].content`, message: `no value for parameter "${token.name}"` });
        else out += formatParameterBlock(token.name, value);
      } else issues.push({ path: `messages[${i}].content`, message: `malformed placeholder "${token.raw}"` });
    }
    return { role: message.role, content: out };
  });
  return issues.length ? { ok: false, issues } : { ok: true, messages: rendered };
}
