// The two spellings of a time: epoch milliseconds inside the process, ISO 8601 text on the wire (Socket.IO
// payloads, the REST API).
import * as s from "./wire-shape";

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type EpochMs = number;
export const epochMsSchema = s.number();

/** An ISO 8601 date-time with offset, e.g. "2026-11-23T18:00:00.000Z". */
export const isoTimeSchema = s.isoDateTime();
