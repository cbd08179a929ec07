// The zod schemas of the AI REST contract (app/api/v1/ai/*, the feature routes): path, query and body
// shapes, with the field-level messages the API answers.
import { z } from "zod";
import { CALL_STATUSES } from "./service-types";

export const promptNameParams = z.object({ name: z.string().min(1).max(100) });
export const versionParams = promptNameParams.extend({
  version: z.coerce.number({ error: "must be a version number" }).int("must be a whole number").positive("must be positive"),
});
export const labelParams = promptNameParams.extend({ label: z.string().min(1).max(20) });
export const idParams = z.object({ id: z.string().min(1).max(100) });

/** Checked in full by the vault (each unknown variable and non-allow-listed parameter named). */
export const createVersionBody = z.object({}).passthrough();
export const labelBody = z.object({ version: z.number({ error: "must be a version number" }).int().positive() });

const isoDate = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }).transform((s) => new Date(s));

export const callsQuery = z.object({
  feature: z.string().max(100).optional(),
  prompt: z.string().max(100).optional(),
  version: z.coerce.number().int().positive().optional(),
  userId: z.string().max(100).optional(),
  status: z.enum(CALL_STATUSES, { error: `must be one of: ${CALL_STATUSES.join(", ")}` }).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1, "must be at least 1").max(5000, "must be at most 5000").default(200),
  format: z.enum(["json", "csv"]).default("json"),
});

const usd = (field: string) =>
  z
    .number({ error: `${field} must be a number of USD` })
    .min(0, "must not be negative")
    .max(9_000_000);

export const priceBody = z.object({
  model: z.string().trim().min(1, "must not be empty").max(100),
  inputPerM: usd("inputPerM"),
  cachedInputPerM: usd("cachedInputPerM"),
  outputPerM: usd("outputPerM"),
  effectiveFrom: isoDate.optional(),
});

export const budgetBody = z.object({
  scope: z.string().min(1).max(80),
  period: z.enum(["day", "month"], { error: 'must be "day" or "month"' }),
  softUsd: usd("softUsd").nullable().optional(),
  hardUsd: usd("hardUsd"),
});

export const feedbackBody = z.object({ useful: z.boolean({ error: "must be true or false" }), comment: z.string().max(1000).optional() });

export const previewBody = z
  .object({ patientId: z.string().max(100), alertId: z.string().max(100), wardId: z.string().max(100), deviceId: z.string().max(100) })
  .partial();
