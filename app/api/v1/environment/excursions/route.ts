import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { listExcursions, MAX_EXCURSION_LIMIT } from "@/lib/environment/excursion-queries";
import { excursionsToCsv } from "@/lib/environment/excursions-csv";
import { ENVIRONMENT_ROLES, EXCURSION_KINDS } from "@/lib/environment/excursion-types";

export const dynamic = "force-dynamic";

/** A date (UTC midnight) or a date-time with its offset: a time without one would be read in the server's zone. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const time = z
  .string()
  .regex(ISO_TIME, "must be an ISO 8601 date or a date-time with offset, e.g. 2026-11-23 or 2026-11-23T18:00:00Z")
  .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s))
  .refine((d) => !Number.isNaN(d.getTime()), "is not a valid date");
const flag = z
  .enum(["true", "false", "1", "0"], { error: "must be true or false" })
  .transform((v) => v === "true" || v === "1")
  .optional();

const querySchema = z
  .object({
    deviceId: z.string().min(1).max(100).optional(),
    kind: z.enum(EXCURSION_KINDS, { error: `must be one of: ${EXCURSION_KINDS.join(", ")}` }).optional(),
    from: time.optional(),
    to: time.optional(),
    open: flag,
    needsAction: flag,
    limit: z.coerce
      .number()
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(MAX_EXCURSION_LIMIT, `must be at most ${MAX_EXCURSION_LIMIT}`)
      .optional(),
    format: z.enum(["json", "csv"], { error: "must be json or csv" }).default("json"),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ["to"], message: "must be after from" });

/** The environment compliance record in the caller's scope, newest first; ?format=csv for a download. */
export const GET = apiRoute({ roles: ENVIRONMENT_ROLES, query: querySchema }, async ({ principal, query }) => {
  const { format, limit, ...filter } = query;
  const excursions = await listExcursions(principal, { ...filter, limit: limit ?? (format === "csv" ? MAX_EXCURSION_LIMIT : 200) });
  if (format === "json") return { excursions };
  const stamp = new Date().toISOString().slice(0, 16).replace(":", "");
  return new Response(excursionsToCsv(excursions), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="environment-excursions-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
