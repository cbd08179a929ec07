"use server";
// Server functions of the AI call log (admins): the calls and per-version metrics for a set of filters
// (read by the page's query, refreshed while open), one call's logged content, and the content
// logging setting (off by default; a retention in days after which content is purged). Audited by the
// call log.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { CALL_STATUSES, getCallContent, listCalls, setContentLogging, versionMetrics } from "@/lib/ai/service";
import { callFilterOf } from "./call-query";

const ADMIN = ["admin"] as const;
const text = z.string().max(100).optional();
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional();

const callQuerySchema = z.object({
  feature: text,
  prompt: text,
  version: z.number().int().positive().optional(),
  userId: text,
  status: z.enum(CALL_STATUSES).optional(),
  from: day,
  to: day,
});

export const loadCallsAction = safeAction({ roles: ADMIN, input: callQuerySchema }, async ({ principal, meta, input }) => {
  const filter = callFilterOf(input);
  const [calls, metrics] = await Promise.all([listCalls({ principal, meta }, filter), versionMetrics({ principal, meta }, filter)]);
  return { calls, metrics, at: new Date().toISOString() };
});

export const loadCallContentAction = safeAction(
  {
    roles: ADMIN,
    input: z.object({ callId: z.string().min(1).max(100) }),
    wording: { failed: "Not shown", unavailable: "This call is not available." },
  },
  ({ principal, meta, input }) => getCallContent({ principal, meta }, input.callId),
);

export const setContentLoggingAction = safeAction(
  {
    roles: ADMIN,
    input: z.object({
      enabled: z.boolean(),
      retentionDays: z
        .number({ error: "must be a number of days" })
        .int("must be whole days")
        .min(1, "must be at least 1 day")
        .max(3650, "must be at most 3650 days"),
    }),
    wording: { failed: "Not changed", unavailable: "Not available." },
  },
  ({ principal, meta, input }) => setContentLogging({ principal, meta }, input),
);
