// ADT events: a patient was discharged (after the change is committed). The asset map marks what was in
// the patient's room, or attached to the patient, as needing cleaning.
import * as s from "./wire-shape";
import { epochMsSchema } from "./time";

export const patientDischargedEventSchema = s.object({
  patientId: s.string(),
  encounterId: s.string(),
  /** The bed left, its "WARD/label" reference and room; null when the patient had no bed. */
  bed: s.nullable(s.object({ id: s.string(), ref: s.string(), wardId: s.string(), room: s.nullable(s.string()) })),
  /** Devices that were attached to the patient until the discharge. */
  deviceIds: s.array(s.string()),
  at: epochMsSchema,
});
export type PatientDischargedEvent = s.Infer<typeof patientDischargedEventSchema>;
