// The route wrapper of the device registry and firmware API (/api/v1/devices, /api/v1/firmware): apiRoute
// for admins and biomedical engineering. Their refusals name the field as the registry does ("bed",
// "signature"), without a "body." prefix (README, Device registry and firmware).
import "server-only";
import type { Principal, Role } from "@/lib/auth/principal";
import { Refusal } from "@/lib/errors/refusal";
import { apiRoute, type ApiHandlerContext, type ApiRouteOptions } from "./api-route";

export const REGISTRY_ROLES: readonly Role[] = ["admin", "biomed"];

/** Whether the caller may see who the patient on a device is (admins only; never biomed). */
export const showsPatients = (p: Principal) => p.role === "admin";

/** Biomed assigns devices to beds, never to a patient by identity. */
export const onlyAdminsAssignPatients = () =>
  new Refusal("forbidden", "only admins assign devices to patients; assign to a bed instead", { field: "patientId" });

export function registryRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  opts: Omit<ApiRouteOptions<P, Q, B>, "fieldsIn">,
  handler: (ctx: ApiHandlerContext<P, Q, B>) => Promise<unknown>,
) {
  return apiRoute({ roles: REGISTRY_ROLES, ...opts }, handler);
}
