// MSH (and EVN) of an inbound message: is it HL7 at all, is it an ADT event and a version we take, and
// which control id to answer to. Any problem here makes the whole message unprocessable (AR).
import { Hl7Message } from "@medplum/core";
import { componentOf } from "./hl7-fields";
import { ADT_EVENTS, SUPPORTED_VERSIONS, type AdtEvent, type AdtRefusal, type Hl7FieldError } from "./adt-types";

export interface AdtHeader {
  message: Hl7Message;
  controlId: string;
  event: AdtEvent;
  version: (typeof SUPPORTED_VERSIONS)[number];
  messageType: string;
  sendingApplication: string | null;
  sendingFacility: string | null;
}

export type HeaderRead = { ok: true; header: AdtHeader } | { ok: false; refusal: AdtRefusal };

/** Trims what transports add around a message (BOM, blank lines) and normalises line ends to \r. */
export function normaliseMessageText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/\r\n|\n/g, "\r");
}

function reject(controlId: string | null, messageType: string | null, error: Hl7FieldError): HeaderRead {
  return {
    ok: false,
    refusal: { ack: "AR", controlId, messageType, errors: [error], text: `${error.segment}-${error.field}: ${error.reason}` },
  };
}

const isEvent = (value: string): value is AdtEvent => (ADT_EVENTS as readonly string[]).includes(value);
const isVersion = (value: string): value is (typeof SUPPORTED_VERSIONS)[number] =>
  (SUPPORTED_VERSIONS as readonly string[]).includes(value);

export function readHeader(text: string): HeaderRead {
  const clean = normaliseMessageText(text);
  if (!clean.startsWith("MSH") || clean.length < 8) {
    return reject(null, null, { segment: "MSH", field: 1, code: 100, reason: "the message does not start with an MSH segment" });
  }
  const message = Hl7Message.parse(clean);
  const msh = message.getSegment("MSH");
  const controlId = componentOf(msh, 10) || null;
  const type = componentOf(msh, 9, 1);
  const trigger = componentOf(msh, 9, 2);
  const messageType = type ? `${type}${trigger ? `^${trigger}` : ""}` : null;
  if (!controlId) {
    return reject(null, messageType, { segment: "MSH", field: 10, code: 101, reason: "message control id is missing" });
  }
  if (!type) return reject(controlId, null, { segment: "MSH", field: 9, code: 101, reason: "message type is missing" });
  if (type !== "ADT") {
    return reject(controlId, messageType, {
      segment: "MSH",
      field: 9,
      component: 1,
      code: 200,
      reason: `unsupported message type ${type} (only ADT)`,
    });
  }
  if (!isEvent(trigger)) {
    return reject(controlId, messageType, {
      segment: "MSH",
      field: 9,
      component: 2,
      code: 201,
      reason: `unsupported event ${trigger || "(none)"} (supported: ${ADT_EVENTS.join(", ")})`,
    });
  }
  const version = componentOf(msh, 12, 1);
  if (!isVersion(version)) {
    return reject(controlId, messageType, {
      segment: "MSH",
      field: 12,
      code: 203,
      reason: version ? `unsupported HL7 version ${version} (supported: ${SUPPORTED_VERSIONS.join(", ")})` : "HL7 version is missing",
    });
  }
  return {
    ok: true,
    header: {
      message,
      controlId,
      event: trigger,
      version,
      messageType: `ADT^${trigger}`,
      sendingApplication: componentOf(msh, 3) || null,
      sendingFacility: componentOf(msh, 4) || null,
    },
  };
}
