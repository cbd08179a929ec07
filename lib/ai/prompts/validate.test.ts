import { describe, expect, it } from "vitest";
import { promptVersionInputSchema } from "./prompt-version";
import { describeIssues, validatePromptVersion } from "./validate";

const ALLOWED = ["patient.vitals_window", "patient.news2_trend", "patient.open_alerts"];

const base = {
  messages: [
    { role: "system", content: "You write SBAR handovers for {{audience}}." },
    { role: "user", content: "Vitals:\n{{param.patient.vitals_window}}\nNEWS2:\n{{ param.patient.news2_trend }}\nFocus: {{focus}}" },
  ],
  variables: [
    { name: "audience", type: "string", description: "who reads it" },
    { name: "focus", type: "string" },
  ],
  model: "gpt-4.1-mini",
  params: { temperature: 0.2, maxTokens: 600, responseFormat: "text" },
  parameters: [{ name: "patient.vitals_window", bounds: { hours: 12 } }, "patient.news2_trend"],
  commitMessage: "Shorter situation line",
};

describe("validatePromptVersion", () => {
  it("accepts a well-formed version and normalises bare parameter names", () => {
    const r = validatePromptVersion(base, { allowedParameters: ALLOWED });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.version.parameters).toEqual([
      { name: "patient.vitals_window", bounds: { hours: 12 } },
      { name: "patient.news2_trend", bounds: {} },
    ]);
    expect(r.version.variables[1]).toEqual({ name: "focus", type: "string", description: "" });
  });

  it("names each unknown variable and each parameter that is not allow-listed, with its field", () => {
    const input = {
      ...base,
      messages: [
        base.messages[0],
        {
          role: "user",
          content:
            "{{patient_nme}} {{patient_nme}} {{ward}} {{param.patient.vitals_window}} {{param.patient.open_alerts}} {{param.patient.everything}} {{param.patient.secret_notes}}",
        },
      ],
      parameters: ["patient.vitals_window", "patient.everything", "patient.vitals_window"],
    };
    const r = validatePromptVersion(input, { allowedParameters: ALLOWED });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      { path: "parameters[1].name", message: 'parameter "patient.everything" is not allow-listed' },
      { path: "parameters[2].name", message: 'duplicate parameter "patient.vitals_window"' },
      { path: "messages[1].content", message: 'unknown variable "patient_nme"' },
      { path: "messages[1].content", message: 'unknown variable "ward"' },
      { path: "messages[1].content", message: 'parameter "patient.open_alerts" is used but not enabled for this version' },
      { path: "messages[1].content", message: 'parameter "patient.secret_notes" is not allow-listed' },
    ]);
    expect(describeIssues(r.issues.slice(2, 3))).toBe('messages[1].content: unknown variable "patient_nme"');
  });

  it("reports malformed placeholders, duplicate variables and out-of-bounds parameters", () => {
    const input = {
      ...base,
      messages: [{ role: "user", content: "{{ two words }} and {{param.Patient}} and {{unclosed" }],
      variables: [
        { name: "x", type: "number" },
        { name: "x", type: "json" },
      ],
      parameters: [{ name: "patient.vitals_window", bounds: { hours: 48 } }],
    };
    const checkBounds = (name: string, bounds: Record<string, unknown>) =>
      name === "patient.vitals_window" && Number(bounds.hours) > 24 ? ["hours must be at most 24"] : [];
    const r = validatePromptVersion(input, { allowedParameters: ALLOWED, checkBounds });
    expect(r.ok ? [] : r.issues).toEqual([
      { path: "variables[1].name", message: 'duplicate variable "x"' },
      { path: "parameters[0].bounds", message: "hours must be at most 24" },
      { path: "messages[0].content", message: 'malformed placeholder "{{ two words }}"' },
      { path: "messages[0].content", message: 'malformed placeholder "{{param.Patient}}"' },
      { path: "messages[0].content", message: 'malformed placeholder "{{unclosed"' },
    ]);
  });

  it("names the field of every shape error", () => {
    const input = {
      messages: [{ role: "tool", content: "" }],
      variables: [
        { name: "param", type: "string" },
        { name: "9lives", type: "date" },
      ],
      model: "",
      params: { maxTokens: 4097, temperature: 3 },
      parameters: ["vitals"],
      commitMessage: "  ",
    };
    const r = validatePromptVersion(input, { allowedParameters: ALLOWED });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual([
      "messages[0].role",
      "messages[0].content",
      "variables[0].name",
      "variables[1].name",
      "variables[1].type",
      "model",
      "params.temperature",
      "params.maxTokens",
      "parameters[0]",
      "commitMessage",
    ]);
    expect(r.issues.find((i) => i.path === "messages[0].content")?.message).toBe("must not be empty");
  });

  it("bounds max tokens to 1..4096 and defaults params", () => {
    const ok = (maxTokens: number) => promptVersionInputSchema.safeParse({ ...base, params: { maxTokens } }).success;
    expect([ok(0), ok(1), ok(4096), ok(4097), ok(1.5)]).toEqual([false, true, true, false, false]);
    const { params: _params, ...withoutParams } = base;
    expect(promptVersionInputSchema.parse(withoutParams).params).toEqual({ maxTokens: 512 });
  });
});
