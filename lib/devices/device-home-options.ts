// What a device's home ward can be set to on the device page: every ward, each with the rooms of its floor
// plan (a room must lie on its ward's floor; lib/devices/set-device-ward checks that again on save).
import "server-only";
import { getPrisma } from "@/lib/db/database";

export type HomeWardOption = { id: string; code: string; name: string; rooms: { id: string; name: string }[] };

export async function listHomeWardOptions(): Promise<HomeWardOption[]> {
  const prisma = await getPrisma();
  const wards = await prisma.ward.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
  const floors = await prisma.mapFloor.findMany({
    where: { wardId: { in: wards.map((w) => w.id) } },
    select: { wardId: true, rooms: { orderBy: { position: "asc" }, select: { id: true, name: true } } },
  });
  return wards.map((w) => ({ ...w, rooms: floors.filter((f) => f.wardId === w.id).flatMap((f) => f.rooms) }));
}
