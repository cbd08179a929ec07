// buildAck: the HL7 v2 acknowledgement for an inbound message. MSH mirrors the original with sender and
// receiver swapped (same version, processing id and trigger), MSA carries the code, the original control
// id and a text, and each error becomes an ERR segment (ERR-2/3/4/8 from v2.5, ERR-1 before). Works for
// originals too broken to parse: the ACK then has an empty MSA-2.
import { Hl7Context, Hl7Message, Hl7Segment, type Hl7Field } from "@medplum/core";
import { escapeHl7 } from "./hl7-fields";
import { formatHl7Timestamp } from "./hl7-datetime";
import { normaliseMessageText } from "./read-header";
import { HL7_ERROR_CODES, type AckCode, type Hl7ErrorCode, type Hl7FieldError } from "./adt-types";

export interface AckOptions {
  code: AckCode;
  /** MSA-3; defaults to the errors joined, or "accepted" / "error" / "rejected". */
  text?: string;
  errors?: Hl7FieldError[];
  /** MSH-10 of the ACK itself; a random one by default. */
  controlId?: string;
  /** MSH-7 of the ACK; now by default. */
  now?: Date;
}

const DEFAULT_TEXT: Record<AckCode, string> = { AA: "accepted", AE: "error", AR: "rejected" };
const VERSION = /^\d+(\.\d+){0,2}$/;

/** The original's MSH alone: the ACK needs nothing else, and parsing one segment is cheap. */
function parseOriginal(original: string): Hl7Message | null {
  const clean = normaliseMessageText(original);
  if (!clean.startsWith("MSH") || clean.length < 8) return null;
  const end = clean.indexOf("\r");
  try {
    return Hl7Message.parse(end === -1 ? clean : clean.slice(0, end));
  } catch {
    return null;
  }
}

/** A field of the original, re-encoded with the standard delimiters the ACK uses. */
function copyField(msh: Hl7Segment | undefined, index: number): string {
  const field: Hl7Field | undefined = msh?.getField(index);
  if (!field) return "";
  const ctx = field.context;
  const standard = new Hl7Context();
  const sameDelimiters = ctx.getMsh2() === standard.getMsh2() && ctx.fieldSeparator === "|";
  if (sameDelimiters) return field.toString();
  return field.components
    .map((rep) =>
      rep
        .map((c) =>
          c
            .split(ctx.subcomponentSeparator)
            .map((s) => s.replaceAll(ctx.escapeCharacter, "\\E\\"))
            .join("&"),
        )
        .join("^"),
    )
    .join("~");
}

// ACK control ids: a random prefix per process and a counter, unique across restarts and cheap (a random
// draw per ACK cost more than building the ACK). At most 20 characters, as MSH-10 allows.
let ackCounter = 0;
const ackPrefix = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, "0")).join("");

function nextControlId(): string {
  ackCounter += 1;
  return `A${ackPrefix}${ackCounter.toString(36)}`;
}

function errSegment(error: Hl7FieldError, modern: boolean, context: Hl7Context): Hl7Segment {
  const code: Hl7ErrorCode = error.code ?? 207;
  const location = [escapeHl7(error.segment), "1", String(error.field), ...(error.component ? ["1", String(error.component)] : [])];
  if (modern) {
    // ERR-1 (ELD) empty, ERR-2 location, ERR-3 code, ERR-4 severity, ERR-8 user message.
    return new Hl7Segment(
      ["ERR", "", location.join("^"), `${code}^${HL7_ERROR_CODES[code]}^HL70357`, "E", "", "", "", escapeHl7(error.reason)],
      context,
    );
  }
  // v2.3–2.4: ERR-1 is ELD, segment^sequence^field^code (CE as sub-components); no room for the reason.
  return new Hl7Segment(["ERR", `${location.slice(0, 3).join("^")}^${code}&${HL7_ERROR_CODES[code]}&HL70357`], context);
}

function isModern(version: string): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > 2 || (major === 2 && minor >= 5);
}

export function buildAck(original: string, options: AckOptions): string {
  const context = new Hl7Context();
  const msg = parseOriginal(original);
  const msh = msg?.getSegment("MSH");
  const sentVersion = msh?.getField(12)?.getComponent(1) ?? "";
  const version = VERSION.test(sentVersion) ? sentVersion : "2.5.1";
  const trigger = escapeHl7(msh?.getField(9)?.getComponent(2) ?? "");
  const structure = msh?.getField(9)?.getComponent(3) ?? "";
  const messageType = trigger ? (structure ? `ACK^${trigger}^ACK` : `ACK^${trigger}`) : "ACK";
  const processingId = copyField(msh, 11) || "P";
  const originalControlId = escapeHl7(msh?.getField(10)?.getComponent(1) ?? "");
  const errors = options.errors ?? [];
  const text =
    options.text ?? (errors.length > 0 ? errors.map((e) => `${e.segment}-${e.field}: ${e.reason}`).join("; ") : DEFAULT_TEXT[options.code]);

  const header = new Hl7Segment(
    [
      "MSH",
      context.getMsh2(),
      copyField(msh, 5),
      copyField(msh, 6),
      copyField(msh, 3),
      copyField(msh, 4),
      formatHl7Timestamp(options.now ?? new Date()),
      "",
      messageType,
      escapeHl7(options.controlId ?? nextControlId()),
      processingId,
      version,
    ],
    context,
  );
  const msa = new Hl7Segment(["MSA", options.code, originalControlId, escapeHl7(text)], context);
  const modern = isModern(version);
  return new Hl7Message([header, msa, ...errors.map((e) => errSegment(e, modern, context))], context).toString();
}
