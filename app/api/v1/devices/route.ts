// The device registry over HTTP (admin, biomed): GET lists devices with filters, POST provisions one
// (its secret is in the answer, once). Patient names and ids appear for admins only.
import { z } from "zod";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { createDevice } from "@/lib/devices/manage-devices";
import { getRegistryDevice, listRegistryDevices, patientIdsOf, registryFiltersSchema } from "@/lib/devices/device-queries";
import { onlyAdminsAssignPatients, registryRoute, showsPatients } from "@/lib/http/registry-route";

export const dynamic = "force-dynamic";

/** GET /api/v1/devices?type=&status=active|revoked&connectivity=online|offline|unknown&ward=<id|code>&firmware=outdated|flagged|current|unknown|untracked|attention&q= */
export const GET = registryRoute({ query: registryFiltersSchema }, async ({ principal, query, meta }) => {
  const devices = await listRegistryDevices(query, { showPatients: showsPatients(principal) });
  const patientIds = patientIdsOf(devices);
  if (patientIds.length) await recordPatientReads(principal, "device.list", patientIds, meta, { via: "api" });
  return { devices };
});

const provisionSchema = z
  .object({
    type: z.string().min(1),
    id: z.string().optional(),
    patientId: z.string().min(1).optional(),
    bed: z.string().min(1).optional(),
    assetTag: z.string().min(1).optional(),
    location: z.string().min(1).optional(),
    firmwareVersion: z.string().min(1).max(64).optional(),
    gatewayId: z.string().min(1).optional(),
    environmentProfile: z.string().min(1).max(40).nullable().optional(),
  })
  .strict();

/** POST /api/v1/devices {type, id?, patientId? | bed? | assetTag? | location?, firmwareVersion?, gatewayId?, environmentProfile? (env_sensor)} → 201 {device, secret} */
export const POST = registryRoute({ body: provisionSchema }, async ({ principal, body, meta }) => {
  if (body.patientId && !showsPatients(principal)) throw onlyAdminsAssignPatients();
  const created = await createDevice(body, { audit: { actor: principal, meta } });
  const device = await getRegistryDevice(created.id, { showPatients: showsPatients(principal) });
  return Response.json({ device, secret: created.secret }, { status: 201 });
});
