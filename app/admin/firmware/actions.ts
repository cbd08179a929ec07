"use server";
// Server actions of the firmware page (admin, biomed): assign a package to devices (sends the OTA
// command), flag and unflag a package. Uploads go to POST /api/v1/firmware instead (multipart, up to
// 32 MiB: above the server-action body limit). All audited.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { assignFirmware } from "@/lib/firmware/assign-firmware";
import { flagPackage, unflagPackage, FLAG_REASON_MAX } from "@/lib/firmware/flag-package";

const ROLES = ["admin", "biomed"] as const;
const packageId = z.string().min(1).max(64);

export const assignFirmwareAction = safeAction(
  {
    roles: ROLES,
    input: z.object({
      packageId,
      target: z.union([
        z.object({ deviceIds: z.array(z.string().min(1).max(100)).min(1, "choose at least one device").max(5000) }),
        z.object({ allOutdated: z.literal(true) }),
      ]),
    }),
  },
  async ({ principal, input, meta }) => {
    const r = await assignFirmware(input.packageId, input.target, { audit: { actor: principal, meta } });
    return { assigned: r.updates.length, delivered: r.delivered, undelivered: r.undelivered.length };
  },
);

export const flagPackageAction = safeAction(
  {
    roles: ROLES,
    input: z.object({ packageId, reason: z.string().trim().min(3, "say why (at least 3 characters)").max(FLAG_REASON_MAX) }),
  },
  ({ principal, input, meta }) => flagPackage(input.packageId, input.reason, { audit: { actor: principal, meta } }),
);

export const unflagPackageAction = safeAction({ roles: ROLES, input: z.object({ packageId }) }, async ({ principal, input, meta }) => {
  await unflagPackage(input.packageId, { audit: { actor: principal, meta } });
  return { ok: true };
});
