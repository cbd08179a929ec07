// The one typed map of Socket.IO events, shared by server (lib/socket) and browser (components).

export type VitalsEvent = {
  deviceId: string;
  patientId: string;
  wardId: string | null;
  seq: number;
  /** ISO time the device measured the values. */
  ts: string;
  values: Record<string, number>;
  /** Keys of values flagged as implausible artifacts: shown, but kept out of scoring and alarms. */
  artifacts?: string[];
};

export type DeviceStatusEvent = {
  deviceId: string;
  patientId: string | null;
  wardId: string | null;
  status: "online" | "offline" | "revoked";
  at: string;
};

export type SubscribeAck = { ok: true } | { ok: false; error: string };

export interface ServerToClientEvents {
  vitals: (e: VitalsEvent) => void;
  "device:status": (e: DeviceStatusEvent) => void;
}

export interface ClientToServerEvents {
  "ward:subscribe": (wardId: string, ack: (r: SubscribeAck) => void) => void;
  "patient:subscribe": (patientId: string, ack: (r: SubscribeAck) => void) => void;
  unsubscribe: (room: string) => void;
}

export const rooms = {
  ward: (wardId: string) => `ward:${wardId}`,
  patient: (patientId: string) => `patient:${patientId}`,
};
