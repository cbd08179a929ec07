import { describe, expect, it } from "vitest";
import { Hl7Message } from "@medplum/core";
import { buildAck } from "./build-ack";
import { parseAdtMessage } from "./parse-adt";
import { unescapeHl7 } from "./hl7-fields";
import { buildAdtText } from "./sample-messages";

const original = buildAdtText({
  event: "A01",
  controlId: "CTRL-42",
  at: new Date("2026-11-23T18:00:00Z"),
  patient: { mrn: "M1", familyName: "Rossi", givenName: "Elena", birthDate: "1950-02-03", sex: "F" },
  visitNumber: "V1",
  bed: { wardCode: "4W", room: "401", bedLabel: "A" },
  sendingApplication: "EPIC",
  sendingFacility: "GENHOSP",
});
const now = new Date("2026-11-23T18:00:01Z");

function read(ack: string) {
  const msg = Hl7Message.parse(ack);
  const msh = msg.getSegment("MSH");
  const msa = msg.getSegment("MSA");
  if (!msh || !msa) throw new Error("ACK without MSH or MSA");
  return { msg, msh, msa, text: unescapeHl7(msa.getComponent(3, 1), msg.context), errs: msg.getAllSegments("ERR") };
}

describe("buildAck", () => {
  it("AA: swaps sender and receiver, mirrors version, trigger and processing id, quotes the control id", () => {
    const ack = buildAck(original, { code: "AA", controlId: "ACK1", now });
    const { msh, msa, text, errs } = read(ack);
    expect(ack.split("\r")[0]).toBe("MSH|^~\\&|IOMT|WARD|EPIC|GENHOSP|20261123180001+0000||ACK^A01^ACK|ACK1|P|2.5.1");
    expect(msh.getComponent(3, 1)).toBe("IOMT");
    expect(msh.getComponent(5, 1)).toBe("EPIC");
    expect(msa.getComponent(1, 1)).toBe("AA");
    expect(msa.getComponent(2, 1)).toBe("CTRL-42");
    expect(text).toBe("accepted");
    expect(errs).toHaveLength(0);
  });

  it("AE: MSA-3 text and one ERR per error, located and coded (v2.5+ layout)", () => {
    const errors = [
      { segment: "PID", field: 3, code: 101 as const, reason: "patient identifier list (MRN) is missing" },
      { segment: "PV1", field: 3, component: 3, code: 101 as const, reason: "bed label is missing in ward^room^bed" },
    ];
    const { msa, errs, text, msg } = read(buildAck(original, { code: "AE", errors, now }));
    expect(msa.getComponent(1, 1)).toBe("AE");
    expect(msa.getComponent(2, 1)).toBe("CTRL-42");
    expect(text).toBe("PID-3: patient identifier list (MRN) is missing; PV1-3: bed label is missing in ward^room^bed");
    expect(errs).toHaveLength(2);
    const [first, second] = errs;
    expect(first?.getField(2).toString()).toBe("PID^1^3");
    expect(first?.getField(3).toString()).toBe("101^Required field missing^HL70357");
    expect(first?.getComponent(4, 1)).toBe("E");
    expect(unescapeHl7(first?.getComponent(8, 1) ?? "", msg.context)).toBe(errors[0]?.reason);
    expect(second?.getField(2).toString()).toBe("PV1^1^3^1^3");
    // The ^ in the reason was escaped, so it did not split the field.
    expect(unescapeHl7(second?.getComponent(8, 1) ?? "", msg.context)).toBe("bed label is missing in ward^room^bed");
  });

  it("uses ERR-1 (ELD) for v2.3 and v2.4 receivers", () => {
    const v23 = original.replace("|P|2.5.1", "|P|2.3");
    const { msh, errs } = read(buildAck(v23, { code: "AE", errors: [{ segment: "PID", field: 8, code: 103, reason: "bad sex" }], now }));
    expect(msh.getComponent(12, 1)).toBe("2.3");
    expect(errs[0]?.getField(1).toString()).toBe("PID^1^8^103&Table value not found&HL70357");
  });

  it("AR for an original too broken to parse: empty MSA-2, default version", () => {
    const { msh, msa, text } = read(buildAck("\x00garbage", { code: "AR", text: "malformed MLLP frame: empty frame", now }));
    expect(msh.getComponent(9, 1)).toBe("ACK");
    expect(msh.getComponent(12, 1)).toBe("2.5.1");
    expect(msa.getComponent(1, 1)).toBe("AR");
    expect(msa.getComponent(2, 1)).toBe("");
    expect(text).toBe("malformed MLLP frame: empty frame");
  });

  it("round trip: a refusal from parseAdtMessage becomes an ACK the library reads back", () => {
    const bad = original.replace("|M1^^^GENHOSP^MR|", "||");
    const result = parseAdtMessage(bad);
    if (result.ok) throw new Error("expected a refusal");
    const { msa, errs, text } = read(buildAck(bad, { code: result.refusal.ack, errors: result.refusal.errors, text: result.refusal.text }));
    expect(msa.getComponent(1, 1)).toBe("AE");
    expect(msa.getComponent(2, 1)).toBe("CTRL-42");
    expect(text).toBe(result.refusal.text);
    expect(errs.map((e) => e.getField(2).toString())).toEqual(["PID^1^3"]);
  });

  it("gives every ACK its own control id", () => {
    const ids = new Set(Array.from({ length: 50 }, () => read(buildAck(original, { code: "AA" })).msh.getComponent(10, 1)));
    expect(ids.size).toBe(50);
  });

  it("re-encodes fields of an original that used other delimiters", () => {
    const odd = original
      .split("\r")
      .map((l) => l.replaceAll("|", "#"))
      .join("\r")
      .replace("MSH#^~\\&", "MSH#^~\\&")
      .replace("#EPIC#", "#EPIC^X#");
    const { msh } = read(buildAck(odd, { code: "AA", now }));
    expect(msh.getField(5).toString()).toBe("EPIC^X");
    expect(msh.getComponent(9, 2)).toBe("A01");
  });
});
