// A patient's paired devices (remote monitoring onboarding, lib/devices/pair-home-device): clinicians who
// may see the patient and admins list them and pair a home device (a new one, or one from stock; a fresh
// secret shown once either way).
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { CLINICAL_ROLES } from "@/lib/auth/principal";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { requirePatientInScope } from "@/lib/programs/program-access";
import { listPairedDevices, pairBodySchema, pairHomeDevice } from "@/lib/devices/pair-home-device";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1) });

/** GET → {devices: [{id, type, status, lastSeenAt, battery}]} */
export const GET = apiRoute({ roles: CLINICAL_ROLES, params }, async ({ principal, params, meta }) => {
  const patient = await requirePatientInScope(principal, params.id, "id");
  const devices = await listPairedDevices(patient.id);
  await recordPatientReads(principal, "devices.read", [patient.id], meta);
  return { devices };
});

/** POST {type} | {deviceId} → 201 {device, secret} (a fresh secret, shown once) */
export const POST = apiRoute(
  { roles: CLINICAL_ROLES, params, body: pairBodySchema, fieldsIn: "body" },
  async ({ principal, params, body, meta }) => {
    const patient = await requirePatientInScope(principal, params.id, "id");
    const paired = await pairHomeDevice(patient.id, body, { actor: principal, meta });
    return Response.json(paired, { status: 201 });
  },
);
