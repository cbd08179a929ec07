// Validation of a new prompt version before it is saved. Shape errors come from the zod schema with the
// field they concern; then every placeholder is checked: each unknown variable, each parameter used but
// not enabled in the version, each enabled parameter that is not allow-listed, each malformed
// placeholder and each duplicate is an issue of its own, e.g.
//   messages[1].content: unknown variable "patient_nme"
//   parameters[0].name: parameter "patient.everything" is not allow-listed
import type { z } from "zod";
import { parseTemplate, type PromptIssue } from "./template";
import { promptVersionInputSchema, type PromptVersionContent } from "./prompt-version";

export type ValidateOptions = {
  /** The data parameters this prompt may use (the registry's names allowed for its feature). */
  allowedParameters: Iterable<string>;
  /** Checks one parameter's bounds against the limits its code fixes; returns reasons, empty when fine. */
  checkBounds?: (name: string, bounds: Record<string, unknown>) => string[];
};

export type ValidationResult = { ok: true; version: PromptVersionContent } | { ok: false; issues: PromptIssue[] };

export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || "(body)";
}

function zodIssues(error: z.ZodError): PromptIssue[] {
  return error.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message }));
}

export function validatePromptVersion(input: unknown, options: ValidateOptions): ValidationResult {
  const parsed = promptVersionInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const version: PromptVersionContent = parsed.data;
  const issues: PromptIssue[] = [];
  const allowed = new Set(options.allowedParameters);

  const declared = new Set<string>();
  version.variables.forEach((v, i) => {
    if (declared.has(v.name)) issues.push({ path: `variables[${i}].name`, message: `duplicate variable "${v.name}"` });
    declared.add(v.name);
  });

  const enabled = new Set<string>();
  version.parameters.forEach((p, i) => {
    if (enabled.has(p.name)) issues.push({ path: `parameters[${i}].name`, message: `duplicate parameter "${p.name}"` });
    enabled.add(p.name);
    if (!allowed.has(p.name)) {
      issues.push({ path: `parameters[${i}].name`, message: `parameter "${p.name}" is not allow-listed` });
      return;
    }
    for (const reason of options.checkBounds?.(p.name, p.bounds) ?? []) issues.push({ path: `parameters[${i}].bounds`, message: reason });
  });

  version.messages.forEach((m, i) => {
    const path = `messages[${i}].content`;
    const reported = new Set<string>();
    for (const token of parseTemplate(m.content)) {
      let message: string | null = null;
      if (token.kind === "variable" && !declared.has(token.name)) message = `unknown variable "${token.name}"`;
      else if (token.kind === "parameter" && !enabled.has(token.name)) {
        message = allowed.has(token.name)
          ? `parameter "${token.name}" is used but not enabled for this version`
          : `parameter "${token.name}" is not allow-listed`;
      } else if (token.kind === "malformed") message = `malformed placeholder "${token.raw}"`;
      if (message && !reported.has(message)) {
        reported.add(message);
        issues.push({ path, message });
      }
    }
  });

  return issues.length ? { ok: false, issues } : { ok: true, version };
}

/** "messages[1].content: unknown variable "x"; parameters[0].name: …" — one line for an HTTP 400. */
export function describeIssues(issues: readonly PromptIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join("; ");
}
