// Live NEWS2 of one patient, on every change: a missing parameter is listed in `missing`, never scored 0.
import * as z from "zod/mini";
import { NEWS2_BANDS, NEWS2_PARAMETERS } from "@/lib/domain/news2";
import { epochMsSchema, isoTimeSchema } from "./time";

const parameterSchema = z.enum(NEWS2_PARAMETERS);

const news2Fields = {
  patientId: z.string(),
  wardId: z.nullable(z.string()),
  /** Null while a parameter is missing. */
  total: z.nullable(z.int()),
  band: z.nullable(z.enum(NEWS2_BANDS)),
  components: z.partialRecord(parameterSchema, z.int()),
  missing: z.array(parameterSchema),
  anySingleThree: z.boolean(),
};

/** `ts`: when it was computed. */
export const news2EventSchema = z.object({ ...news2Fields, ts: epochMsSchema });
export type News2Event = z.infer<typeof news2EventSchema>;

/** Socket.IO `news2` (README): the same with `ts` as ISO text. */
export const news2PayloadSchema = z.object({ ...news2Fields, ts: isoTimeSchema });
export type News2Payload = z.infer<typeof news2PayloadSchema>;
