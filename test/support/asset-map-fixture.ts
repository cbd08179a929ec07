// The asset map's test floor: the demo 4E and ICU floors stored (4E tied to a ward), gateways in some 4E
// rooms and tagged assets, created through the CLI as an operator would; plus a sightings body builder.
import { demoFloors } from "@/lib/assets/floors/demo-floors";
import { saveFloor } from "@/lib/asset-tracking/floor-store";
import { runCliCommand } from "@/lib/cli/commands";

export type Provisioned = { id: string; secret: string };

export async function provisionAssetMap(
  wardId: string | null,
  gatewayRooms: string[],
  tags: { id: string; class: string; name?: string }[],
) {
  const [ward4e, icu] = demoFloors();
  await saveFloor(ward4e!, { wardId });
  await saveFloor(icu!);
  const gateways: Record<string, Provisioned> = {};
  for (const room of gatewayRooms) {
    const out = await runCliCommand(["devices", "create", "--type", "ble_gateway", "--room", room, "--id", `gw-${room}`, "--json"]);
    const g = out.json as { id: string; secret: string };
    gateways[room] = { id: g.id, secret: g.secret };
  }
  const tagIds: Record<string, string> = {};
  const tagSecrets: Record<string, string> = {};
  for (const t of tags) {
    const out = await runCliCommand([
      "devices",
      "create",
      "--type",
      "asset_tag",
      "--asset-class",
      t.class,
      "--id",
      t.id,
      ...(t.name ? ["--asset-name", t.name] : []),
      "--json",
    ]);
    tagIds[t.id] = (out.json as { assetId: string }).assetId;
    tagSecrets[t.id] = (out.json as { secret: string }).secret;
  }
  return { gateways, tagIds, tagSecrets };
}

/** One batch per second from `start` for `seconds`, each hearing the tags at the given RSSI. */
export function sightingBatches(firstSeq: number, start: number, seconds: number, heard: Record<string, number>) {
  return Array.from({ length: seconds }, (_, i) => ({
    seq: firstSeq + i,
    ts: new Date(start + i * 1000).toISOString(),
    sightings: Object.entries(heard).map(([tag, rssi]) => ({ tag, rssi })),
  }));
}
