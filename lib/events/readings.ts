// Readings: a device's validated frame as the bus carries it, and an equipment device's readings for the
// alarm engine. Times are epoch milliseconds; values are keyed by metric code (lib/domain/metrics).
import * as s from "./wire-shape";
import { isMetricKey, METRIC_KEYS, type MetricKey } from "@/lib/domain/metrics";
import { epochMsSchema, isoTimeSchema } from "./time";

const metricKeySchema = s.oneOf(METRIC_KEYS);

/** Values of one frame by metric code; a metric the frame did not carry is absent (never 0). */
export const metricValuesSchema = s.partialRecord(METRIC_KEYS, s.number());
export type MetricValues = s.Infer<typeof metricValuesSchema>;

/** On the wire a reader is lenient: a metric code it does not know (a newer server) is left out, not refused. */
const wireMetricValuesSchema = s.map(s.record(s.number()), (values): MetricValues =>
  Object.fromEntries(Object.entries(values).filter(([code]) => isMetricKey(code))),
);
const wireArtifactsSchema = s.map(s.array(s.string()), (codes) => codes.filter((c): c is MetricKey => isMetricKey(c)));

const vitalsFields = {
  deviceId: s.string(),
  patientId: s.string(),
  wardId: s.nullable(s.string()),
  seq: s.nonNegativeInt(),
};

/** A validated frame of a device on a patient, published the moment ingest accepts it. `ts`: when the
 *  device measured the values; `artifacts`: codes of values flagged as implausible (shown, but kept out of
 *  scoring and alarms); `late`: an older frame than one already published for the device (an uploaded
 *  backlog), published only as a complete NEWS2 set for the NEWS2 trend, never sent to browsers. */
export const vitalsEventSchema = s.object({
  ...vitalsFields,
  ts: epochMsSchema,
  values: metricValuesSchema,
  artifacts: s.optional(s.array(metricKeySchema)),
  late: s.optional(s.literal(true)),
});
export type VitalsEvent = s.Infer<typeof vitalsEventSchema>;

/** Socket.IO `vitals` (README): the same frame with `ts` as ISO text. */
export const vitalsPayloadSchema = s.object({
  ...vitalsFields,
  ts: isoTimeSchema,
  values: wireMetricValuesSchema,
  artifacts: s.optional(wireArtifactsSchema),
});
export type VitalsPayload = s.Infer<typeof vitalsPayloadSchema>;

export const equipmentFrameSchema = s.object({ seq: s.nonNegativeInt(), ts: epochMsSchema, values: metricValuesSchema });
export type EquipmentFrame = s.Infer<typeof equipmentFrameSchema>;

/** Readings of watched equipment (infusion pumps, environment sensors), patient or not: one event per
 *  accepted body and device, artifact values left out. */
export const equipmentReadingsEventSchema = s.object({ deviceId: s.string(), frames: s.array(equipmentFrameSchema) });
export type EquipmentReadingsEvent = s.Infer<typeof equipmentReadingsEventSchema>;
