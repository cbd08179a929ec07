// parseAdtMessage: one inbound HL7 v2 ADT message text to a typed AdtMessage, or a refusal naming every
// bad segment and field. AR when the message cannot be processed at all (see read-header), AE when it
// was understood but its content is wrong. Pure: no database, no clock (times come from the message).
import { componentOf } from "./hl7-fields";
import { parseHl7Timestamp } from "./hl7-datetime";
import { assertTimeZone } from "../time-zone";
import { readHeader } from "./read-header";
import { readPatient } from "./read-patient";
import { readVisit } from "./read-visit";
import { describeFieldError, type AdtEvent, type AdtParseResult, type Hl7FieldError } from "./adt-types";

export interface ParseAdtOptions {
  /** IANA zone for timestamps sent without an offset (the PAS's local time). Default "UTC". */
  timeZone?: string;
}

const NAME_REQUIRED: readonly AdtEvent[] = ["A01", "A04", "A08"];

export function parseAdtMessage(text: string, options: ParseAdtOptions = {}): AdtParseResult {
  const timeZone = options.timeZone ?? "UTC";
  assertTimeZone(timeZone);
  const head = readHeader(text);
  if (!head.ok) return head;
  const { message, controlId, event, version, messageType, sendingApplication, sendingFacility } = head.header;
  const errors: Hl7FieldError[] = [];

  const msh = message.getSegment("MSH");
  const rawSent = componentOf(msh, 7, 1);
  let sentAt: Date | null = null;
  if (!rawSent) errors.push({ segment: "MSH", field: 7, code: 101, reason: "message date/time is missing" });
  else {
    const parsed = parseHl7Timestamp(rawSent, timeZone);
    if (parsed.ok) sentAt = parsed.value;
    else errors.push({ segment: "MSH", field: 7, code: 102, reason: `message date/time ${parsed.reason}` });
  }

  const evn = message.getSegment("EVN");
  const evnTime = (field: number, what: string): Date | null => {
    const raw = componentOf(evn, field, 1);
    if (!raw) return null;
    const parsed = parseHl7Timestamp(raw, timeZone);
    if (parsed.ok) return parsed.value;
    errors.push({ segment: "EVN", field, code: 102, reason: `${what} ${parsed.reason}` });
    return null;
  };
  const occurredAt = evnTime(6, "event occurred");
  const recordedAt = evnTime(2, "recorded date/time");
  const eventAt = occurredAt ?? recordedAt ?? sentAt;

  const patient = readPatient(message.getSegment("PID"), { nameRequired: NAME_REQUIRED.includes(event), sentAt }, errors);
  const visit = readVisit(message.getSegment("PV1"), event, eventAt, timeZone, errors);

  if (errors.length > 0 || !patient || !sentAt || !eventAt) {
    return {
      ok: false,
      refusal: { ack: "AE", controlId, messageType, errors, text: errors.map(describeFieldError).join("; ") },
    };
  }
  return {
    ok: true,
    message: {
      controlId,
      event,
      version,
      sentAt,
      eventAt,
      sendingApplication,
      sendingFacility,
      patient,
      visit: visit.visit,
      dischargeDisposition: visit.dischargeDisposition,
      admitAt: visit.admitAt,
      dischargeAt: visit.dischargeAt,
    },
  };
}
