// The ingest quarantine for admins: refused frames with reason, raw payload, device, transport, topic
// and time, newest first. `format=csv` downloads the same rows; JSON also carries the live counters.
// Payloads may hold patient readings, so every read is audited.
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { recordAudit } from "@/lib/audit/record-audit";
import { listRejections, rejectionsCsv, REJECTIONS_MAX } from "@/lib/ingest/list-rejections";
import { ingestStatus } from "@/lib/ingest/ingest-status";

export const dynamic = "force-dynamic";

const isoDate = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time with offset" });

const querySchema = z.object({
  deviceId: z.string().trim().min(1).max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  beforeId: z
    .string()
    .regex(/^\d{1,19}$/, "must be a rejection id")
    .optional(),
  limit: z.coerce.number().int().min(1).max(REJECTIONS_MAX).default(100),
  format: z.enum(["json", "csv"]).default("json"),
});

export const GET = apiRoute({ roles: ["admin"], query: querySchema }, async ({ principal, query, meta }) => {
  const page = await listRejections({
    deviceId: query.deviceId,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    beforeId: query.beforeId,
    limit: query.limit,
  });
  await recordAudit([
    {
      actor: principal,
      action: "ingest.rejections.view",
      meta,
      detail: { deviceId: query.deviceId ?? null, format: query.format, rows: page.rejections.length },
    },
  ]);
  if (query.format === "csv") {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    return new Response(rejectionsCsv(page.rejections), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="ingest-rejections-${stamp}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  }
  return { ...page, status: await ingestStatus() };
});
