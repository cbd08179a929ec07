// The one place events become Socket.IO payloads (README, Socket.IO): inside the process times are epoch
// milliseconds, on the wire ISO text. Alert views, updates and notifications go out as they are.
import { NEWS2_DEVICE_ID } from "@/lib/domain/metrics";
import type {
  AssetLocationEvent,
  AssetLocationPayload,
  DeviceStatusEvent,
  DeviceStatusPayload,
  News2Event,
  News2Payload,
  VitalsEvent,
  VitalsPayload,
} from "@/lib/events";

/** One Date reused for formatting (single-threaded, set and read at once): constructing a Date per
 *  event goes through Next's Date wrapper, and this runs for every live frame. */
const scratch = new Date(0);
const iso = (ms: number) => {
  scratch.setTime(ms);
  return scratch.toISOString();
};

/** Built field by field: it runs once per frame, and spreading the event into a new object costs V8 far more. */
export function vitalsPayload(e: VitalsEvent): VitalsPayload {
  const p: VitalsPayload = { deviceId: e.deviceId, patientId: e.patientId, wardId: e.wardId, seq: e.seq, ts: iso(e.ts), values: e.values };
  if (e.artifacts) p.artifacts = e.artifacts;
  return p;
}

export function deviceStatusPayload(e: DeviceStatusEvent): DeviceStatusPayload {
  return { ...e, at: iso(e.at) };
}

export function news2Payload(e: News2Event): News2Payload {
  return { ...e, ts: iso(e.ts) };
}

/** A complete NEWS2 also goes out as a reading of the platform's NEWS2 device (seq = computation time), so
 *  tiles and charts that follow vitals show it unchanged. Null while the score is incomplete. */
export function news2AsVitals(e: News2Event): VitalsPayload | null {
  if (e.total === null) return null;
  return { deviceId: NEWS2_DEVICE_ID, patientId: e.patientId, wardId: e.wardId, seq: e.ts, ts: iso(e.ts), values: { news2: e.total } };
}

export function assetLocationPayload(e: AssetLocationEvent): AssetLocationPayload {
  return { ...e, at: iso(e.at) };
}
