// Whether a role follows the equipment room live (alerts of devices on no patient: pump maintenance,
// fridge excursions, logger gaps). Mirrors the server's EQUIPMENT_ROOM_ROLES.
import type { Role } from "@/lib/auth/principal";
import { EQUIPMENT_ROOM_ROLES, EQUIPMENT_SCOPE } from "@/lib/socket/events";

export function followsEquipmentAlerts(role: Role): boolean {
  return (EQUIPMENT_ROOM_ROLES as readonly Role[]).includes(role);
}

const FOLLOWED: readonly string[] = [EQUIPMENT_SCOPE];
const NONE: readonly string[] = [];

/** The equipment room ids a screen joins (stable arrays, so hooks do not re-join on every render). */
export function equipmentRoomIds(follow: boolean): readonly string[] {
  return follow ? FOLLOWED : NONE;
}
