// One device of the registry (admin, biomed): GET reads it, PATCH assigns it to exactly one of a
// patient (admins only), a bed ("WARD/label" or id), an asset tag or a location, or unassigns it;
// a PATCH of `{environmentProfile}` alone sets (or with null clears) what an environment sensor watches.
import { z } from "zod";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { ApiError, notFound } from "@/lib/http/api-errors";
import { assignDevice } from "@/lib/devices/manage-devices";
import { devicePatchBodySchema, setEnvironmentProfile } from "@/lib/devices/set-environment-profile";
import { getRegistryDevice, patientIdsOf } from "@/lib/devices/device-queries";
import { registryRoute, showsPatients } from "@/lib/firmware/route-helpers";
import { readJsonBody } from "@/lib/http/read-json-body";

export const dynamic = "force-dynamic";

const params = z.object({ deviceId: z.string().min(1).max(100) });

export const GET = registryRoute({ params }, async ({ principal, params, meta }) => {
  const device = await getRegistryDevice(params.deviceId, { showPatients: showsPatients(principal) });
  if (!device) throw notFound("device");
  const patientIds = patientIdsOf([device]);
  if (patientIds.length) await recordPatientReads(principal, "device.view", patientIds, meta, { deviceId: device.id, via: "api" });
  return { device };
});

/** PATCH {patientId} | {bed: "4E/3"} | {assetTag} | {location} | {unassign: true} | {environmentProfile: "vaccine_fridge" | null} → {device} */
export const PATCH = registryRoute({ params }, async ({ req, principal, params, meta }) => {
  const patch = await readJsonBody(req, devicePatchBodySchema);
  const audit = { actor: principal, meta };
  if (patch.kind === "profile") {
    await setEnvironmentProfile(params.deviceId, patch.environmentProfile, { audit });
  } else {
    const { target } = patch;
    if (target.kind === "patient" && !showsPatients(principal)) throw new ApiError(403, "patientId: only admins assign devices to patients; assign to a bed instead");
    await assignDevice(params.deviceId, target, { audit });
  }
  return { device: await getRegistryDevice(params.deviceId, { showPatients: showsPatients(principal) }) };
});
