// Equipment rules (pure, no I/O, no clock of its own): one predictive-maintenance detector per infusion
// pump (lib/detectors/predictive-maintenance) and one excursion detector per environment sensor with a
// profile (lib/detectors/environment-excursion), fed with the readings' own times. Findings, keyed by
// device and never tied to a patient:
//   device.maintenance (technical) while the pump's health has drifted from its learned normal;
//   env.excursion      (medium)    while the temperature is out of the profile's range;
//   tech.logger_gap    (technical) while the logger has been silent longer than the profile allows.
// Every excursion and gap event also goes to `record` (the compliance log), with the device's profile and
// location at the time; an ongoing excursion is re-recorded whenever its lowest or highest reading moves.
import { createMaintenanceDetector, type MaintenanceDetector, type PmSignal } from "@/lib/detectors/predictive-maintenance";
import { createExcursionDetector, type ExcursionDetector } from "@/lib/detectors/environment-excursion";
import type { EnvironmentRecord } from "@/lib/environment/excursion-log";
import { ENVIRONMENT_PROFILES, type EnvironmentProfile } from "@/lib/domain/environment-profiles";
import { finding, type Finding } from "./rule-types";

export type EquipmentInfo = {
  deviceId: string;
  type: string;
  profile: EnvironmentProfile | null;
  /** Where it is, for messages and the compliance record: a location, asset tag or bed. */
  location: string | null;
  wardId: string | null;
};

export type EquipmentReading = { deviceId: string; t: number; values: Record<string, number> };

type Watched = {
  info: EquipmentInfo;
  maintenance: MaintenanceDetector | null;
  environment: ExcursionDetector | null;
  lastT: number;
};

const PM_LABEL: Record<PmSignal, string> = { device_temp: "housing temperature", vibration: "vibration", power: "power draw" };

function hhmm(t: number): string {
  return new Date(t).toISOString().slice(11, 16);
}

function describeDrift(d: { signal: PmSignal; change: number }): string {
  return d.signal === "device_temp"
    ? `${PM_LABEL[d.signal]} +${d.change.toFixed(1)} °C`
    : `${PM_LABEL[d.signal]} +${Math.round(d.change * 100)} %`;
}

export class EquipmentWatch {
  private readonly watched = new Map<string, Watched>();

  constructor(private readonly record: (r: EnvironmentRecord) => void) {}

  /** Starts watching a device, or updates what is known of it; a changed profile starts a fresh detector. */
  setInfo(info: EquipmentInfo): void {
    const w = this.watched.get(info.deviceId);
    if (!w) {
      this.watched.set(info.deviceId, {
        info,
        maintenance: info.type === "infusion_pump" ? createMaintenanceDetector() : null,
        environment: info.profile ? this.excursionDetector(info.profile) : null,
        lastT: -Infinity,
      });
      return;
    }
    if (w.info.profile !== info.profile) w.environment = info.profile ? this.excursionDetector(info.profile) : null;
    w.info = info;
  }

  has(deviceId: string): boolean {
    return this.watched.has(deviceId);
  }

  deviceIds(): string[] {
    return [...this.watched.keys()];
  }

  /** Feeds a reading of a watched device; returns false for a device not (yet) watched. */
  observe(r: EquipmentReading): boolean {
    const w = this.watched.get(r.deviceId);
    if (!w) return false;
    // Detectors need time order: a late or redelivered reading adds nothing.
    if (!Number.isFinite(r.t) || r.t <= w.lastT) return true;
    w.lastT = r.t;
    w.maintenance?.update({ t: r.t, values: r.values });
    const temp = r.values.env_temp;
    if (w.environment && w.info.profile && temp !== undefined) {
      const before = w.environment.excursions().at(-1);
      const events = w.environment.update({ t: r.t, value: temp });
      const info = { ...w.info, profile: w.info.profile };
      for (const event of events) this.record({ info, event });
      const now = w.environment.excursions().at(-1);
      if (events.length === 0 && now?.ongoing && before?.ongoing && (now.minC !== before.minC || now.maxC !== before.maxC)) {
        this.record({ info, event: { type: "excursion-progress", t: r.t, excursion: now } });
      }
    }
    return true;
  }

  /** With no new reading: opens a logger gap for each watched sensor silent too long. Returns those devices. */
  checkGaps(now: number): string[] {
    const touched: string[] = [];
    for (const [id, w] of this.watched) {
      if (!w.environment || !w.info.profile) continue;
      const events = w.environment.check(now);
      if (events.length === 0) continue;
      const info = { ...w.info, profile: w.info.profile };
      for (const event of events) this.record({ info, event });
      touched.push(id);
    }
    return touched;
  }

  findingsFor(deviceId: string, now: number): Finding[] {
    const w = this.watched.get(deviceId);
    if (!w) return [];
    const base = { patientId: null, wardId: w.info.wardId, deviceId };
    const where = w.info.location ? ` (${w.info.location})` : "";
    const out: Finding[] = [];
    const pm = w.maintenance?.state();
    if (pm && pm.phase !== "warmup") {
      const a = pm.active;
      out.push(
        finding(a ? "violated" : "normal", now, 0, {
          ...base,
          rule: "device.maintenance",
          priority: "technical",
          message: a
            ? `Pump ${deviceId}${where} drifting from its normal since ${hhmm(a.sinceT)} UTC: ${a.signals.map(describeDrift).join(", ")}; service it before it fails`
            : `Pump ${deviceId} maintenance`,
          value: null,
        }),
      );
    }
    // Judged once the sensor has reported at all (a logger gap needs a last reading too).
    if (w.environment && w.info.profile && w.lastT > -Infinity) {
      const profile = ENVIRONMENT_PROFILES[w.info.profile];
      const last = w.environment.excursions().at(-1);
      const ongoing = last?.ongoing ? last : null;
      out.push(
        finding(ongoing ? "violated" : "normal", now, 0, {
          ...base,
          rule: "env.excursion",
          priority: "medium",
          message: ongoing
            ? `${profile.label}${where} ${ongoing.kind === "high" ? `above ${profile.highC}` : `below ${profile.lowC}`} °C since ${hhmm(ongoing.startT)} UTC (${ongoing.kind === "high" ? `max ${ongoing.maxC.toFixed(1)}` : `min ${ongoing.minC.toFixed(1)}`} °C)`
            : `${profile.label} excursion`,
          value: ongoing ? (ongoing.kind === "high" ? ongoing.maxC : ongoing.minC) : null,
        }),
      );
      const gap = w.environment.gaps().at(-1);
      const open = gap?.ongoing ? gap : null;
      out.push(
        finding(open ? "violated" : "normal", now, 0, {
          ...base,
          rule: "tech.logger_gap",
          priority: "technical",
          message: open ? `${profile.label}${where}: no temperature reading since ${hhmm(open.startT)} UTC` : `${profile.label} logger gap`,
          value: null,
        }),
      );
    }
    return out;
  }

  private excursionDetector(profile: EnvironmentProfile): ExcursionDetector {
    const { lowC, highC, maxGapMs } = ENVIRONMENT_PROFILES[profile];
    return createExcursionDetector({ lowC, highC, maxGapMs });
  }
}
