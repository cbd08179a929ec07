// lib/ai owns the governed AI layer. Pure parts: de-identification (deidentify), money and prices
// (costs), token counting (tokens), prompt versions, templates, validation and diff (prompts), the model
// client and the demo model (model). Database and domain parts: the prompt vault (vault), the parameter
// manager (parameters), budgets with exact reservations and the price table (budgets), the call log,
// content logging and spend (calls), the governed call path and the four clinical features (features),
// the model client from the environment (runtime), start-up (start-ai.ts). Everything outside lib/ai
// calls the service surface, lib/ai/service.ts (types in service-types.ts, client-safe).
export type * from "./service-types";
export { AI_FEATURES, CALL_STATUSES, MOVABLE_LABELS, PROMPT_LABELS } from "./service-types";
