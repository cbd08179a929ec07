// Readings: a device's validated frame as the bus carries it, and an equipment device's readings for the
// alarm engine. Times are epoch milliseconds; values are keyed by metric code (lib/domain/metrics).
import * as z from "zod/mini";
import { isMetricKey, METRIC_KEYS, type MetricKey } from "@/lib/domain/metrics";
import { epochMsSchema, isoTimeSchema } from "./time";

const metricKeySchema = z.enum(METRIC_KEYS);

/** Values of one frame by metric code; a metric the frame did not carry is absent (never 0). */
export const metricValuesSchema = z.partialRecord(metricKeySchema, z.number());
export type MetricValues = z.infer<typeof metricValuesSchema>;

/** On the wire a reader is lenient: a metric code it does not know (a newer server) is left out, not refused. */
const wireMetricValuesSchema = z.pipe(
  z.record(z.string(), z.number()),
  z.transform((values): MetricValues => Object.fromEntries(Object.entries(values).filter(([code]) => isMetricKey(code)))),
);
const wireArtifactsSchema = z.pipe(
  z.array(z.string()),
  z.transform((codes) => codes.filter((c): c is MetricKey => isMetricKey(c))),
);

const vitalsFields = {
  deviceId: z.string(),
  patientId: z.string(),
  wardId: z.nullable(z.string()),
  seq: z.int().check(z.nonnegative()),
};

/** A validated frame of a device on a patient, published the moment ingest accepts it. `ts`: when the
 *  device measured the values; `artifacts`: codes of values flagged as implausible (shown, but kept out of
 *  scoring and alarms); `late`: an older frame than one already published for the device (an uploaded
 *  backlog), published only as a complete NEWS2 set for the NEWS2 trend, never sent to browsers. */
export const vitalsEventSchema = z.object({
  ...vitalsFields,
  ts: epochMsSchema,
  values: metricValuesSchema,
  artifacts: z.optional(z.array(metricKeySchema)),
  late: z.optional(z.literal(true)),
});
export type VitalsEvent = z.infer<typeof vitalsEventSchema>;

/** Socket.IO `vitals` (README): the same frame with `ts` as ISO text. */
export const vitalsPayloadSchema = z.object({
  ...vitalsFields,
  ts: isoTimeSchema,
  values: wireMetricValuesSchema,
  artifacts: z.optional(wireArtifactsSchema),
});
export type VitalsPayload = z.output<typeof vitalsPayloadSchema>;

export const equipmentFrameSchema = z.object({ seq: z.int().check(z.nonnegative()), ts: epochMsSchema, values: metricValuesSchema });
export type EquipmentFrame = z.infer<typeof equipmentFrameSchema>;

/** Readings of watched equipment (infusion pumps, environment sensors), patient or not: one event per
 *  accepted body and device, artifact values left out. */
export const equipmentReadingsEventSchema = z.object({ deviceId: z.string(), frames: z.array(equipmentFrameSchema) });
export type EquipmentReadingsEvent = z.infer<typeof equipmentReadingsEventSchema>;
