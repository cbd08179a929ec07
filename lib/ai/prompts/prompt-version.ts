// lib/ai/prompts owns the pure side of the prompt vault: what a prompt version is (messages with typed
// variables, the model and its settings, the data parameters it may read, a commit message), how its
// templates render, how a new version is validated (each unknown variable and each parameter that is not
// allow-listed named with its field), and the word-level diff between two versions. Storage, labels,
// approvals and audit live with the database side.
//
// Template syntax (see template.ts): `{{name}}` inserts a declared variable; `{{param.<parameter>}}`
// inserts the de-identified value of an enabled data parameter, e.g. `{{param.patient.vitals_window}}`;
// `\{{` writes literal braces.
import { z } from "zod";
import {
  PROMPT_ROLES,
  VARIABLE_TYPES,
  RESPONSE_FORMATS,
  MAX_TOKENS_LIMIT,
  DEFAULT_PARAMS,
  VARIABLE_NAME,
  PARAMETER_NAME,
} from "./prompt-vocabulary";

export const promptMessageSchema = z.object({
  role: z.enum(PROMPT_ROLES),
  content: z.string().trim().min(1, "must not be empty").max(20_000, "must be at most 20,000 characters"),
});
export type PromptMessage = z.infer<typeof promptMessageSchema>;

export const promptVariableSchema = z.object({
  name: z
    .string()
    .regex(VARIABLE_NAME, "must start with a letter or underscore and hold only letters, digits and underscores")
    .refine((n) => n !== "param", '"param" is reserved for data parameters'),
  type: z.enum(VARIABLE_TYPES),
  description: z.string().max(500).default(""),
});
export type PromptVariable = z.infer<typeof promptVariableSchema>;

export const promptParamsSchema = z.object({
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().min(1).max(MAX_TOKENS_LIMIT),
  responseFormat: z.enum(RESPONSE_FORMATS).optional(),
});
export type PromptParams = z.infer<typeof promptParamsSchema>;

const boundsSchema = z.record(z.string(), z.unknown());

/** A data parameter a version may read, with its bounds; a bare name means default bounds. */
export const parameterRefSchema = z.union([
  z
    .string()
    .regex(PARAMETER_NAME, 'must look like "patient.vitals_window"')
    .transform((name) => ({ name, bounds: {} as Record<string, unknown> })),
  z.object({ name: z.string().regex(PARAMETER_NAME, 'must look like "patient.vitals_window"'), bounds: boundsSchema.default({}) }),
]);
export type ParameterRef = { name: string; bounds: Record<string, unknown> };

export const promptVersionInputSchema = z.object({
  messages: z.array(promptMessageSchema).min(1, "at least one message").max(20, "at most 20 messages"),
  variables: z.array(promptVariableSchema).max(50).default([]),
  model: z.string().trim().min(1, "must not be empty").max(100),
  params: promptParamsSchema.default(DEFAULT_PARAMS),
  parameters: z.array(parameterRefSchema).max(20).default([]),
  commitMessage: z.string().trim().min(1, "must not be empty").max(500),
});

/** A version's content as saved (author, number, time and approval are the vault's). */
export type PromptVersionContent = {
  messages: PromptMessage[];
  variables: PromptVariable[];
  model: string;
  params: PromptParams;
  parameters: ParameterRef[];
  commitMessage: string;
};
