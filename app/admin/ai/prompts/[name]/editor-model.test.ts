import { describe, expect, it } from "vitest";
import type { ParameterInfo, PromptVersionView } from "@/lib/ai/service-types";
import { defaultDiffPair, draftFromVersion, draftToInput, editorFieldOf, issuesByField, versionActions } from "./editor-model";

const bound = { min: 1, max: 24, default: 12, unit: "h", description: "window" };
const available: ParameterInfo[] = [
  { name: "patient.vitals_window", description: "", subject: "patient", bounds: { hours: bound }, allowedFor: ["handover-summary"] },
  { name: "patient.open_alerts", description: "", subject: "patient", bounds: {}, allowedFor: ["handover-summary"] },
];

function version(n: number, over: Partial<PromptVersionView> = {}): PromptVersionView {
  return {
    version: n,
    messages: [
      { role: "system", content: "You write SBAR handovers." },
      { role: "user", content: "Summarise {{param.patient.vitals_window}} for {{audience}}." },
    ],
    variables: [{ name: "audience", type: "string", description: "who reads it" }],
    model: "gpt-4o-mini",
    params: { maxTokens: 400, temperature: 0.2 },
    parameters: [{ name: "patient.vitals_window", bounds: { hours: 12 } }],
    commitMessage: `v${n}`,
    author: { id: "alex", name: "Alex Admin" },
    createdAt: "2026-12-03T10:00:00.000Z",
    approvedBy: null,
    approvedAt: null,
    labels: [],
    ...over,
  };
}

describe("draftFromVersion and draftToInput", () => {
  it("round-trips a version into the vault's input, with a new commit message", () => {
    const draft = draftFromVersion(version(3), available);
    expect(draft.parameters).toEqual([
      { name: "patient.vitals_window", enabled: true, bounds: { hours: "12" } },
      { name: "patient.open_alerts", enabled: false, bounds: {} },
    ]);
    expect(draft.commitMessage).toBe("");
    const { input, errors } = draftToInput({ ...draft, commitMessage: " Shorter situation line " });
    expect(errors).toEqual({});
    expect(input).toEqual({
      messages: version(3).messages,
      variables: [{ name: "audience", type: "string", description: "who reads it" }],
      model: "gpt-4o-mini",
      params: { temperature: 0.2, maxTokens: 400 },
      parameters: [{ name: "patient.vitals_window", bounds: { hours: 12 } }],
      commitMessage: "Shorter situation line",
    });
  });

  it("keeps a parameter the version enabled that is no longer offered, so saving names it", () => {
    const draft = draftFromVersion(version(1, { parameters: [{ name: "patient.everything", bounds: {} }] }), available);
    expect(draft.parameters.at(-1)).toEqual({ name: "patient.everything", enabled: true, bounds: {} });
  });

  it("leaves empty settings and bounds to their defaults and names each text that is not a number", () => {
    const draft = draftFromVersion(null, available);
    expect(draft.messages.map((m) => m.role)).toEqual(["system", "user"]);
    const { input, errors } = draftToInput({
      ...draft,
      temperature: "",
      maxTokens: "lots",
      parameters: [
        { name: "patient.vitals_window", enabled: true, bounds: { hours: "" } },
        { name: "patient.open_alerts", enabled: true, bounds: { rows: "ten" } },
      ],
    });
    expect(input.params).not.toHaveProperty("temperature");
    expect(input.parameters[0]).toEqual({ name: "patient.vitals_window", bounds: {} });
    expect(errors).toEqual({ maxTokens: "must be a number", "parameter:patient.open_alerts": "must be a number" });
  });
});

describe("issues on fields", () => {
  const { input } = draftToInput({
    ...draftFromVersion(version(2), available),
    parameters: [
      { name: "patient.open_alerts", enabled: false, bounds: {} },
      { name: "patient.vitals_window", enabled: true, bounds: { hours: "99" } },
      { name: "patient.everything", enabled: true, bounds: {} },
    ],
  });

  it("maps the vault's paths to the editor's fields, parameters by name", () => {
    expect(editorFieldOf("messages[1].content", input)).toBe("messages[1].content");
    expect(editorFieldOf("body.messages[0].content", input)).toBe("messages[0].content");
    expect(editorFieldOf("parameters[0].bounds", input)).toBe("parameter:patient.vitals_window");
    expect(editorFieldOf("parameters[1].name", input)).toBe("parameter:patient.everything");
    expect(editorFieldOf("params.maxTokens", input)).toBe("maxTokens");
    expect(editorFieldOf("commitMessage", input)).toBe("commitMessage");
  });

  it("joins several reasons of one field", () => {
    expect(
      issuesByField(
        [
          { field: "messages[1].content", reason: 'unknown variable "patient_nme"' },
          { field: "messages[1].content", reason: 'malformed placeholder "{{ x y }}"' },
          { field: "parameters[1].name", reason: 'parameter "patient.everything" is not allow-listed' },
        ],
        input,
      ),
    ).toEqual({
      "messages[1].content": 'unknown variable "patient_nme"; malformed placeholder "{{ x y }}"',
      "parameter:patient.everything": 'parameter "patient.everything" is not allow-listed',
    });
  });
});

describe("versionActions (four eyes)", () => {
  const prompt = { labels: { production: 2, staging: null, latest: 4 } };

  it("never lets the author approve their own version, and says why", () => {
    const a = versionActions(version(4), prompt, "alex");
    expect(a.approve).toEqual({ allowed: false, reason: expect.stringContaining("another admin must approve"), label: "Approve" });
    expect(versionActions(version(4), prompt, "sam").approve?.allowed).toBe(true);
  });

  it("takes only an approved version to production; an older one is a roll back", () => {
    expect(versionActions(version(4), prompt, "sam").production).toMatchObject({ allowed: false, label: "Promote to production" });
    const approved = { approvedBy: { id: "sam", name: "Sam" }, approvedAt: "2026-12-03T11:00:00.000Z" };
    expect(versionActions(version(4, approved), prompt, "alex")).toMatchObject({
      approve: null,
      production: { allowed: true, label: "Promote to production" },
    });
    expect(versionActions(version(1, approved), prompt, "alex").production).toMatchObject({ allowed: true, label: "Roll back to v1" });
    expect(versionActions(version(2, approved), prompt, "alex").production).toMatchObject({
      allowed: false,
      reason: "This version is in production.",
    });
  });

  it("lets any version be staged, once", () => {
    expect(versionActions(version(4), prompt, "alex").staging.allowed).toBe(true);
    expect(versionActions(version(4), { labels: { ...prompt.labels, staging: 4 } }, "alex").staging.allowed).toBe(false);
  });
});

describe("defaultDiffPair", () => {
  it("opens on production against the newest", () => {
    expect(
      defaultDiffPair({ labels: { production: 2, staging: null, latest: 4 }, versions: [version(1), version(2), version(3), version(4)] }),
    ).toEqual({ from: 2, to: 4 });
  });
  it("compares the newest with the one before when production is the newest or unset", () => {
    expect(defaultDiffPair({ labels: { production: 3, staging: null, latest: 3 }, versions: [version(1), version(3)] })).toEqual({
      from: 1,
      to: 3,
    });
    expect(defaultDiffPair({ labels: { production: null, staging: null, latest: 1 }, versions: [version(1)] })).toEqual({ from: 1, to: 1 });
    expect(defaultDiffPair({ labels: { production: null, staging: null, latest: null }, versions: [] })).toBeNull();
  });
});
