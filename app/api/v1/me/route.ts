import { apiRoute } from "@/lib/http/api-route";
import { Refusal } from "@/lib/errors/refusal";
import { loadOwnPortal } from "@/lib/portal/load-portal";

export const dynamic = "force-dynamic";

/**
 * GET → the signed-in patient's own summary (the portal's view model, lib/portal/portal-view): {patient,
 * generatedAt, programs, glucose, bp, asthma, devices, alerts}. Patients only; audited as a read of their record.
 */
export const GET = apiRoute({ roles: ["patient"] }, async ({ principal, meta }) => {
  const view = await loadOwnPortal(principal, meta, "portal.api_read");
  if (!view) throw new Refusal("forbidden", "this account is not linked to a patient record");
  return view;
});
