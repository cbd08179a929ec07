// POST /api/v1/firmware/{packageId}/flag {reason} (admin, biomed): mark a package faulty — devices on
// it show as flagged, it can no longer be assigned, open rollouts are cancelled. DELETE unflags it.
import { z } from "zod";
import { flagPackage, unflagPackage, FLAG_REASON_MAX } from "@/lib/firmware/flag-package";
import { registryRoute } from "@/lib/http/registry-route";

export const dynamic = "force-dynamic";

const params = z.object({ packageId: z.string().min(1).max(64) });

export const POST = registryRoute(
  { params, body: z.object({ reason: z.string().max(FLAG_REASON_MAX) }).strict() },
  async ({ principal, params, body: { reason }, meta }) => {
    return { flagged: true, ...(await flagPackage(params.packageId, reason, { audit: { actor: principal, meta } })) };
  },
);

export const DELETE = registryRoute({ params }, async ({ principal, params, meta }) => {
  await unflagPackage(params.packageId, { audit: { actor: principal, meta } });
  return { flagged: false };
});
