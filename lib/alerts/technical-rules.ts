// Technical ("INOP") rules (pure), keyed by device: offline (from connectivity events; any frame proves
// the device is back), low battery (< 15 %, cleared at ≥ 20 %), and implausible readings flagged as
// artifacts ("check sensor", confirmed after 10 s of artifacts so a single movement spike raises nothing).
import { METRICS } from "@/lib/domain/metrics";
import { finding, openKeyFor, type AlarmSpec, type DeviceState, type Finding, type NormalWanted } from "./rule-types";

export const BATTERY = { raiseBelow: 15, clearAtOrAbove: 20, maxAgeMs: 60 * 60_000 } as const;
export const ARTIFACT_CONFIRM_MS = 10_000;

function label(code: string): string {
  return code in METRICS ? METRICS[code as keyof typeof METRICS].label : code;
}

/** A technical alarm of this device. Built as one object literal: spreading a shared base into each
 *  finding costs microseconds per object in V8, and the engine builds several per frame. */
function technical(device: DeviceState, rule: string, message: string, value: number | null): AlarmSpec {
  return { patientId: device.patientId, wardId: device.wardId, deviceId: device.deviceId, priority: "technical", rule, message, value };
}

/** Whether to build a finding: a violation always, a normal one when `wanted` (if given) says its key is tracked. */
function worthBuilding(status: Finding["status"], rule: string, device: DeviceState, wanted: NormalWanted | undefined): boolean {
  return status === "violated" || !wanted || wanted(openKeyFor(rule, device.patientId, device.deviceId));
}

export function evaluateTechnicalRules(device: DeviceState, now: number, wanted?: NormalWanted): Finding[] {
  const out: Finding[] = [];
  const offline = device.connectivity ? (device.connectivity.offline ? "violated" : "normal") : null;
  if (device.connectivity && offline && worthBuilding(offline, "tech.offline", device, wanted)) {
    const message = `Device ${device.deviceId} offline: no data`;
    out.push(finding(offline, device.connectivity.at, 0, technical(device, "tech.offline", message, null)));
  }
  const battery = device.battery;
  if (battery && now - battery.at <= BATTERY.maxAgeMs) {
    const status = battery.v < BATTERY.raiseBelow ? "violated" : battery.v >= BATTERY.clearAtOrAbove ? "normal" : null;
    if (status && worthBuilding(status, "tech.battery", device, wanted)) {
      out.push(
        finding(
          status,
          battery.at,
          0,
          technical(device, "tech.battery", `Device ${device.deviceId} battery low: ${Math.round(battery.v)} %`, battery.v),
        ),
      );
    }
  }
  for (const [code, a] of device.artifacts) {
    const status = a.artifact ? "violated" : "normal";
    const rule = `tech.artifact.${code}`;
    if (!worthBuilding(status, rule, device, wanted)) continue;
    out.push(finding(status, a.at, ARTIFACT_CONFIRM_MS, technical(device, rule, `${label(code)} implausible (${a.v}): check sensor`, a.v)));
  }
  return out;
}
