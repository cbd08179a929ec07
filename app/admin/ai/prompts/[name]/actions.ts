"use server";
// Server actions of the prompt page (admins): save a new version (the vault's refusals come back per
// field), approve (four eyes: never the author), move production or staging (promote, roll back),
// preview what a version would send, and whether patients may see the prompt's output. Audited by the
// vault.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { PROMPT_ROLES, RESPONSE_FORMATS, VARIABLE_TYPES } from "@/lib/ai/prompts/prompt-vocabulary";
import { approveVersion, createPromptVersion, moveLabel, previewVersion, setPatientFacing, MOVABLE_LABELS } from "@/lib/ai/service";
import { Refusal } from "@/lib/errors/refusal";

const ADMIN = ["admin"] as const;
const name = z.string().trim().min(1).max(100);
const version = z.number().int().min(1);
const wording = { failed: "Not changed", unavailable: "This prompt is not available." };

// The shape only: the vault validates the content (and names each field at fault).
const versionInput = z.object({
  messages: z.array(z.object({ role: z.enum(PROMPT_ROLES), content: z.string().max(20_000) })).max(20),
  variables: z.array(z.object({ name: z.string().max(100), type: z.enum(VARIABLE_TYPES), description: z.string().max(500) })).max(50),
  model: z.string().max(100),
  params: z.object({
    temperature: z.number().optional(),
    maxTokens: z.number().optional(),
    responseFormat: z.enum(RESPONSE_FORMATS).optional(),
  }),
  parameters: z.array(z.object({ name: z.string().max(100), bounds: z.record(z.string(), z.number()) })).max(30),
  commitMessage: z.string().max(500),
});

export type SaveOutcome = { saved: true; version: number } | { saved: false; message: string; issues: { field: string; reason: string }[] };

export const saveVersionAction = safeAction(
  { roles: ADMIN, input: z.object({ name, input: versionInput }), wording },
  async ({ principal, meta, input }): Promise<SaveOutcome> => {
    try {
      const created = await createPromptVersion({ principal, meta }, input.name, input.input);
      return { saved: true, version: created.version };
    } catch (err) {
      if (err instanceof Refusal && err.kind === "invalid") {
        return { saved: false, message: "Not saved: correct the fields marked below.", issues: [...err.issues] };
      }
      throw err;
    }
  },
);

export const approveVersionAction = safeAction(
  { roles: ADMIN, input: z.object({ name, version }), wording: { ...wording, failed: "Not approved" } },
  async ({ principal, meta, input }) => {
    const v = await approveVersion({ principal, meta }, input.name, input.version);
    return { version: v.version };
  },
);

export const moveLabelAction = safeAction(
  { roles: ADMIN, input: z.object({ name, label: z.enum(MOVABLE_LABELS), version }), wording: { ...wording, failed: "Label not moved" } },
  ({ principal, meta, input }) => moveLabel({ principal, meta }, input.name, input.label, input.version),
);

const id = z.string().trim().max(100).optional();

export const previewVersionAction = safeAction(
  {
    roles: ADMIN,
    input: z.object({ name, version, subject: z.object({ patientId: id, alertId: id, wardId: id, deviceId: id }).default({}) }),
    wording: { failed: "No preview", unavailable: "That sample is not available." },
  },
  ({ principal, meta, input }) => {
    const subject = Object.fromEntries(Object.entries(input.subject).filter(([, v]) => v)) as typeof input.subject;
    return previewVersion({ principal, meta }, input.name, input.version, subject);
  },
);

export const setPatientFacingAction = safeAction(
  { roles: ADMIN, input: z.object({ name, enabled: z.boolean() }), wording },
  async ({ principal, meta, input }) => {
    await setPatientFacing({ principal, meta }, input.name, input.enabled);
    return { enabled: input.enabled };
  },
);
