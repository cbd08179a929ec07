// Whether a role follows the equipment room live (alerts of devices on no patient: pump maintenance,
// fridge excursions, logger gaps). Mirrors the server's EQUIPMENT_ROOM_ROLES.
import type { Role } from "@/lib/auth/principal";
import { EQUIPMENT_ROOM_ROLES } from "@/lib/socket/events";

export function followsEquipmentAlerts(role: Role): boolean {
  return (EQUIPMENT_ROOM_ROLES as readonly Role[]).includes(role);
}
