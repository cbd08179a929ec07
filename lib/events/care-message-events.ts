// Messages between a home patient and their care team (lib/programs): the message as both sides see it
// (also the REST contract, hence ISO text times) and the bus event that carries a new one to the other side.
import * as s from "./wire-shape";
import { isoTimeSchema } from "./time";

export const CARE_MESSAGE_DIRECTIONS = ["patient", "care_team"] as const;
export type CareMessageDirection = (typeof CARE_MESSAGE_DIRECTIONS)[number];

export const careMessageSchema = s.object({
  id: s.string(),
  patientId: s.string(),
  /** "patient": written by the patient; "care_team": by a clinician. */
  direction: s.oneOf(CARE_MESSAGE_DIRECTIONS),
  body: s.string(),
  senderName: s.nullable(s.string()),
  createdAt: isoTimeSchema,
});
export type CareMessage = s.Infer<typeof careMessageSchema>;

/** A new message and the users it goes to live (their own Socket.IO rooms). */
export type CareMessageEvent = { message: CareMessage; recipientUserIds: string[] };
