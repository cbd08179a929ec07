// Technical ("INOP") rules (pure), keyed by device: offline (from connectivity events; any frame proves
// the device is back), low battery (< 15 %, cleared at ≥ 20 %), and implausible readings flagged as
// artifacts ("check sensor", confirmed after 10 s of artifacts so a single movement spike raises nothing).
import { METRICS } from "@/lib/domain/metrics";
import { finding, type DeviceState, type Finding } from "./rule-types";

export const BATTERY = { raiseBelow: 15, clearAtOrAbove: 20, maxAgeMs: 60 * 60_000 } as const;
export const ARTIFACT_CONFIRM_MS = 10_000;

function label(code: string): string {
  return code in METRICS ? METRICS[code as keyof typeof METRICS].label : code;
}

export function evaluateTechnicalRules(device: DeviceState, now: number): Finding[] {
  const base = { patientId: device.patientId, wardId: device.wardId, deviceId: device.deviceId, priority: "technical" as const };
  const out: Finding[] = [];
  if (device.connectivity) {
    out.push(
      finding(device.connectivity.offline ? "violated" : "normal", device.connectivity.at, 0, {
        ...base,
        rule: "tech.offline",
        message: `Device ${device.deviceId} offline: no data`,
        value: null,
      }),
    );
  }
  const battery = device.battery;
  if (battery && now - battery.at <= BATTERY.maxAgeMs) {
    const status = battery.v < BATTERY.raiseBelow ? "violated" : battery.v >= BATTERY.clearAtOrAbove ? "normal" : null;
    if (status) {
      out.push(
        finding(status, battery.at, 0, {
          ...base,
          rule: "tech.battery",
          message: `Device ${device.deviceId} battery low: ${Math.round(battery.v)} %`,
          value: battery.v,
        }),
      );
    }
  }
  for (const [code, a] of device.artifacts) {
    out.push(
      finding(a.artifact ? "violated" : "normal", a.at, ARTIFACT_CONFIRM_MS, {
        ...base,
        rule: `tech.artifact.${code}`,
        message: `${label(code)} implausible (${a.v}): check sensor`,
        value: a.v,
      }),
    );
  }
  return out;
}
