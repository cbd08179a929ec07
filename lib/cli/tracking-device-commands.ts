// CLI: the asset map's devices. `devices create --type ble_gateway --room <roomId>` places a gateway in a
// room or corridor; `devices create --type asset_tag --asset-class <class> [--asset-name <name>]
// [--asset-device <deviceId>]` tags an asset (optionally a registered device such as a pump). Both print
// the secret once; with --json one JSON document.
import "server-only";
import { CliError, flag, type ParsedArgs } from "./parse-args";
import { CLI_ACTOR, type CliOutput } from "./cli-types";
import { createAssetTag, createBleGateway } from "@/lib/asset-tracking/provision-tracking";

const audit = { actor: CLI_ACTOR };

/** The output of creating a ble_gateway or an asset_tag, or null for other types. */
export async function createTrackingDevice(args: ParsedArgs): Promise<CliOutput | null> {
  const type = flag(args, "type");
  if (type === "ble_gateway") {
    const room = flag(args, "room");
    if (!room) throw new CliError("devices create --type ble_gateway needs --room <roomId> (the room or corridor it hangs in)");
    const g = await createBleGateway({ roomId: room, id: flag(args, "id") }, { audit });
    return {
      json: g,
      text: `Created ble_gateway ${g.id} in room ${g.roomId} (floor ${g.floorId}).\nSecret (shown once, store it now): ${g.secret}\nMQTT: username ${g.id}, password <secret>, topic devices/${g.id}/sightings (QoS 1)`,
    };
  }
  if (type === "asset_tag") {
    const assetClass = flag(args, "asset-class");
    if (!assetClass) throw new CliError("devices create --type asset_tag needs --asset-class <class> (e.g. infusion_pump, wheelchair)");
    const t = await createAssetTag(
      { assetClass, assetName: flag(args, "asset-name") ?? null, deviceId: flag(args, "asset-device") ?? null, id: flag(args, "id") },
      { audit },
    );
    return {
      json: t,
      text: `Created asset_tag ${t.id} on asset ${t.assetId} (${t.assetClass}${t.assetName ? `, "${t.assetName}"` : ""}${t.deviceId ? `, on ${t.deviceId}` : ""}).\nSecret (shown once; a tag is heard by gateways and never connects itself): ${t.secret}`,
    };
  }
  if (flag(args, "room") || flag(args, "asset-class") || flag(args, "asset-name"))
    throw new CliError("--room is for --type ble_gateway; --asset-class and --asset-name are for --type asset_tag");
  return null;
}
