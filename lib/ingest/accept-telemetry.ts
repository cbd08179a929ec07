// The one ingest path shared by MQTT and HTTP: validate a body against the contract and the device's
// type, publish the frames live at once, then write them (group commit) and report the outcome only
// once they are durable.
import "server-only";
import { eventBus } from "@/lib/bus/event-bus";
import { perDatabase } from "@/lib/db/database";
import { metricAllowed } from "@/lib/domain/device-types";
import { processSingleton } from "@/lib/process-singleton";
import { ObservationWriter, type WriteResult } from "@/lib/store/observation-writer";
import type { DeviceRecord } from "@/lib/devices/device-directory";
import { invalid, parseTelemetryJson, type FrameValidation, type TelemetryFrame } from "./frame-schema";

export type AcceptResult =
  | ({ ok: true } & WriteResult)
  | { ok: false; error: string; issues: { field: string; reason: string }[] };

export function getObservationWriter(): Promise<ObservationWriter> {
  return perDatabase("observationWriter", (db) => new ObservationWriter(db.sql));
}

/** Highest seq already sent live per device, so a redelivered frame is not shown twice. */
const liveSeq = processSingleton("liveSeq", () => new Map<string, number>());

function checkMetricsForType(device: DeviceRecord, frames: TelemetryFrame[], isArray: boolean): FrameValidation {
  const issues: { field: string; reason: string }[] = [];
  frames.forEach((f, i) => {
    for (const key of Object.keys(f.values)) {
      if (!metricAllowed(device.type, key)) {
        issues.push({ field: `${isArray ? `frames[${i}]` : "frame"}.values.${key}`, reason: `a ${device.type} may not send "${key}"` });
      }
    }
  });
  return issues.length ? invalid(issues) : { ok: true, frames, isArray };
}

function publishLive(device: DeviceRecord, frames: TelemetryFrame[]): void {
  if (!device.patientId) return;
  const bus = eventBus();
  let last = liveSeq.get(device.id) ?? -1;
  for (const f of frames) {
    if (f.seq <= last) continue;
    last = f.seq;
    bus.publish("vitals", {
      deviceId: device.id,
      patientId: device.patientId,
      wardId: device.wardId,
      seq: f.seq,
      ts: f.ts.toISOString(),
      values: f.values as Record<string, number>,
    });
  }
  liveSeq.set(device.id, last);
}

export async function acceptTelemetry(device: DeviceRecord, raw: string | Buffer): Promise<AcceptResult> {
  const parsed = parseTelemetryJson(raw);
  if (!parsed.ok) return parsed;
  const typed = checkMetricsForType(device, parsed.frames, parsed.isArray);
  if (!typed.ok) return typed;

  publishLive(device, typed.frames);
  const writer = await getObservationWriter();
  const result = await writer.write(
    typed.frames.map((f) => ({ deviceId: device.id, patientId: device.patientId, seq: f.seq, ts: f.ts, values: f.values as Record<string, number> })),
  );
  return { ok: true, ...result };
}
