// Starts the demo asset tags (lib/simulator/run-asset-tags) for the simulated BLE gateways and tags in the
// database: rotates each gateway's secret (held only in memory) and hands the floors' rooms to the movement model.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { rotateDeviceSecret } from "@/lib/devices/manage-devices";
import { loadFloors } from "@/lib/asset-tracking/floor-store";
import { demoTagSpecs } from "@/lib/seed/demo-assets";
import { startAssetTags } from "@/lib/simulator/run-asset-tags";

export async function startDemoAssetTags(brokerUrl: string, log: (msg: string) => void): Promise<{ stop(): Promise<void> } | null> {
  const prisma = await getPrisma();
  const gateways = await prisma.bleGateway.findMany({
    where: { device: { simulated: true, status: "active" } },
    select: { deviceId: true, roomId: true },
  });
  const tags = await prisma.asset.findMany({ where: { tag: { simulated: true, status: "active" } }, select: { tagId: true, class: true } });
  if (gateways.length === 0 || tags.length === 0) return null;
  const specs = new Map(demoTagSpecs().map((s) => [s.tagId, s]));
  const floors = await loadFloors();
  const rooms = floors.flatMap((f) => f.rooms.map((r) => ({ id: r.id, type: r.type, floorId: f.id, centroid: r.centroid })));
  const withSecrets = [];
  for (const g of gateways) withSecrets.push({ id: g.deviceId, roomId: g.roomId, secret: await rotateDeviceSecret(g.deviceId) });
  return startAssetTags({
    brokerUrl,
    gateways: withSecrets,
    rooms,
    tags: tags.map((t, i) => {
      const spec = specs.get(t.tagId);
      return {
        tagId: t.tagId,
        class: t.class,
        floorId: spec?.floorId ?? floors[0]!.id,
        seed: spec?.seed ?? 1000 + i,
        wanderer: spec?.wanderer ?? false,
      };
    }),
    log,
  });
}
