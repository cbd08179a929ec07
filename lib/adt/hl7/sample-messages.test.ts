import { describe, expect, it } from "vitest";
import { buildAdtText } from "./sample-messages";
import { parseAdtMessage } from "./parse-adt";

const base = {
  controlId: "S1",
  at: new Date("2026-03-29T00:30:00Z"),
  patient: { mrn: "M^1", familyName: "García & Söhne|x", givenName: "Zoë", birthDate: "1999-12-31", sex: "O" as const },
  visitNumber: "V~1",
  bed: { wardCode: "4W", room: "401", bedLabel: "A" },
};

describe("buildAdtText", () => {
  it("writes the segments a PAS sends, fields in their HL7 positions", () => {
    const text = buildAdtText({ ...base, event: "A03", disposition: "06", admitAt: new Date("2026-03-27T10:00:00Z") });
    const [msh, evn, pid, pv1] = text.split("\r");
    expect(msh).toBe("MSH|^~\\&|PAS|GENHOSP|IOMT|WARD|20260329003000+0000||ADT^A03^ADT_A03|S1|P|2.5.1");
    expect(evn).toBe("EVN|A03|20260329003000+0000||||20260329003000+0000");
    expect(pid?.split("|")[3]).toBe("M\\S\\1^^^GENHOSP^MR");
    expect(pv1?.split("|")[36]).toBe("06");
    expect(pv1?.split("|")[44]).toBe("20260327100000+0000");
    expect(pv1?.split("|")[45]).toBe("20260329003000+0000");
  });

  it("escapes delimiters in values so they read back unchanged, in any time zone", () => {
    const r = parseAdtMessage(buildAdtText({ ...base, event: "A01", timeZone: "Europe/London" }), { timeZone: "Asia/Tokyo" });
    if (!r.ok) throw new Error(r.refusal.text);
    expect(r.message.patient).toMatchObject({
      mrn: "M^1",
      familyName: "García & Söhne|x",
      givenName: "Zoë",
      birthDate: "1999-12-31",
      sex: "O",
    });
    expect(r.message.visit.visitNumber).toBe("V~1");
    expect(r.message.admitAt?.toISOString()).toBe("2026-03-29T00:30:00.000Z");
  });

  it("registers an outpatient as class O without a bed", () => {
    const r = parseAdtMessage(buildAdtText({ ...base, event: "A04", bed: null }));
    expect(r.ok && r.message.visit).toMatchObject({ patientClass: "O", location: null });
  });
});
