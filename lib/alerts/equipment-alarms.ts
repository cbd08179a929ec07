// The alarm engine's equipment side: feeds watched devices' readings (from "equipment:readings") into
// the EquipmentWatch, loads what the engine does not yet know of a device (type, profile, location,
// ward) and holds its readings meanwhile (a device that turns out not to be watched, e.g. a room
// sensor without a profile, is remembered as such until the registry announces a change to it), opens logger gaps on the clock, and hands each device's
// findings to the shared condition tracker under the device's own subject.
import "server-only";
import type { EquipmentReadingsEvent } from "@/lib/events";
import type { EnvironmentRecord } from "@/lib/environment/excursion-log";
import { EquipmentWatch, type EquipmentInfo, type EquipmentReading } from "./equipment-watch";
import { deviceSubject } from "./monitoring-state";
import type { Finding } from "./rule-types";

export type EquipmentAlarmsDeps = {
  now: () => number;
  /** Applies one full evaluation of a subject (the engine's condition tracker and sink). */
  apply: (subject: string, findings: Finding[]) => void;
  loadInfo: (deviceId: string) => Promise<EquipmentInfo | null>;
  record: (r: EnvironmentRecord) => void;
};

/** Readings held per device while its info loads (a pump or fridge sends about one a minute). */
const MAX_HELD = 5_000;
const INFO_RETRY_MS = 5_000;

export class EquipmentAlarms {
  readonly watch: EquipmentWatch;
  private readonly held = new Map<string, EquipmentReading[]>();
  private readonly infoRequested = new Map<string, number>();
  private readonly unwatched = new Set<string>();

  constructor(private readonly deps: EquipmentAlarmsDeps) {
    this.watch = new EquipmentWatch(deps.record);
  }

  /** Feeds a body's readings; returns the device if it is watched (to be evaluated), else null. */
  observe(e: EquipmentReadingsEvent): string | null {
    const readings = e.frames.map((f) => ({ deviceId: e.deviceId, t: f.ts, values: f.values }));
    if (this.watch.has(e.deviceId)) {
      for (const r of readings) this.watch.observe(r);
      return e.deviceId;
    }
    if (this.unwatched.has(e.deviceId)) return null;
    const held = this.held.get(e.deviceId) ?? [];
    held.push(...readings);
    this.held.set(e.deviceId, held.slice(-MAX_HELD));
    this.requestInfo(e.deviceId);
    return null;
  }

  /** Starts watching (or updates) a device; readings held for it are fed in now. */
  setInfo(info: EquipmentInfo): void {
    this.watch.setInfo(info);
    const held = this.held.get(info.deviceId);
    this.held.delete(info.deviceId);
    this.infoRequested.delete(info.deviceId);
    for (const r of held ?? []) this.watch.observe(r);
  }

  /** A device changed in the registry (profile, placement): reload what is known of it. */
  refresh(deviceId: string): void {
    if (this.unwatched.delete(deviceId) || !this.watch.has(deviceId)) return;
    this.infoRequested.delete(deviceId);
    this.requestInfo(deviceId);
  }

  evaluate(deviceId: string): void {
    this.deps.apply(deviceSubject(deviceId), this.watch.findingsFor(deviceId, this.deps.now()));
  }

  /** Every second: open logger gaps, then re-evaluate every watched device. */
  tick(): void {
    this.watch.checkGaps(this.deps.now());
    for (const id of this.watch.deviceIds()) this.evaluate(id);
  }

  private requestInfo(deviceId: string): void {
    const now = this.deps.now();
    const last = this.infoRequested.get(deviceId);
    if (last !== undefined && now - last < INFO_RETRY_MS) return;
    this.infoRequested.set(deviceId, now);
    this.deps
      .loadInfo(deviceId)
      .then((info) => {
        if (!info) {
          this.unwatched.add(deviceId);
          this.held.delete(deviceId);
          this.infoRequested.delete(deviceId);
          return;
        }
        this.setInfo(info);
        this.evaluate(deviceId);
      })
      .catch((err: unknown) => console.error(`[alerts] loading device ${deviceId} failed:`, err instanceof Error ? err.message : err));
  }
}
