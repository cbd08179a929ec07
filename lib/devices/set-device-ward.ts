// A device's home ward (and optionally a room of that ward's floor plan): where a device that is not at a bed,
// e.g. a medication fridge's logger, belongs, so its alarms are routed to that ward's nurses and scoped by it
// like a bedside device's (lib/alerts/load-equipment). Set by the registry PATCH `{ward, room}`; announced on
// the bus ("device:changed", change "assigned") so the alarm engine reloads the device; audited.
import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { recordAudit, type AuditBy } from "@/lib/audit/record-audit";
import { Refusal } from "@/lib/errors/refusal";
import { changeableDevice } from "./changeable-device";

/** PATCH body: `{ward: "4E" | wardId | null, room?: roomId | null}` (null clears). */
export const deviceWardBodySchema = z
  .object({
    ward: z.string().trim().min(1, "give a ward code or id, or null to clear it").max(100).nullable(),
    room: z.string().trim().min(1, "give a room id, or null for none").max(100).nullable().optional(),
  })
  .strict();

export type DeviceHome = { id: string; wardId: string | null; wardCode: string | null; roomId: string | null };

/** Sets (or with a null ward clears) an active device's home ward and room; a room must lie on that ward's floor. */
export async function setDeviceWard(
  deviceId: string,
  input: { ward: string | null; room?: string | null },
  opts: { audit?: AuditBy } = {},
): Promise<DeviceHome> {
  const prisma = await getPrisma();
  const existing = changeableDevice(
    deviceId,
    await prisma.device.findUnique({
      where: { id: deviceId },
      select: { id: true, status: true, patientId: true, bedId: true, wardId: true, roomId: true },
    }),
  );
  if (input.ward !== null && (existing.patientId || existing.bedId))
    throw new Refusal("invalid", `"${deviceId}" is at a patient or bed and belongs to that ward; unassign it first`, { field: "ward" });

  let ward: { id: string; code: string } | null = null;
  if (input.ward !== null) {
    ward = await prisma.ward.findFirst({ where: { OR: [{ id: input.ward }, { code: input.ward }] }, select: { id: true, code: true } });
    if (!ward) throw new Refusal("invalid", `no ward "${input.ward}"`, { field: "ward" });
  } else if (input.room) {
    throw new Refusal("invalid", "a room needs a ward", { field: "room" });
  }
  let roomId: string | null = null;
  if (ward && input.room) {
    const room = await prisma.mapRoom.findUnique({ where: { id: input.room }, select: { id: true, floor: { select: { wardId: true } } } });
    if (!room) throw new Refusal("invalid", `no room "${input.room}"`, { field: "room" });
    if (room.floor.wardId !== ward.id)
      throw new Refusal("invalid", `room "${input.room}" is not on ward ${ward.code}'s floor`, { field: "room" });
    roomId = room.id;
  }

  const wardId = ward?.id ?? null;
  if (existing.wardId !== wardId || existing.roomId !== roomId) {
    await prisma.device.update({ where: { id: deviceId }, data: { wardId, roomId } });
    eventBus().publish("device:changed", { deviceId, change: "assigned" });
    if (opts.audit) {
      await recordAudit([
        {
          ...opts.audit,
          action: "device.set_ward",
          detail: { deviceId, wardId, roomId, previous: { wardId: existing.wardId, roomId: existing.roomId } },
        },
      ]);
    }
  }
  return { id: deviceId, wardId, wardCode: ward?.code ?? null, roomId };
}
