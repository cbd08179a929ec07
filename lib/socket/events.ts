// The one typed map of Socket.IO events, shared by server (lib/socket) and browser (components). Payloads
// are the wire shapes of lib/events; `SERVER_EVENT_SCHEMAS` lets the browser check each one it receives.
import {
  alertNotificationSchema,
  alertUpdateSchema,
  alertViewSchema,
  assetLocationPayloadSchema,
  deviceStatusPayloadSchema,
  news2PayloadSchema,
  vitalsPayloadSchema,
  careMessageSchema,
  type CareMessage,
  type AlertNotification,
  type AlertUpdate,
  type AlertView,
  type AssetLocationPayload,
  type DeviceStatusPayload,
  type News2Payload,
  type VitalsPayload,
} from "@/lib/events";

export type SubscribeAck = { ok: true } | { ok: false; error: string };

export interface ServerToClientEvents {
  vitals: (e: VitalsPayload) => void;
  "device:status": (e: DeviceStatusPayload) => void;
  /** Live NEWS2 (ward and patient rooms); a complete score also arrives as `vitals` {values: {news2}}. */
  news2: (e: News2Payload) => void;
  /** A new alert (ward and patient rooms; the equipment room for an alert on no patient), sent after it is stored. */
  "alert:raised": (alert: AlertView) => void;
  /** Acknowledged, resolved, silenced, escalated, condition cleared or returned (ward and patient rooms). */
  "alert:updated": (update: AlertUpdate) => void;
  /** To one recipient's own room (see userRoom); acknowledge it to record the delivery receipt. */
  "alert:notify": (n: AlertNotification, ack: (r: { ok: true }) => void) => void;
  /** Asset map: an asset changed room or state (the floor's asset room, see assets:subscribe). */
  "asset:location": (e: AssetLocationPayload) => void;
  /** A new message between a home patient and the care team, to the other side's own rooms (see userRoom). */
  "message:new": (m: CareMessage) => void;
}

/** The schema of each server event's payload (its first argument). */
export const SERVER_EVENT_SCHEMAS = {
  vitals: vitalsPayloadSchema,
  "device:status": deviceStatusPayloadSchema,
  news2: news2PayloadSchema,
  "alert:raised": alertViewSchema,
  "alert:updated": alertUpdateSchema,
  "alert:notify": alertNotificationSchema,
  "asset:location": assetLocationPayloadSchema,
  "message:new": careMessageSchema,
} as const satisfies { [E in keyof ServerToClientEvents]: { parse(v: unknown): Parameters<ServerToClientEvents[E]>[0] } };

export interface ClientToServerEvents {
  "ward:subscribe": (wardId: string, ack: (r: SubscribeAck) => void) => void;
  "patient:subscribe": (patientId: string, ack: (r: SubscribeAck) => void) => void;
  /** Alerts of equipment on no patient (pump maintenance, fridge excursions, logger gaps): admin, biomed. Scope "all". */
  "equipment:subscribe": (scope: string, ack: (r: SubscribeAck) => void) => void;
  unsubscribe: (room: string) => void;
  /** The alert was displayed to the user: records a read receipt (once per user). */
  "alert:read": (alertId: string, ack: (r: SubscribeAck) => void) => void;
  /** Asset map: live asset locations of a floor (nurses of its ward, biomed, admins). */
  "assets:subscribe": (floorId: string, ack: (r: SubscribeAck) => void) => void;
}

export const rooms = {
  ward: (wardId: string) => `ward:${wardId}`,
  patient: (patientId: string) => `patient:${patientId}`,
  equipment: (scope: string) => `equipment:${scope}`,
  assets: (floorId: string) => `assets:${floorId}`,
};

/** The patient and ward rooms of a patient- or ward-bound event. */
export function roomsOf(e: { patientId: string | null; wardId: string | null }): string[] {
  return [e.patientId && rooms.patient(e.patientId), e.wardId && rooms.ward(e.wardId)].filter((r): r is string => !!r);
}

/** Who may follow the equipment room (alerts of devices on no patient). */
export const EQUIPMENT_ROOM_ROLES = ["admin", "biomed"] as const;
export const EQUIPMENT_SCOPE = "all";

/** Every connection joins its own user's room at connect: alert notifications go there. */
export const userRoom = (userId: string) => `user:${userId}`;
