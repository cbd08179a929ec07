import { describe, expect, it } from "vitest";
import { parseAdtMessage } from "./parse-adt";
import type { AdtMessage, AdtRefusal } from "./adt-types";

// A typical v2.5.1 admit from a PAS: two identifiers in PID-3 (the MRN second), an escaped name, local times.
const A01 = [
  "MSH|^~\\&|EPIC|GENHOSP|IOMT|WARD|20261123180000||ADT^A01^ADT_A01|MSG00001|P|2.5.1",
  "EVN|A01|20261123180000|||NURSE01^Admit^Desk|20261123175500",
  "PID|1||998877^^^SSA^SS~12345^^^GENHOSP&1.2.3.4&ISO^MR||O\\T\\Brien-Ngata^Anne^M^^^^L~Smith^Annie^^^^^M||19800512|F|||1 Main St^^Town",
  "PV1|1|I|4W^401^A^GENHOSP||||1234^Smith^John|||MED||||7|||1234^Smith^John|IN|V0001|||||||||||||||||||||||||20261123174500",
].join("\r");

function ok(text: string, timeZone?: string): AdtMessage {
  const result = parseAdtMessage(text, { timeZone });
  if (!result.ok) throw new Error(`refused: ${result.refusal.text}`);
  return result.message;
}

function refused(text: string): AdtRefusal {
  const result = parseAdtMessage(text);
  if (result.ok) throw new Error("expected a refusal");
  return result.refusal;
}

/** Replaces one field (HL7 numbering) of one segment. */
function withField(text: string, segment: string, field: number, value: string): string {
  return text
    .split("\r")
    .map((line) => {
      if (!line.startsWith(`${segment}|`)) return line;
      const parts = line.split("|");
      const index = segment === "MSH" ? field - 1 : field;
      while (parts.length <= index) parts.push("");
      parts[index] = value;
      return parts.join("|");
    })
    .join("\r");
}

const withoutSegment = (text: string, segment: string) =>
  text
    .split("\r")
    .filter((l) => !l.startsWith(`${segment}|`))
    .join("\r");

describe("parseAdtMessage: a good A01", () => {
  it("reads header, patient, bed and times", () => {
    const m = ok(A01, "Europe/Berlin");
    expect(m).toMatchObject({
      controlId: "MSG00001",
      event: "A01",
      version: "2.5.1",
      sendingApplication: "EPIC",
      sendingFacility: "GENHOSP",
      patient: { mrn: "12345", mrnAuthority: "GENHOSP", familyName: "O&Brien-Ngata", givenName: "Anne", birthDate: "1980-05-12", sex: "F" },
      visit: { patientClass: "I", visitNumber: "V0001", location: { wardCode: "4W", room: "401", bedLabel: "A" }, priorLocation: null },
      dischargeDisposition: null,
      dischargeAt: null,
    });
    expect(m.sentAt.toISOString()).toBe("2026-11-23T17:00:00.000Z");
    expect(m.eventAt.toISOString()).toBe("2026-11-23T16:55:00.000Z"); // EVN-6 over EVN-2
    expect(m.admitAt?.toISOString()).toBe("2026-11-23T16:45:00.000Z"); // PV1-44
  });

  it("takes \\n or \\r\\n segment ends, a BOM and trailing blank lines", () => {
    expect(ok(`\uFEFF${A01.replaceAll("\r", "\r\n")}\r\n\r\n`).controlId).toBe("MSG00001");
    expect(ok(A01.replaceAll("\r", "\n")).patient.mrn).toBe("12345");
  });

  it("falls back to EVN-2 then MSH-7 for admitAt when PV1-44 and EVN-6 are empty", () => {
    const noPv144 = withField(withField(A01, "PV1", 44, ""), "EVN", 6, "");
    expect(ok(noPv144).admitAt?.toISOString()).toBe("2026-11-23T18:00:00.000Z");
    const noEvn = withoutSegment(withField(A01, "PV1", 44, ""), "EVN");
    expect(ok(withField(noEvn, "MSH", 7, "20261123181500+0000")).admitAt?.toISOString()).toBe("2026-11-23T18:15:00.000Z");
  });

  it("uses the only identifier when PID-3 has one, typed or not", () => {
    expect(ok(withField(A01, "PID", 3, "555")).patient).toMatchObject({ mrn: "555", mrnAuthority: null });
  });

  it("reads the legal name when several are sent, and maps sex codes", () => {
    const legalSecond = withField(A01, "PID", 5, "Smith^Annie^^^^^M~Jones^Ann^^^^^L");
    expect(ok(legalSecond).patient).toMatchObject({ familyName: "Jones", givenName: "Ann" });
    expect(ok(withField(A01, "PID", 8, "")).patient.sex).toBe("U");
    expect(ok(withField(A01, "PID", 8, "a")).patient.sex).toBe("O");
    expect(ok(withField(A01, "PID", 8, "m")).patient.sex).toBe("M");
  });

  it('reads an HL7 null ("") as empty', () => {
    expect(ok(withField(A01, "PID", 7, '""')).patient.birthDate).toBeNull();
  });
});

