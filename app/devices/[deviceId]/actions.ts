"use server";
// Server actions of the device page (admin, biomed): set the device's identity (model, serial, UDI) or its
// home ward and room, through the same functions as PATCH /api/v1/devices/{id}; audited; errors name the field.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { setDeviceIdentity } from "@/lib/devices/device-identity";
import { deviceIdentityBodySchema } from "@/lib/devices/device-identity-body";
import { DEVICE_PAGE_ROLES } from "@/lib/devices/device-detail";
import { deviceWardBodySchema, setDeviceWard } from "@/lib/devices/set-device-ward";

export const setDeviceIdentityAction = safeAction(
  { roles: DEVICE_PAGE_ROLES, input: z.object({ deviceId: z.string().trim().min(1).max(100), identity: deviceIdentityBodySchema }) },
  async ({ principal, input, meta }) => setDeviceIdentity(input.deviceId, input.identity, { audit: { actor: principal, meta } }),
);

/** Sets or clears the home ward (and room) of a device not at a bed or patient, as PATCH {ward, room} does. */
export const setDeviceWardAction = safeAction(
  { roles: DEVICE_PAGE_ROLES, input: z.object({ deviceId: z.string().trim().min(1).max(100), home: deviceWardBodySchema }) },
  async ({ principal, input, meta }) => setDeviceWard(input.deviceId, input.home, { audit: { actor: principal, meta } }),
);
