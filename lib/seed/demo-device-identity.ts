// Plausible identity for the demo's simulated devices (model, serial number, GS1 UDI), filled in where
// missing so a fresh start and an older demo install both show it. Deterministic per device id; the
// models are fictional and the GTINs carry a valid check digit (lib/devices/device-identity-rules).
import "server-only";
import crypto from "node:crypto";
import { getPrisma } from "@/lib/db/database";
import { gtinCheckDigitOk } from "@/lib/devices/device-identity-rules";

const MODELS: Record<string, { model: string; gtin13: string; serialPrefix: string }> = {
  bedside_monitor: { model: "OpenWard VM-800 bedside monitor", gtin13: "0761234500011", serialPrefix: "VM8" },
  wearable: { model: "OpenWard WP-2 wearable patch", gtin13: "0761234500028", serialPrefix: "WP2" },
  cgm: { model: "OpenWard GS-7 glucose sensor", gtin13: "0761234500035", serialPrefix: "GS7" },
  bp_cuff: { model: "OpenWard BP-30 cuff", gtin13: "0761234500042", serialPrefix: "BP3" },
  smart_inhaler: { model: "OpenWard IH-1 inhaler cap", gtin13: "0761234500059", serialPrefix: "IH1" },
  infusion_pump: { model: "OpenWard LP-900 volumetric pump", gtin13: "0761234500066", serialPrefix: "LP9" },
  env_sensor: { model: "OpenWard TL-4 temperature logger", gtin13: "0761234500073", serialPrefix: "TL4" },
  gateway: { model: "OpenWard HB-1 BLE hub", gtin13: "0761234500080", serialPrefix: "HB1" },
  ble_gateway: { model: "OpenWard RL-2 locating gateway", gtin13: "0761234500097", serialPrefix: "RL2" },
  asset_tag: { model: "OpenWard AT-5 asset tag", gtin13: "0761234500103", serialPrefix: "AT5" },
  home_air_sensor: { model: "OpenWard AQ-3 home air sensor", gtin13: "0761234500110", serialPrefix: "AQ3" },
};

/** The GTIN-14 of a 13-digit base: its GS1 mod-10 check digit appended. */
export function withCheckDigit(base13: string): string {
  for (let d = 0; d <= 9; d++) if (gtinCheckDigitOk(`${base13}${d}`)) return `${base13}${d}`;
  throw new Error(`no check digit for ${base13}`);
}

export function demoIdentityOf(id: string, type: string): { model: string; serialNumber: string; udi: string } | null {
  const m = MODELS[type];
  if (!m) return null;
  const n = parseInt(crypto.createHash("sha256").update(id).digest("hex").slice(0, 8), 16) % 1_000_000;
  const serialNumber = `${m.serialPrefix}-24${String(n).padStart(6, "0")}`;
  return { model: m.model, serialNumber, udi: `(01)${withCheckDigit(m.gtin13)}(11)240315(21)${serialNumber}` };
}

/** Fills model, serial and UDI of simulated devices that have none. Returns how many were filled. */
export async function seedDemoDeviceIdentity(): Promise<number> {
  const prisma = await getPrisma();
  const devices = await prisma.device.findMany({
    where: { simulated: true, model: null, serialNumber: null, udi: null },
    select: { id: true, type: true },
  });
  let filled = 0;
  for (const d of devices) {
    const identity = demoIdentityOf(d.id, d.type);
    if (!identity) continue;
    await prisma.device.update({ where: { id: d.id }, data: identity });
    filled++;
  }
  return filled;
}
