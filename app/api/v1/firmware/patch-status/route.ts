// GET /api/v1/firmware/patch-status (admin, biomed): per device type, the newest unflagged version,
// the flagged versions, counts of current/outdated/flagged/unknown devices, and the devices to patch.
import { recordPatientReads } from "@/lib/audit/record-audit";
import { patientIdsOf } from "@/lib/devices/device-queries";
import { patchStatus } from "@/lib/devices/patch-status";
import { registryRoute, showsPatients } from "@/lib/http/registry-route";

export const dynamic = "force-dynamic";

export const GET = registryRoute({}, async ({ principal, meta }) => {
  const types = await patchStatus({ showPatients: showsPatients(principal) });
  const patientIds = patientIdsOf(types.flatMap((t) => t.needsPatch));
  if (patientIds.length) await recordPatientReads(principal, "device.list", patientIds, meta, { via: "api", view: "patch-status" });
  return { types };
});
