// lib/fhir-export owns the export of one patient's record as FHIR R4 (GDPR Art. 20 data portability): the
// mappers from rows to resources, the bounded reads behind them, the Bundle written as a stream (JSON text
// produced page by page, so memory stays bounded however many readings the patient has), and the readable
// HTML summary. Who may export and the audit row are the caller's (lib/data-rights).
import "server-only";
import crypto from "node:crypto";
import type { Sql } from "@/lib/db/sql";
import { currentConsents } from "@/lib/consent/consents";
import { METRIC_KEYS, NEWS2_DEVICE_ID } from "@/lib/domain/metrics";
import { deviceResource, encounterResource, observationResource, patientResource, type FhirResource } from "./fhir-resources";
import { alertResource, communicationResource, consentResource } from "./fhir-rights-resources";
import {
  readAlertPage,
  readDevices,
  readEncounters,
  readMessagePage,
  readObservationPage,
  readPatient,
  type AlertCursor,
  type MessageCursor,
  type ObservationCursor,
} from "./export-reads";

type Q = Pick<Sql, "query">;

/** A Bundle entry: the resource under its urn:uuid full URL. */
function entryJson(r: FhirResource): string {
  return JSON.stringify({ fullUrl: `urn:uuid:${r.id}`, resource: r });
}

/**
 * The Bundle's JSON text in chunks: the opening, then each group of entries (a page of readings is one
 * chunk), then the closing. Nothing is read before the consumer asks for the next chunk. Entries: Patient,
 * Encounter, Device, Consent (one per purpose), Observation (per code, oldest first; NEWS2 total, not its
 * components), DetectedIssue (alerts), Communication (care-team messages). No AuditEvent: the access
 * report is separate.
 */
export async function* patientBundleChunks(q: Q, patientId: string, now = new Date()): AsyncGenerator<string> {
  const patient = await readPatient(q, patientId);
  if (!patient) throw new Error(`patient ${patientId} not found`);
  const head = { resourceType: "Bundle", id: crypto.randomUUID(), type: "collection", timestamp: now.toISOString() };
  yield `${JSON.stringify(head).slice(0, -1)},"entry":[\n`;
  let first = true;
  const emit = (resources: FhirResource[]): string | null => {
    if (resources.length === 0) return null;
    const text = resources.map(entryJson).join(",\n");
    const out = first ? text : `,\n${text}`;
    first = false;
    return out;
  };

  const devices = await readDevices(q, patientId);
  const deviceIds = new Set(devices.map((d) => d.id));
  const encounters = await readEncounters(q, patientId);
  const consents = await currentConsents(q, patientId);
  const small = emit([
    patientResource(patient),
    ...encounters.map(encounterResource),
    ...devices.map(deviceResource),
    ...consents.map((c) => consentResource(patientId, c)),
  ]);
  if (small) yield small;

  for (const code of METRIC_KEYS) {
    let cursor: ObservationCursor = null;
    do {
      const page = await readObservationPage(q, patientId, code, cursor);
      const text = emit(page.rows.map((o) => observationResource(o, o.deviceId === NEWS2_DEVICE_ID || !deviceIds.has(o.deviceId))));
      if (text) yield text;
      cursor = page.next;
    } while (cursor);
  }

  let alertCursor: AlertCursor = null;
  do {
    const page = await readAlertPage(q, patientId, alertCursor);
    const text = emit(page.rows.map((a) => alertResource(a, a.deviceId !== null && deviceIds.has(a.deviceId))));
    if (text) yield text;
    alertCursor = page.next;
  } while (alertCursor);

  let messageCursor: MessageCursor = null;
  do {
    const page = await readMessagePage(q, patientId, messageCursor);
    const text = emit(page.rows.map(communicationResource));
    if (text) yield text;
    messageCursor = page.next;
  } while (messageCursor);

  yield "\n]}\n";
}

/** The chunks as a byte stream pulled by the reader (highWaterMark 0: nothing is read ahead). */
export function chunksToStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(encoder.encode(value));
        } catch (err) {
          console.error("[fhir-export] the export stream failed:", err);
          controller.error(err);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
