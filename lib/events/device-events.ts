// Device events: connectivity (online, offline, revoked), registry changes, and new device secrets.
import * as z from "zod/mini";
import { epochMsSchema, isoTimeSchema } from "./time";

const deviceStatusFields = {
  deviceId: z.string(),
  patientId: z.nullable(z.string()),
  wardId: z.nullable(z.string()),
  status: z.enum(["online", "offline", "revoked"]),
};

/** A device's connectivity changed (the connectivity monitor); `at` is when. */
export const deviceStatusEventSchema = z.object({ ...deviceStatusFields, at: epochMsSchema });
export type DeviceStatusEvent = z.infer<typeof deviceStatusEventSchema>;

/** Socket.IO `device:status` (README): the same with `at` as ISO text. */
export const deviceStatusPayloadSchema = z.object({ ...deviceStatusFields, at: isoTimeSchema });
export type DeviceStatusPayload = z.infer<typeof deviceStatusPayloadSchema>;

export const DEVICE_CHANGES = ["created", "revoked", "assigned", "rotated", "profile"] as const;

/** The registry changed a device (created, revoked, reassigned, secret rotated, environment profile set):
 *  caches and live connections react at once. */
export const deviceChangedEventSchema = z.object({ deviceId: z.string(), change: z.enum(DEVICE_CHANGES) });
export type DeviceChangedEvent = z.infer<typeof deviceChangedEventSchema>;

/** A new plaintext device secret (create, rotate): only for pushing credentials to an external broker. */
export const deviceCredentialsEventSchema = z.object({ deviceId: z.string(), secret: z.string(), change: z.enum(["created", "rotated"]) });
export type DeviceCredentialsEvent = z.infer<typeof deviceCredentialsEventSchema>;
