import { describe, expect, it } from "vitest";
import { parseContextBlocks, formatParameterBlock } from "./context-block";
import { parseTemplate, renderMessages } from "./template";
import type { PromptVariable } from "./prompt-version";

const VARS: PromptVariable[] = [
  { name: "audience", type: "string", description: "" },
  { name: "hours", type: "number", description: "" },
  { name: "extra", type: "json", description: "" },
];

describe("parseTemplate", () => {
  it("splits text, variables, parameters, escapes and malformed placeholders", () => {
    expect(parseTemplate("Hi {{ audience }}, \\{{literal}} {{param.patient.vitals_window}}{{bad one}}")).toEqual([
      { kind: "text", value: "Hi " },
      { kind: "variable", name: "audience" },
      { kind: "text", value: ", {{literal}} " },
      { kind: "parameter", name: "patient.vitals_window" },
      { kind: "malformed", raw: "{{bad one}}" },
    ]);
    expect(parseTemplate("no placeholders")).toEqual([{ kind: "text", value: "no placeholders" }]);
  });
});

describe("renderMessages", () => {
  it("renders each variable by its type and each parameter as a named JSON block", () => {
    const r = renderMessages(
      [
        { role: "system", content: "For {{audience}}, last {{hours}} h." },
        { role: "user", content: "{{extra}}\n{{param.patient.vitals_window}}" },
      ],
      {
        variables: VARS,
        values: { audience: "the night nurse", hours: 12, extra: { a: [1, "x"] } },
        parameters: { "patient.vitals_window": [{ at: "-15 min", spo2: 91 }] },
      },
    );
    expect(r).toEqual({
      ok: true,
      messages: [
        { role: "system", content: "For the night nurse, last 12 h." },
        { role: "user", content: '{"a":[1,"x"]}\n```json patient.vitals_window\n[{"at":"-15 min","spo2":91}]\n```' },
      ],
    });
  });

  it("names each missing or mistyped value and each absent parameter", () => {
    const r = renderMessages([{ role: "user", content: "{{audience}} {{hours}} {{extra}} {{nope}} {{param.patient.open_alerts}}" }], {
      variables: VARS,
      values: { audience: 3, hours: "twelve" },
      parameters: {},
    });
    expect(r).toEqual({
      ok: false,
      issues: [
        { path: "values.audience", message: 'variable "audience" must be a string' },
        { path: "values.hours", message: 'variable "hours" must be a finite number' },
        { path: "values.extra", message: 'no value given for variable "extra"' },
        { path: "values.nope", message: 'unknown variable "nope"' },
        { path: "messages[0].content", message: 'no value for parameter "patient.open_alerts"' },
      ],
    });
  });
});

describe("context blocks", () => {
  it("round-trips named blocks and keeps a backtick from closing the fence", () => {
    const text = `Intro\n${formatParameterBlock("alert.context", { note: "```evil``` text" })}\nand\n${formatParameterBlock("ward.census_and_alerts", [1, 2])}`;
    expect(text).not.toContain("```evil");
    expect(parseContextBlocks(text)).toEqual([
      { name: "alert.context", value: { note: "```evil``` text" } },
      { name: "ward.census_and_alerts", value: [1, 2] },
    ]);
  });

  it("reads unnamed blocks and skips blocks that are not JSON", () => {
    expect(parseContextBlocks('```json\n{"a":1}\n```\n```json x.y\nnot json\n```')).toEqual([{ name: "", value: { a: 1 } }]);
  });
});
