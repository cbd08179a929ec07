// Device events: connectivity (online, offline, revoked), registry changes, and new device secrets.
import * as s from "./wire-shape";
import { epochMsSchema, isoTimeSchema } from "./time";

const deviceStatusFields = {
  deviceId: s.string(),
  patientId: s.nullable(s.string()),
  wardId: s.nullable(s.string()),
  status: s.oneOf(["online", "offline", "revoked"]),
};

/** A device's connectivity changed (the connectivity monitor); `at` is when. */
export const deviceStatusEventSchema = s.object({ ...deviceStatusFields, at: epochMsSchema });
export type DeviceStatusEvent = s.Infer<typeof deviceStatusEventSchema>;

/** Socket.IO `device:status` (README): the same with `at` as ISO text. */
export const deviceStatusPayloadSchema = s.object({ ...deviceStatusFields, at: isoTimeSchema });
export type DeviceStatusPayload = s.Infer<typeof deviceStatusPayloadSchema>;

export const DEVICE_CHANGES = ["created", "revoked", "assigned", "rotated", "profile"] as const;

/** The registry changed a device (created, revoked, reassigned, secret rotated, environment profile set):
 *  caches and live connections react at once. */
export const deviceChangedEventSchema = s.object({ deviceId: s.string(), change: s.oneOf(DEVICE_CHANGES) });
export type DeviceChangedEvent = s.Infer<typeof deviceChangedEventSchema>;

/** A new plaintext device secret (create, rotate): only for pushing credentials to an external broker. */
export const deviceCredentialsEventSchema = s.object({ deviceId: s.string(), secret: s.string(), change: s.oneOf(["created", "rotated"]) });
export type DeviceCredentialsEvent = s.Infer<typeof deviceCredentialsEventSchema>;
