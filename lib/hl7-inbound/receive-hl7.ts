// One inbound HL7 v2 message → its ACK: parse (AR/AE with the field at fault), idempotency on MSH-10 (a
// control id seen before is answered as the first time, without applying it again), apply, and keep the
// message with its outcome and reason in hl7_inbound_messages. The claim on the control id is an insert
// against a unique index, so the same message on two connections at once is applied once.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { Refusal } from "@/lib/errors/refusal";
import { buildAck, describeFieldError, parseAdtMessage, type AckCode, type Hl7FieldError } from "@/lib/adt";
import { applyAdtMessage, refusalAsHl7Error } from "./apply-adt-message";

export type InboundOutcome = { code: AckCode; text: string; duplicate: boolean; logId: bigint | null };

const MAX_RAW = 64 * 1024;

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === "P2002";
}

/** Processes one message and returns the ACK text to send back. */
export async function receiveHl7(
  text: string,
  opts: { peer?: string; timeZone?: string } = {},
): Promise<{ ack: string; outcome: InboundOutcome }> {
  const prisma = await getPrisma();
  const raw = text.length > MAX_RAW ? text.slice(0, MAX_RAW) : text;
  const parsed = parseAdtMessage(text, { timeZone: opts.timeZone ?? "UTC" });
  if (!parsed.ok) {
    const r = parsed.refusal;
    // A refused message is logged; its control id is not claimed, so a corrected resend is processed.
    const row = await prisma.hl7InboundMessage.create({
      data: { controlId: null, messageType: r.messageType, outcome: r.ack, reason: r.text, peer: opts.peer ?? null, raw },
    });
    return {
      ack: buildAck(text, { code: r.ack, text: r.text, errors: r.errors }),
      outcome: { code: r.ack, text: r.text, duplicate: false, logId: row.id },
    };
  }
  const m = parsed.message;
  const messageType = `ADT^${m.event}`;
  let logId: bigint;
  try {
    logId = (
      await prisma.hl7InboundMessage.create({
        data: { controlId: m.controlId, messageType, outcome: "pending", peer: opts.peer ?? null, raw },
        select: { id: true },
      })
    ).id;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const first = await prisma.hl7InboundMessage.findUnique({ where: { controlId: m.controlId } });
    if (!first || first.outcome === "pending") {
      const why = "a message with this control id is being processed; send it again shortly";
      return { ack: buildAck(text, { code: "AE", text: why }), outcome: { code: "AE", text: why, duplicate: true, logId: null } };
    }
    const code = first.outcome as AckCode;
    const why = `duplicate of message ${m.controlId} received ${first.receivedAt.toISOString()}: ${first.reason ?? "accepted"}`;
    return { ack: buildAck(text, { code, text: why }), outcome: { code, text: why, duplicate: true, logId: first.id } };
  }
  let code: AckCode = "AA";
  let reason: string;
  let errors: Hl7FieldError[] = [];
  let patientId: string | null = null;
  let encounterId: string | null = null;
  try {
    const applied = await applyAdtMessage(m);
    reason = applied.note;
    patientId = applied.patientId;
    encounterId = applied.encounterId;
  } catch (err) {
    if (!(err instanceof Refusal)) {
      // Not the message's fault: release the claim so the PAS's resend is processed.
      await prisma.hl7InboundMessage.update({ where: { id: logId }, data: { controlId: null, outcome: "AE", reason: "internal error" } });
      throw err;
    }
    code = "AE";
    errors = [refusalAsHl7Error(err)];
    reason = errors.map(describeFieldError).join("; ");
  }
  await prisma.hl7InboundMessage.update({ where: { id: logId }, data: { outcome: code, reason, patientId, encounterId } });
  return {
    ack: buildAck(text, { code, text: reason, errors }),
    outcome: { code, text: reason, duplicate: false, logId },
  };
}
