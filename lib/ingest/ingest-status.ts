// A snapshot of the ingest pipeline for admins (page and API): this process's counters, the writer's
// buffer and retry state, and the quarantine queue.
import "server-only";
import { getObservationWriter, deviceRateLimiter } from "./accept-telemetry";
import { ingestCounts, type IngestCounts } from "./ingest-counters";
import { getRejectionLog, type RejectionLogStats } from "./rejection-log";
import type { WriterStats } from "@/lib/store/observation-writer";
import { env } from "@/lib/env";

export type IngestStatus = IngestCounts & {
  writer: WriterStats & { bufferLimit: number };
  quarantine: RejectionLogStats;
  limits: { maxBodyBytes: number; ratePerSec: number; rateBurst: number; httpTimeoutMs: number; trackedDevices: number };
};

export async function ingestStatus(): Promise<IngestStatus> {
  const e = env();
  const [writer, quarantine] = await Promise.all([getObservationWriter(), getRejectionLog()]);
  return {
    ...ingestCounts(),
    writer: { ...writer.stats(), bufferLimit: e.INGEST_BUFFER_FRAMES },
    quarantine: quarantine.stats(),
    limits: {
      maxBodyBytes: e.INGEST_MAX_BODY_BYTES,
      ratePerSec: deviceRateLimiter().ratePerSec,
      rateBurst: deviceRateLimiter().burst,
      httpTimeoutMs: e.INGEST_HTTP_TIMEOUT_MS,
      trackedDevices: deviceRateLimiter().size,
    },
  };
}
