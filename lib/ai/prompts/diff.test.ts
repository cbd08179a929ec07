import { describe, expect, it } from "vitest";
import { diffPromptVersions } from "./diff";
import type { PromptVersionContent } from "./prompt-version";

const v1: PromptVersionContent = {
  messages: [
    { role: "system", content: "You write short SBAR handovers." },
    { role: "user", content: "Data: {{param.patient.vitals_window}}" },
  ],
  variables: [{ name: "audience", type: "string", description: "" }],
  model: "gpt-4o-mini",
  params: { temperature: 0.2, maxTokens: 500 },
  parameters: [{ name: "patient.vitals_window", bounds: { hours: 12 } }],
  commitMessage: "v1",
};

describe("diffPromptVersions", () => {
  it("gives word-level parts per message and the settings that changed", () => {
    const v2: PromptVersionContent = {
      ...v1,
      messages: [
        { role: "system", content: "You write concise SBAR handovers for nurses." },
        { role: "user", content: "Data: {{param.patient.vitals_window}}" },
        { role: "user", content: "Alerts: {{param.patient.open_alerts}}" },
      ],
      variables: [{ name: "audience", type: "json", description: "" }],
      model: "gpt-4.1-mini",
      params: { temperature: 0.2, maxTokens: 800, responseFormat: "text" },
      parameters: [
        { name: "patient.vitals_window", bounds: { hours: 6 } },
        { name: "patient.open_alerts", bounds: {} },
      ],
    };
    const d = diffPromptVersions(v1, v2);
    expect(d.messages[0]).toEqual({
      index: 0,
      from: "system",
      to: "system",
      status: "changed",
      parts: [
        { value: "You write " },
        { value: "short", removed: true },
        { value: "concise", added: true },
        { value: " SBAR handovers " },
        { value: "for nurses", added: true },
        { value: "." },
      ],
    });
    expect(d.messages[1]).toMatchObject({ status: "unchanged", parts: [{ value: "Data: {{param.patient.vitals_window}}" }] });
    expect(d.messages[2]).toEqual({
      index: 2,
      from: null,
      to: "user",
      status: "added",
      parts: [{ value: "Alerts: {{param.patient.open_alerts}}", added: true }],
    });
    expect(d.settings).toEqual([
      { field: "model", from: "gpt-4o-mini", to: "gpt-4.1-mini" },
      { field: "maxTokens", from: "500", to: "800" },
      { field: "responseFormat", from: null, to: "text" },
      { field: "parameters.patient.vitals_window", from: '{"hours":12}', to: '{"hours":6}' },
      { field: "parameters.patient.open_alerts", from: null, to: "{}" },
      { field: "variables.audience", from: "string", to: "json" },
    ]);
    expect(d.parts.map((p) => p.value).join("")).toContain("[system]\nYou write shortconcise SBAR");
    expect(d.parts.filter((p) => p.added).map((p) => p.value)).toEqual([
      "concise",
      "for nurses",
      "[user]\n",
      "Alerts: {{param.patient.open_alerts}}",
    ]);
  });

  it("shows a removed message and a role change", () => {
    const v2: PromptVersionContent = { ...v1, messages: [{ role: "user", content: "You write short SBAR handovers." }] };
    const d = diffPromptVersions(v1, v2);
    expect(d.messages.map((m) => [m.from, m.to, m.status])).toEqual([
      ["system", "user", "changed"],
      ["user", null, "removed"],
    ]);
    expect(d.settings).toEqual([]);
    expect(diffPromptVersions(v1, v1).messages.every((m) => m.status === "unchanged")).toBe(true);
  });
});
