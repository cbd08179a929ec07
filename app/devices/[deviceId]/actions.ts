"use server";
// Server action of the device page (admin, biomed): set the device's identity (model, serial, UDI) through
// the same function as PATCH /api/v1/devices/{id}; audited; errors name the field.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { setDeviceIdentity } from "@/lib/devices/device-identity";
import { deviceIdentityBodySchema } from "@/lib/devices/device-identity-rules";
import { DEVICE_PAGE_ROLES } from "@/lib/devices/device-detail";

export const setDeviceIdentityAction = safeAction(
  { roles: DEVICE_PAGE_ROLES, input: z.object({ deviceId: z.string().trim().min(1).max(100), identity: deviceIdentityBodySchema }) },
  async ({ principal, input, meta }) => setDeviceIdentity(input.deviceId, input.identity, { audit: { actor: principal, meta } }),
);
