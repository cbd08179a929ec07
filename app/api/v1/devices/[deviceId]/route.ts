// One device of the registry (admin, biomed): GET reads it, PATCH assigns it to exactly one of a
// patient (admins only), a bed ("WARD/label" or id), an asset tag or a location, or unassigns it;
// a PATCH of `{environmentProfile}` alone sets (or with null clears) what an environment sensor watches;
// a PATCH of `{ward, room?}` alone sets (or with null clears) the home ward of a device not at a bed;
// a PATCH of identity fields (`model`, `serialNumber`, `udi`) sets them, with errors naming the field.
import { z } from "zod";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import { assignDevice } from "@/lib/devices/manage-devices";
import { setDeviceIdentity } from "@/lib/devices/device-identity";
import { devicePatchBodySchema, setEnvironmentProfile } from "@/lib/devices/set-environment-profile";
import { setDeviceWard } from "@/lib/devices/set-device-ward";
import { getRegistryDevice, patientIdsOf } from "@/lib/devices/device-queries";
import { onlyAdminsAssignPatients, registryRoute, showsPatients } from "@/lib/http/registry-route";

export const dynamic = "force-dynamic";

const params = z.object({ deviceId: z.string().min(1).max(100) });

export const GET = registryRoute({ params }, async ({ principal, params, meta }) => {
  const device = await getRegistryDevice(params.deviceId, { showPatients: showsPatients(principal) });
  if (!device) throw new Refusal("not_found", "device not found");
  const patientIds = patientIdsOf([device]);
  if (patientIds.length) await recordPatientReads(principal, "device.view", patientIds, meta, { deviceId: device.id, via: "api" });
  return { device };
});

/** PATCH {patientId} | {bed: "4E/3"} | {assetTag} | {location} | {unassign: true} | {environmentProfile: "vaccine_fridge" | null}
 *  | {ward: "4E" | null, room?} | {model?, serialNumber?, udi?} (identity; null clears a field) → {device} */
export const PATCH = registryRoute({ params, body: devicePatchBodySchema }, async ({ principal, params, body: patch, meta }) => {
  const audit = { actor: principal, meta };
  if (patch.kind === "profile") {
    await setEnvironmentProfile(params.deviceId, patch.environmentProfile, { audit });
  } else if (patch.kind === "ward") {
    await setDeviceWard(params.deviceId, { ward: patch.ward, room: patch.room }, { audit });
  } else if (patch.kind === "identity") {
    await setDeviceIdentity(params.deviceId, patch.identity, { audit });
  } else {
    const { target } = patch;
    if (target.kind === "patient" && !showsPatients(principal)) throw onlyAdminsAssignPatients();
    await assignDevice(params.deviceId, target, { audit });
  }
  return { device: await getRegistryDevice(params.deviceId, { showPatients: showsPatients(principal) }) };
});
