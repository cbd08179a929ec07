// The one accept path of BLE sightings, for MQTT (devices/{gatewayId}/sightings, QoS 1) and HTTP (POST
// /api/v1/devices/{gatewayId}/sightings): the sender must be an active ble_gateway; the body is validated
// whole (lib/assets wire format, field-named reasons); each batch's (gateway, seq) is claimed once in
// storage, so a resent batch is a duplicate; new batches go to the location engine, sightings of tags the
// registry does not know are counted (per batch and in total), never located. Resolves once the claims are
// committed: only then is the PUBACK or 202 sent.
import "server-only";
import { parseSightingsJson, type FieldIssue } from "@/lib/assets/asset-map";
import type { DeviceRecord } from "@/lib/devices/device-directory";
import { noteDeviceActivity } from "@/lib/devices/connectivity-monitor";
import { locationService } from "./start-asset-tracking";

export const SIGHTINGS_SENDER_TYPE = "ble_gateway";

export type SightingsResult =
  | { ok: true; accepted: number; duplicates: number; sightings: number; unknownTags: number }
  | { ok: false; kind: "invalid" | "forbidden"; error: string; issues: FieldIssue[] };

export async function acceptSightings(gateway: DeviceRecord, raw: string | Uint8Array): Promise<SightingsResult> {
  if (gateway.type !== SIGHTINGS_SENDER_TYPE) {
    const error = `only a ${SIGHTINGS_SENDER_TYPE} sends sightings; "${gateway.id}" is of type ${gateway.type}`;
    return { ok: false, kind: "forbidden", error, issues: [{ field: "device", reason: error }] };
  }
  const parsed = parseSightingsJson(raw);
  if (!parsed.ok) return { ok: false, kind: "invalid", error: parsed.error, issues: parsed.issues };
  const service = await locationService();
  const claims = parsed.batches.map((b) => ({
    gatewayId: gateway.id,
    seq: b.seq,
    ts: b.ts,
    sightings: b.sightings.length,
    unknownTags: b.sightings.reduce((n, s) => (service.isKnownTag(s.tag) ? n : n + 1), 0),
  }));
  const fresh = await service.ledger.claim(claims);
  const batches = parsed.batches.filter((_, i) => fresh[i]);
  const counts = service.ingest(gateway.id, batches);
  service.counters.duplicates += parsed.batches.length - batches.length;
  noteDeviceActivity({ id: gateway.id, type: gateway.type, patientId: null, wardId: null });
  return { ok: true, accepted: batches.length, duplicates: parsed.batches.length - batches.length, ...counts };
}