describe("parseAdtMessage: other events", () => {
  const a02 = withField(withField(withField(A01, "MSH", 9, "ADT^A02^ADT_A02"), "PV1", 3, "ICU^2^B"), "PV1", 6, "4W^401^A");
  it("A02 carries the new and the prior bed", () => {
    const m = ok(a02);
    expect(m.event).toBe("A02");
    expect(m.visit.location).toEqual({ wardCode: "ICU", room: "2", bedLabel: "B" });
    expect(m.visit.priorLocation).toEqual({ wardCode: "4W", room: "401", bedLabel: "A" });
  });

  it("A03 carries disposition and discharge time (PV1-45, else the event time)", () => {
    const a03 = withField(withField(A01, "MSH", 9, "ADT^A03^ADT_A03"), "PV1", 36, "01");
    const m = ok(withField(a03, "PV1", 45, "20261125100000+0000"));
    expect(m.dischargeDisposition).toBe("01");
    expect(m.dischargeAt?.toISOString()).toBe("2026-11-25T10:00:00.000Z");
    expect(ok(a03).dischargeAt?.toISOString()).toBe("2026-11-23T17:55:00.000Z");
  });

  it("A04 registers an outpatient without a bed; A08, A11 and A13 need no bed", () => {
    const a04 = withField(withField(withField(A01, "MSH", 9, "ADT^A04^ADT_A01"), "PV1", 2, "O"), "PV1", 3, "");
    expect(ok(a04).visit).toMatchObject({ patientClass: "O", location: null });
    for (const type of ["ADT^A08^ADT_A01", "ADT^A11^ADT_A09", "ADT^A13^ADT_A01"]) {
      const m = ok(withField(withField(A01, "MSH", 9, type), "PV1", 3, ""));
      expect(m.event).toBe(type.slice(4, 7));
      expect(m.admitAt?.toISOString()).toBe("2026-11-23T17:45:00.000Z"); // PV1-44 as sent
    }
    // A11 without PV1 and without a name is still understood.
    const a11 = withField(withoutSegment(withField(A01, "MSH", 9, "ADT^A11^ADT_A09"), "PV1"), "PID", 5, "");
    expect(ok(a11)).toMatchObject({ event: "A11", admitAt: null, patient: { mrn: "12345", familyName: null } });
  });

  it("accepts versions 2.3 to 2.9", () => {
    for (const v of ["2.3", "2.3.1", "2.4", "2.5", "2.6", "2.7.1", "2.8", "2.9"]) expect(ok(withField(A01, "MSH", 12, v)).version).toBe(v);
  });
});

