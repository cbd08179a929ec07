// Shared by the device-registry and firmware API routes (/api/v1/devices, /api/v1/firmware):
// the admin+biomed route wrapper that maps DeviceInputError / FirmwareInputError to 4xx JSON with
// the field at fault. Bodies are read with lib/http/read-json-body.
import "server-only";
import type { z } from "zod";
import type { Principal, Role } from "@/lib/auth/principal";
import { apiRoute, type ApiHandlerContext } from "@/lib/http/api-route";
import { ApiError } from "@/lib/http/api-errors";
import { DeviceInputError } from "@/lib/devices/manage-devices";
import { FirmwareInputError } from "./firmware-error";

export const REGISTRY_ROLES: readonly Role[] = ["admin", "biomed"];

/** Whether the caller may see who the patient on a device is (admins only; never biomed). */
export const showsPatients = (p: Principal) => p.role === "admin";

export function toApiError(err: unknown): unknown {
  if (err instanceof DeviceInputError) {
    const reason = err.message.slice(err.field.length + 2);
    return new ApiError(err.field === "device" && /^no (active )?device with id/.test(reason) ? 404 : 400, err.message, [{ field: err.field, reason }]);
  }
  if (err instanceof FirmwareInputError) return new ApiError(err.status, err.message, [{ field: err.field, reason: err.reason }]);
  return err;
}

export function registryRoute<P = Record<string, never>, Q = Record<string, never>>(
  opts: { params?: z.ZodType<P>; query?: z.ZodType<Q>; roles?: readonly Role[] },
  handler: (ctx: ApiHandlerContext<P, Q>) => Promise<unknown>,
) {
  return apiRoute({ roles: REGISTRY_ROLES, ...opts }, async (ctx) => {
    try {
      return await handler(ctx);
    } catch (err) {
      throw toApiError(err);
    }
  });
}
