// The in-process event bus between ingest and fan-out: ingest publishes validated frames here before
// they are written, the socket layer forwards them to rooms. Device changes (revoke, reassign) travel
// here too so caches and live connections react at once. The alarm engine listens to frames, equipment
// readings and connectivity, and publishes live NEWS2, alert changes (after they are stored) and notifications.
import "server-only";
import { EventEmitter } from "node:events";
import { processSingleton } from "@/lib/process-singleton";
import type { DeviceStatusEvent, VitalsEvent } from "@/lib/socket/events";
import type { AlertNotification, AlertUpdate, News2Event, PersonRef } from "@/lib/alerts/alert-types";

export type DeviceChangedEvent = { deviceId: string; change: "created" | "revoked" | "assigned" | "rotated" | "profile" };

/** A notification to deliver to each recipient's own room; the socket layer records delivery receipts. */
export type AlertNotifyRequest = { notification: AlertNotification; recipients: PersonRef[] };

/** Readings of watched equipment (infusion pumps, environment sensors): one event per accepted body and device. */
export type EquipmentReadingsEvent = { deviceId: string; frames: { seq: number; ts: string; values: Record<string, number> }[] };

export type DeviceCredentialsEvent = { deviceId: string; secret: string; change: "created" | "rotated" };

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
  /** An alarm limit was set or removed (scope "ward:<id>" | "patient:<id>"). */
  "alarm-limits:changed": [{ scope: string; code: string }];
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
