// Provisioning the asset map's devices through the device registry: a BLE gateway placed in a room or
// corridor (its own id and secret; it may send sightings and its own health), and an asset tag on an asset
// of a class, with an optional name and an optional registered device it is fixed to (e.g. a pump).
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import { createDevice, revokeDevice } from "@/lib/devices/manage-devices";
import type { AuditBy } from "@/lib/audit/record-audit";
import { recordAudit } from "@/lib/audit/record-audit";
import { ASSET_CLASS_KEYS, isAssetClass, type AssetClass } from "@/lib/assets/asset-map";
import { eventBus } from "@/lib/bus/event-bus";

const NAME_MAX = 80;

export type CreatedGateway = { id: string; type: "ble_gateway"; roomId: string; floorId: string; secret: string };
export type CreatedTag = {
  id: string;
  type: "asset_tag";
  assetId: string;
  assetClass: AssetClass;
  assetName: string | null;
  deviceId: string | null;
  secret: string;
};

export async function createBleGateway(
  input: { roomId: string; id?: string; simulated?: boolean },
  opts: { audit?: AuditBy } = {},
): Promise<CreatedGateway> {
  const prisma = await getPrisma();
  const roomId = input.roomId?.trim() ?? "";
  if (!roomId) throw new Refusal("invalid", "is required: the room or corridor the gateway hangs in", { field: "room" });
  const room = await prisma.mapRoom.findUnique({ where: { id: roomId }, select: { id: true, floorId: true } });
  if (!room) throw new Refusal("invalid", `no room "${roomId}" on the floor plans (GET /api/v1/floors lists them)`, { field: "room" });
  const d = await createDevice({ type: "ble_gateway", id: input.id, location: `room ${room.id}`, simulated: input.simulated }, opts);
  try {
    await prisma.bleGateway.create({ data: { deviceId: d.id, roomId: room.id } });
  } catch (err) {
    await revokeDevice(d.id);
    throw err;
  }
  eventBus().publish("asset:layout", { reason: "gateway", id: d.id });
  if (opts.audit) await recordAudit([{ ...opts.audit, action: "gateway.place", detail: { deviceId: d.id, roomId: room.id } }]);
  return { id: d.id, type: "ble_gateway", roomId: room.id, floorId: room.floorId, secret: d.secret };
}

export async function createAssetTag(
  input: {
    assetClass: string;
    assetName?: string | null;
    deviceId?: string | null;
    id?: string;
    simulated?: boolean;
    serviceDueAt?: Date | null;
  },
  opts: { audit?: AuditBy } = {},
): Promise<CreatedTag> {
  const assetClass = input.assetClass?.trim() ?? "";
  if (!isAssetClass(assetClass))
    throw new Refusal("invalid", `unknown asset class "${assetClass}" (one of: ${ASSET_CLASS_KEYS.join(", ")})`, { field: "assetClass" });
  const name = input.assetName?.trim() || null;
  if (name && (name.length > NAME_MAX || /[\p{Cc}]/u.test(name)))
    throw new Refusal("invalid", `at most ${NAME_MAX} characters, no control characters`, { field: "assetName" });
  const prisma = await getPrisma();
  const attached = input.deviceId?.trim() || null;
  if (attached) {
    const dev = await prisma.device.findUnique({
      where: { id: attached },
      select: { type: true, status: true, assetOf: { select: { id: true } } },
    });
    if (!dev || dev.status !== "active") throw new Refusal("invalid", `no active device "${attached}"`, { field: "device" });
    if (dev.type === "asset_tag" || dev.type === "ble_gateway")
      throw new Refusal("invalid", `"${attached}" is a ${dev.type}; attach a tag to equipment such as an infusion pump`, {
        field: "device",
      });
    if (dev.assetOf) throw new Refusal("conflict", `"${attached}" already carries tag of asset "${dev.assetOf.id}"`, { field: "device" });
  }
  const d = await createDevice({ type: "asset_tag", id: input.id, simulated: input.simulated }, opts);
  const assetId = `asset-${d.id}`;
  try {
    await prisma.asset.create({
      data: { id: assetId, tagId: d.id, class: assetClass, name, deviceId: attached, serviceDueAt: input.serviceDueAt ?? null },
    });
  } catch (err) {
    await revokeDevice(d.id);
    throw err;
  }
  eventBus().publish("asset:layout", { reason: "tag", id: d.id });
  if (opts.audit)
    await recordAudit([
      { ...opts.audit, action: "asset.create", detail: { assetId, tagId: d.id, class: assetClass, name, deviceId: attached } },
    ]);
  return { id: d.id, type: "asset_tag", assetId, assetClass, assetName: name, deviceId: attached, secret: d.secret };
}
