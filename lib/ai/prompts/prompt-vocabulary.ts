// The words of a prompt version that the editor in the browser shares with the vault: message roles,
// variable types, response formats, the token limit and the name rules. No zod here, so the editor's JS
// does not carry it (the schemas are in prompt-version.ts).
export const PROMPT_ROLES = ["system", "user", "assistant"] as const;
export type PromptRole = (typeof PROMPT_ROLES)[number];

export const VARIABLE_TYPES = ["string", "number", "json"] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

export const RESPONSE_FORMATS = ["text", "json_object"] as const;
export type ResponseFormat = (typeof RESPONSE_FORMATS)[number];

export const MAX_TOKENS_LIMIT = 4096;
export const DEFAULT_PARAMS = { maxTokens: 512 } as const;

/** A variable name: a letter or underscore, then letters, digits, underscores ("param" is reserved). */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A data parameter name: dotted lower-case segments, e.g. "patient.vitals_window". */
export const PARAMETER_NAME = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+$/;
