import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { getAlertDetail } from "@/lib/alerts/alert-queries";

export const dynamic = "force-dynamic";

/** One alert with its full trail. */
export const GET = apiRoute({ params: z.object({ id: z.string().min(1).max(100) }) }, async ({ principal, params, meta }) => {
  const detail = await getAlertDetail(principal, params.id);
  if (detail.alert.patientId) await recordPatientReads(principal, "alert.read", [detail.alert.patientId], meta, { alertId: params.id });
  return detail;
});
