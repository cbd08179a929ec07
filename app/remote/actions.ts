"use server";
// Server actions of "My remote patients": read and write a patient's messages with the care team, and
// invite a patient to the portal, pair a home device (the rules of lib/programs and lib/devices: scope,
// care team, audit).
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { CLINICAL_ROLES } from "@/lib/auth/principal";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { requirePatientInScope } from "@/lib/programs/program-access";
import { listCareMessages, sendCareMessage } from "@/lib/programs/care-messages";
import { messageBodySchema } from "@/lib/programs/message-body";
import { invitePatient, invitePatientBodySchema } from "@/lib/programs/invite-patient";
import { pairHomeDevice } from "@/lib/devices/pair-home-device";
import { HOME_DEVICE_TYPES } from "@/lib/domain/device-types";

const wording = { failed: "Not done", unavailable: "This patient is not available to you" };

export const loadThreadAction = safeAction(
  { roles: CLINICAL_ROLES, kind: "read", wording, input: z.object({ patientId: z.string().min(1) }) },
  async ({ principal, input, meta }) => {
    const patient = await requirePatientInScope(principal, input.patientId);
    const messages = await listCareMessages(patient.id);
    await recordPatientReads(principal, "messages.read", [patient.id], meta);
    return messages;
  },
);

export const sendMessageAction = safeAction(
  { roles: CLINICAL_ROLES, wording, input: messageBodySchema.extend({ patientId: z.string().min(1) }) },
  async ({ principal, input, meta }) => {
    const patient = await requirePatientInScope(principal, input.patientId);
    return sendCareMessage(principal, patient.id, input.body, meta);
  },
);

export const invitePatientAction = safeAction(
  { roles: CLINICAL_ROLES, wording, input: invitePatientBodySchema.extend({ patientId: z.string().min(1) }) },
  async ({ principal, input, meta }) => {
    const { patientId, ...body } = input;
    const r = await invitePatient(principal, patientId, body, meta);
    return { email: r.user.email, path: r.invite.path };
  },
);

export const pairDeviceAction = safeAction(
  { roles: CLINICAL_ROLES, wording, input: z.object({ patientId: z.string().min(1), type: z.enum(HOME_DEVICE_TYPES) }) },
  async ({ principal, input, meta }) => {
    const patient = await requirePatientInScope(principal, input.patientId);
    const { device, secret } = await pairHomeDevice(patient.id, { type: input.type }, { actor: principal, meta });
    return { deviceId: device.id, secret };
  },
);
