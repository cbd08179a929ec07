// The sightings wire format a BLE gateway sends (MQTT `devices/{gatewayId}/sightings`, or HTTP POST
// /api/v1/devices/{gatewayId}/sightings): a batch `{seq, ts, sightings: [{tag, rssi}]}` or an array of
// batches. `seq` increases per gateway (delivery is idempotent by it), `ts` is when the gateway heard the
// batch (ISO 8601 with offset), `tag` a tag's device id, `rssi` in dBm from -120 to 0. All or nothing:
// every refusal names the field, e.g. `batches[1].sightings[7].rssi: 12 is above the maximum 0 dBm`.
import { z } from "zod";
import { fieldPath, invalid, type FieldIssue, type Invalid } from "@/lib/assets/field-issues";
import type { Sighting } from "@/lib/assets/location/location-types";

export const MAX_SIGHTINGS_PER_BATCH = 500;
export const MAX_BATCHES_PER_BODY = 100;
export const RSSI_MIN_DBM = -120;
export const RSSI_MAX_DBM = 0;
/** A batch stamped more than this far in the future is a clock error (as for telemetry frames). */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** A tag's device id, as the device registry allows it. */
export const TAG_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const isoDateTime = z.iso.datetime({ offset: true });

export const sightingSchema = z.strictObject(
  {
    tag: z
      .string({ error: (i) => (i.input === undefined ? "is required" : "must be a string") })
      .regex(TAG_ID, "must be a tag's device id (letters, digits, '.', '_', '-'; at most 64)"),
    rssi: z
      .number({
        error: (i) =>
          i.input === undefined ? "is required" : typeof i.input === "number" ? "must be a finite number (dBm)" : "must be a number (dBm)",
      })
      .refine((v) => v >= RSSI_MIN_DBM, { error: (i) => `${String(i.input)} is below the minimum ${RSSI_MIN_DBM} dBm` })
      .refine((v) => v <= RSSI_MAX_DBM, { error: (i) => `${String(i.input)} is above the maximum ${RSSI_MAX_DBM} dBm` }),
  },
  {
    error: (i) =>
      i.code === "unrecognized_keys"
        ? `unknown field ${i.keys.map((k) => JSON.stringify(k)).join(", ")} (a sighting is {tag, rssi})`
        : "must be an object {tag, rssi}",
  },
);

export const sightingBatchSchema = z.strictObject(
  {
    seq: z
      .number({ error: (i) => (i.input === undefined ? "is required" : "must be a number") })
      .int("must be a whole number")
      .min(0, "must be 0 or more")
      .max(Number.MAX_SAFE_INTEGER, "is too large"),
    ts: z.string({ error: (i) => (i.input === undefined ? "is required" : "must be a string") }).superRefine((s, ctx) => {
      if (!isoDateTime.safeParse(s).success)
        ctx.addIssue({ code: "custom", message: "must be an ISO 8601 date-time with offset, e.g. 2026-11-23T18:00:00.000Z" });
      else if (Date.parse(s) > Date.now() + MAX_CLOCK_SKEW_MS)
        ctx.addIssue({ code: "custom", message: "is more than 5 minutes in the future" });
    }),
    sightings: z
      .array(sightingSchema, { error: (i) => (i.input === undefined ? "is required" : "must be an array of {tag, rssi}") })
      .max(MAX_SIGHTINGS_PER_BATCH, `at most ${MAX_SIGHTINGS_PER_BATCH} sightings per batch`),
  },
  {
    error: (i) =>
      i.code === "unrecognized_keys"
        ? `unknown field ${i.keys.map((k) => JSON.stringify(k)).join(", ")}`
        : "must be a JSON object with seq, ts and sightings",
  },
);

export type SightingBatch = { seq: number; ts: number; sightings: { tag: string; rssi: number }[] };

export type SightingsValidation = { ok: true; batches: SightingBatch[]; isArray: boolean } | Invalid;

/** Validates a body holding one batch or an array of batches. All or nothing. */
export function parseSightingsBody(body: unknown): SightingsValidation {
  const isArray = Array.isArray(body);
  const items: unknown[] = isArray ? body : [body];
  if (isArray && items.length === 0) return invalid([{ field: "body", reason: "array of batches is empty" }]);
  if (items.length > MAX_BATCHES_PER_BODY)
    return invalid([{ field: "body", reason: `at most ${MAX_BATCHES_PER_BODY} batches per body (got ${items.length})` }]);
  const issues: FieldIssue[] = [];
  const batches: SightingBatch[] = [];
  const seqs = new Map<number, number>();
  items.forEach((item, i) => {
    const prefix = isArray ? `batches[${i}]` : "batch";
    const r = sightingBatchSchema.safeParse(item);
    if (!r.success) {
      for (const issue of r.error.issues) issues.push({ field: fieldPath(issue.path, prefix), reason: issue.message });
      return;
    }
    const first = seqs.get(r.data.seq);
    if (first !== undefined)
      issues.push({ field: `${prefix}.seq`, reason: `seq ${r.data.seq} appears twice in this body (also batches[${first}])` });
    seqs.set(r.data.seq, i);
    batches.push({ seq: r.data.seq, ts: Date.parse(r.data.ts), sightings: r.data.sightings });
  });
  return issues.length ? invalid(issues) : { ok: true, batches, isArray };
}

/** Parses raw bytes (MQTT payload or HTTP body) as JSON first, with a readable error. */
export function parseSightingsJson(raw: string | Uint8Array): SightingsValidation {
  let body: unknown;
  try {
    body = JSON.parse(typeof raw === "string" ? raw : new TextDecoder().decode(raw));
  } catch (err) {
    return invalid([{ field: "body", reason: `is not valid JSON (${(err as Error).message})` }]);
  }
  return parseSightingsBody(body);
}

/** The batches as the location engine's input, heard by `gatewayId`. */
export function toEngineSightings(gatewayId: string, batches: readonly SightingBatch[], out: Sighting[] = []): Sighting[] {
  for (const b of batches) for (const s of b.sightings) out.push({ tagId: s.tag, gatewayId, rssi: s.rssi, ts: b.ts });
  return out;
}
