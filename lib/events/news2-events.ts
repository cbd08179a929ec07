// Live NEWS2 of one patient, on every change: a missing parameter is listed in `missing`, never scored 0.
import * as s from "./wire-shape";
import { NEWS2_BANDS, NEWS2_PARAMETERS } from "@/lib/domain/news2";
import { epochMsSchema, isoTimeSchema } from "./time";

const parameterSchema = s.oneOf(NEWS2_PARAMETERS);

const news2Fields = {
  patientId: s.string(),
  wardId: s.nullable(s.string()),
  /** Null while a parameter is missing. */
  total: s.nullable(s.int()),
  band: s.nullable(s.oneOf(NEWS2_BANDS)),
  components: s.partialRecord(NEWS2_PARAMETERS, s.int()),
  missing: s.array(parameterSchema),
  anySingleThree: s.boolean(),
};

/** `ts`: when it was computed. */
export const news2EventSchema = s.object({ ...news2Fields, ts: epochMsSchema });
export type News2Event = s.Infer<typeof news2EventSchema>;

/** Socket.IO `news2` (README): the same with `ts` as ISO text. */
export const news2PayloadSchema = s.object({ ...news2Fields, ts: isoTimeSchema });
export type News2Payload = s.Infer<typeof news2PayloadSchema>;
