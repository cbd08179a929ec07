// ADT events: a patient was discharged (after the change is committed). The asset map marks what was in
// the patient's room, or attached to the patient, as needing cleaning.
import * as z from "zod/mini";
import { epochMsSchema } from "./time";

export const patientDischargedEventSchema = z.object({
  patientId: z.string(),
  encounterId: z.string(),
  /** The bed left, its "WARD/label" reference and room; null when the patient had no bed. */
  bed: z.nullable(z.object({ id: z.string(), ref: z.string(), wardId: z.string(), room: z.nullable(z.string()) })),
  /** Devices that were attached to the patient until the discharge. */
  deviceIds: z.array(z.string()),
  at: epochMsSchema,
});
export type PatientDischargedEvent = z.infer<typeof patientDischargedEventSchema>;
