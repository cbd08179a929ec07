// Technical ("INOP") rules (pure), keyed by device: offline (from connectivity events; any frame proves
// the device is back), low battery (< 15 %, cleared at ≥ 20 %), and implausible readings flagged as
// artifacts ("check sensor", confirmed after 10 s of artifacts so a single movement spike raises nothing).
import { METRICS } from "@/lib/domain/metrics";
import { finding, type AlarmSpec, type DeviceState, type Finding } from "./rule-types";

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

export function evaluateTechnicalRules(device: DeviceState, now: number): Finding[] {
  const out: Finding[] = [];
  if (device.connectivity) {
    out.push(
      finding(
        device.connectivity.offline ? "violated" : "normal",
        device.connectivity.at,
        0,
        technical(device, "tech.offline", `Device ${device.deviceId} offline: no data`, null),
      ),
    );
  }
  const battery = device.battery;
  if (battery && now - battery.at <= BATTERY.maxAgeMs) {
    const status = battery.v < BATTERY.raiseBelow ? "violated" : battery.v >= BATTERY.clearAtOrAbove ? "normal" : null;
    if (status) {
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
    out.push(
      finding(
        a.artifact ? "violated" : "normal",
        a.at,
        ARTIFACT_CONFIRM_MS,
        technical(device, `tech.artifact.${code}`, `${label(code)} implausible (${a.v}): check sensor`, a.v),
      ),
    );
  }
  return out;
}