describe("parseAdtMessage: rejected (AR), not processable", () => {
  it.each([
    ["not HL7 at all", "hello", "MSH", 1, 100, "does not start with an MSH"],
    ["no control id", withField(A01, "MSH", 10, ""), "MSH", 10, 101, "control id"],
    ["an order message", withField(A01, "MSH", 9, "ORM^O01"), "MSH", 9, 200, "ORM"],
    ["an unsupported ADT event", withField(A01, "MSH", 9, "ADT^A05^ADT_A05"), "MSH", 9, 201, "A05"],
    ["no message type", withField(A01, "MSH", 9, ""), "MSH", 9, 101, "message type"],
    ["version 2.2", withField(A01, "MSH", 12, "2.2"), "MSH", 12, 203, "2.2"],
    ["no version", withField(A01, "MSH", 12, ""), "MSH", 12, 203, "missing"],
  ])("%s", (_name, text, segment, field, code, words) => {
    const r = refused(text);
    expect(r.ack).toBe("AR");
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ segment, field, code });
    expect(r.text).toContain(words);
  });

  it("keeps the control id when it could read one", () => {
    expect(refused(withField(A01, "MSH", 9, "ORM^O01")).controlId).toBe("MSG00001");
    expect(refused(withField(A01, "MSH", 9, "ORM^O01")).messageType).toBe("ORM^O01");
  });
});

describe("parseAdtMessage: errors (AE), processable but bad content", () => {
  it.each([
    ["no PID-3", withField(A01, "PID", 3, ""), "PID", 3, 101],
    ["several identifiers, none MR", withField(A01, "PID", 3, "1^^^A^SS~2^^^B^PI"), "PID", 3, 101],
    ["no family name on A01", withField(A01, "PID", 5, "^Anne"), "PID", 5, 101],
    ["a bad birth date", withField(A01, "PID", 7, "19801345"), "PID", 7, 102],
    ["a birth date after sending", withField(A01, "PID", 7, "20300101"), "PID", 7, 102],
    ["an unknown sex", withField(A01, "PID", 8, "Q"), "PID", 8, 103],
    ["no PV1-3 on A01", withField(A01, "PV1", 3, ""), "PV1", 3, 101],
    ["no bed label on A01", withField(A01, "PV1", 3, "4W^401"), "PV1", 3, 101],
    ["no PV1-3 on A02", withField(withField(A01, "MSH", 9, "ADT^A02"), "PV1", 3, ""), "PV1", 3, 101],
    ["an unknown patient class", withField(A01, "PV1", 2, "X"), "PV1", 2, 103],
    ["no patient class on A01", withField(A01, "PV1", 2, ""), "PV1", 2, 101],
    ["a bad admit time", withField(A01, "PV1", 44, "2026112399"), "PV1", 44, 102],
    ["discharge before admit", withField(A01, "PV1", 45, "20261101000000"), "PV1", 45, 102],
    ["a bad message time", withField(A01, "MSH", 7, "yesterday"), "MSH", 7, 102],
    ["a bad EVN time", withField(A01, "EVN", 2, "2026-11-23"), "EVN", 2, 102],
    ["no PID segment", withoutSegment(A01, "PID"), "PID", 0, 100],
    ["no PV1 on A03", withoutSegment(withField(A01, "MSH", 9, "ADT^A03"), "PV1"), "PV1", 0, 100],
  ])("%s", (_name, text, segment, field, code) => {
    const r = refused(text);
    expect(r.ack).toBe("AE");
    expect(r.controlId).toBe("MSG00001");
    expect(r.errors).toContainEqual(expect.objectContaining({ segment, field, code }));
    expect(r.text).toContain(`${segment}-${field}`);
  });

  it("names every bad field at once", () => {
    const r = refused(withField(withField(withField(A01, "PID", 3, ""), "PID", 8, "Q"), "PV1", 3, ""));
    expect(r.errors.map((e) => `${e.segment}-${e.field}`)).toEqual(["PID-3", "PID-8", "PV1-3"]);
  });
});
