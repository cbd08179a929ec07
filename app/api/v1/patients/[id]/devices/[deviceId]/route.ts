// Unpairing a returned home device from a patient (lib/devices/pair-home-device).
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { CLINICAL_ROLES } from "@/lib/auth/principal";
import { requirePatientInScope } from "@/lib/programs/program-access";
import { unpairHomeDevice } from "@/lib/devices/pair-home-device";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1), deviceId: z.string().min(1).max(100) });

/** DELETE → 204: the device is unassigned (back in stock) and its secret rotated away. */
export const DELETE = apiRoute({ roles: CLINICAL_ROLES, params }, async ({ principal, params, meta }) => {
  const patient = await requirePatientInScope(principal, params.id, "id");
  await unpairHomeDevice(patient.id, params.deviceId, { actor: principal, meta });
  return new Response(null, { status: 204 });
});
