// The in-process event bus between ingest and fan-out: ingest publishes validated frames here before
// they are written, the socket layer forwards them to rooms. Device changes (revoke, reassign) travel
// here too so caches and live connections react at once. The alarm engine listens to frames, equipment
// readings and connectivity, and publishes live NEWS2, alert changes (after they are stored) and notifications.
import "server-only";
import { EventEmitter } from "node:events";
import { processSingleton } from "@/lib/process-singleton";
import type {
  AccessChangedEvent,
  AlarmLimitsChangedEvent,
  AlertNotifyRequest,
  AlertUpdate,
  AssetLayoutEvent,
  AssetLocationEvent,
  DeviceChangedEvent,
  DeviceCredentialsEvent,
  DeviceStatusEvent,
  EquipmentReadingsEvent,
  News2Event,
  VitalsEvent,
  PatientDischargedEvent,
  CareMessageEvent,
} from "@/lib/events";

/** Every event of the bus and its payload (lib/events: times in epoch milliseconds). */
export type BusEvents = {
  vitals: [VitalsEvent];
  "device:status": [DeviceStatusEvent];
  "device:changed": [DeviceChangedEvent];
  /** A new plaintext device secret (create, rotate): only for pushing credentials to an external broker. */
  "device:credentials": [DeviceCredentialsEvent];
  /** Equipment readings for the alarm engine's maintenance and environment rules, patient or not. */
  "equipment:readings": [EquipmentReadingsEvent];
  /** Live NEWS2 of a patient (every change, "missing" included). */
  news2: [News2Event];
  /** An alert was raised or changed; published only after the change is committed. */
  "alert:changed": [AlertUpdate];
  "alert:notify": [AlertNotifyRequest];
  "alarm-limits:changed": [AlarmLimitsChangedEvent];
  /** A user's rights changed: live connections re-check the caller and drop what is no longer allowed. */
  "access:changed": [AccessChangedEvent];
  /** Asset map: an asset changed room or state (after it was applied); a floor, gateway or tag changed. */
  "asset:location": [AssetLocationEvent];
  "asset:layout": [AssetLayoutEvent];
  /** ADT: a patient was discharged (after the change is committed). */
  "patient:discharged": [PatientDischargedEvent];
  /** A message between a home patient and the care team (lib/programs), after it is stored. */
  "care-message:new": [CareMessageEvent];
};

export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  publish<K extends keyof BusEvents>(event: K, ...args: BusEvents[K]): void {
    this.emitter.emit(event, ...args);
  }

  subscribe<K extends keyof BusEvents>(event: K, listener: (...args: BusEvents[K]) => void): () => void {
    const l = listener as (...a: unknown[]) => void;
    this.emitter.on(event, l);
    return () => this.emitter.off(event, l);
  }
}

export function eventBus(): EventBus {
  return processSingleton("bus", () => new EventBus());
}
