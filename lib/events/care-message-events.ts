// Messages between a home patient and their care team (lib/programs): the message as both sides see it
// (also the REST contract, hence ISO text times) and the bus event that carries a new one to the other side.
import * as z from "zod/mini";
import { isoTimeSchema } from "./time";

export const CARE_MESSAGE_DIRECTIONS = ["patient", "care_team"] as const;
export type CareMessageDirection = (typeof CARE_MESSAGE_DIRECTIONS)[number];

export const careMessageSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  /** "patient": written by the patient; "care_team": by a clinician. */
  direction: z.enum(CARE_MESSAGE_DIRECTIONS),
  body: z.string(),
  senderName: z.nullable(z.string()),
  createdAt: isoTimeSchema,
});
export type CareMessage = z.infer<typeof careMessageSchema>;

/** A new message and the users it goes to live (their own Socket.IO rooms). */
export type CareMessageEvent = { message: CareMessage; recipientUserIds: string[] };
