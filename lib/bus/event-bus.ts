// The in-process event bus between ingest and fan-out: ingest publishes validated frames here before
// they are written, the socket layer forwards them to rooms. Device changes (revoke, reassign) travel
// here too so caches and live connections react at once.
import "server-only";
import { EventEmitter } from "node:events";
import { processSingleton } from "@/lib/process-singleton";
import type { DeviceStatusEvent, VitalsEvent } from "@/lib/socket/events";

export type DeviceChangedEvent = { deviceId: string; change: "created" | "revoked" | "assigned" | "rotated" };

export type BusEvents = {
  vitals: [VitalsEvent];
  "device:status": [DeviceStatusEvent];
  "device:changed": [DeviceChangedEvent];
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
