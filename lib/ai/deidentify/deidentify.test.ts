import { describe, expect, it } from "vitest";
import { ALERT_ID, CONTEXT, PATIENT_ID } from "@/test/support/deidentify-context";
import { createDeidentifier, deidentifyText, type FieldRules, type IdentifierKind, type RedactionReceipt } from "./deidentify";

/** Every identifier that goes in, with the kind it must be counted as. Each appears exactly once. */
const STRUCTURED_IDENTIFIERS: [IdentifierKind, string][] = [
  ["other_id", PATIENT_ID],
  ["name", "Maria Elena Lopez"],
  ["mrn", "DEMO-100001"],
  ["date", "1934-03-14"],
  ["phone", "+1 617 555 0100"],
  ["email", "maria.lopez@example.com"],
  ["geography", "42 Elm Street"],
  ["geography", "02115"],
  ["date", "2026-11-23T14:50:00.000Z"],
  ["device_id", "mon-4e-01"],
  ["date", "2026-11-23T17:45:00.000Z (a Date)"],
  ["device_id", "pump-0002"],
  ["date", "2026-11-23T17:50:00.000Z (epoch ms)"],
  ["other_id", ALERT_ID],
  ["name", "Anna Berg"],
  ["date", "2026-11-21T14:00:00.000Z"],
];

const NOTE_IDENTIFIERS: [IdentifierKind, string][] = [
  ["name", "Mrs. Lopez"],
  ["name", "Dr. Wei Chen"],
  ["date", "11/21/2026 at 9:15 am"],
  ["name", "Nurse Berg"],
  ["phone", "617-555-0199"],
  ["fax", "617-555-0188"],
  ["geography", "7 Harbor Road"],
  ["geography", "Quincy"],
  ["geography", "02169"],
  ["ssn", "123-45-6789"],
  ["account", "HP-99887766"],
  ["account", "0012345678"],
  ["licence", "LIC-552219"],
  ["vehicle", "7ABC123"],
  ["vehicle", "1HGCM82633A004352"],
  ["device_id", "SN-4471-XK"],
  ["device_id", "00:1a:2b:3c:4d:5e"],
  ["ip", "10.20.30.40"],
  ["ip", "fe80::1ff:fe23:4567:890a"],
  ["device_id", "PUMP-0002-ASSET"],
  ["url", "https://portal.example.org/p/42"],
  ["email", "daughter@example.net"],
  ["other_id", "ckz9y8x7w6v5u4t3s2r1q0p9o"],
  ["mrn", "DEMO-100001 (again, in the note)"],
  ["date", "03/14/1934"],
  ["date", "1934 (birth year of a 92-year-old)"],
];

const NOTE =
  "Mrs. Lopez was seen by Dr. Wei Chen on 11/21/2026 at 9:15 am. Nurse Berg paged 617-555-0199; fax 617-555-0188. " +
  "Daughter lives at 7 Harbor Road, Quincy, MA 02169. SSN 123-45-6789, Medicare plan ID HP-99887766, account 0012345678. " +
  "Licence LIC-552219, plate 7ABC123, VIN 1HGCM82633A004352. Monitor SN-4471-XK (MAC 00:1a:2b:3c:4d:5e) at 10.20.30.40 / " +
  "fe80::1ff:fe23:4567:890a, asset PUMP-0002-ASSET. Portal https://portal.example.org/p/42, mail daughter@example.net. " +
  "Ref ckz9y8x7w6v5u4t3s2r1q0p9o, MRN DEMO-100001, DOB 03/14/1934, born in 1934. SpO2 91 %, BP 120/80, NEWS2 7.";

const VALUE = {
  patient: {
    id: PATIENT_ID,
    name: "Maria Elena Lopez",
    mrn: "DEMO-100001",
    birthDate: "1934-03-14",
    phone: "+1 617 555 0100",
    email: "maria.lopez@example.com",
    address: "42 Elm Street",
    zip: "02115",
  },
  vitals: [
    { at: "2026-11-23T14:50:00.000Z", deviceId: "mon-4e-01", heart_rate: 112, spo2: 91, bp_sys: 120, bp_dia: 80 },
    { at: new Date("2026-11-23T17:45:00.000Z"), deviceId: "pump-0002", heart_rate: 118, spo2: 90 },
  ],
  news2: { total: 7, at: Date.parse("2026-11-23T17:50:00.000Z") },
  alerts: [{ id: ALERT_ID, rule: "spo2_low", ackBy: "Anna Berg", ackAt: "2026-11-21T14:00:00.000Z", note: NOTE }],
};

const FIELDS: FieldRules = {
  "patient.id": "patient_ref",
  "patient.name": "patient_name",
  mrn: "mrn",
  birthDate: "birth_date",
  phone: "phone",
  email: "email",
  address: "address",
  zip: "zip",
  at: "datetime",
  deviceId: "device_id",
  "alerts.id": "internal_id",
  ackBy: "staff_name",
  ackAt: "datetime",
  note: "free_text",
};

function tally(list: [IdentifierKind, string][]): RedactionReceipt {
  const out: RedactionReceipt = {};
  for (const [kind] of list) out[kind] = (out[kind] ?? 0) + 1;
  return out;
}

/** The raw strings (and tell-tale fragments) that must not survive anywhere in the outbound text. */
const MUST_NOT_SURVIVE = [
  ...[...STRUCTURED_IDENTIFIERS, ...NOTE_IDENTIFIERS].map(([, raw]) => raw.replace(/ \(.*\)$/, "")),
  "Maria",
  "Elena",
  "Lopez",
  "Anna",
  "Berg",
  "Wei",
  "Chen",
  "Harbor",
  "Quincy",
  "Elm",
  "0100",
  "0199",
  "0188",
  "4471",
  "4d:5e",
  "2026-11",
  "11/21",
  "14:50",
  "17:45",
  "9:15",
  "1934",
  "03/14",
  "6789",
  "99887766",
  "552219",
  "example",
];

describe("de-identification of every Safe Harbor identifier kind", () => {
  it("leaves none of them in the outbound text and counts each exactly once", () => {
    const d = createDeidentifier(CONTEXT);
    const value = d.value(VALUE, FIELDS);
    const outbound = d.text(`Handover data:\n${JSON.stringify(value)}`);
    const { receipt, pseudonyms } = d.result();

    for (const raw of MUST_NOT_SURVIVE) expect(outbound.toLowerCase(), `"${raw}" survived`).not.toContain(raw.toLowerCase());
    expect(receipt).toEqual(tally([...STRUCTURED_IDENTIFIERS, ...NOTE_IDENTIFIERS]));
    expect(Object.keys(receipt).sort()).toEqual([
      "account",
      "date",
      "device_id",
      "email",
      "fax",
      "geography",
      "ip",
      "licence",
      "mrn",
      "name",
      "other_id",
      "phone",
      "ssn",
      "url",
      "vehicle",
    ]);
    expect(pseudonyms).toEqual({
      "the patient": { kind: "patient", id: PATIENT_ID },
      "device A": { kind: "device", id: "mon-4e-01" },
      "device B": { kind: "device", id: "pump-0002" },
    });
  });

  it("replaces each field as declared and keeps the clinical values", () => {
    const d = createDeidentifier(CONTEXT);
    const value = d.value(VALUE, FIELDS) as typeof VALUE & Record<string, unknown>;
    expect(value.patient).toEqual({
      id: "the patient",
      name: "the patient",
      mrn: "[mrn]",
      birthDate: "90 or older",
      phone: "[phone]",
      email: "[email]",
      address: "[address]",
      zip: "[zip]",
    });
    expect(value.vitals).toEqual([
      { at: "-3 h 10 min", deviceId: "device A", heart_rate: 112, spo2: 91, bp_sys: 120, bp_dia: 80 },
      { at: "-15 min", deviceId: "device B", heart_rate: 118, spo2: 90 },
    ]);
    expect(value.news2).toEqual({ total: 7, at: "-10 min" });
    const alert = value.alerts[0];
    expect(alert).toMatchObject({ id: "[id]", rule: "spo2_low", ackBy: "a nurse", ackAt: "-2 d 4 h" });
    expect(alert?.note).toBe(
      "The patient was seen by a physician on -2 d 8 h. A nurse paged [phone]; fax [fax]. " +
        "Daughter lives at [address], [city], MA [zip]. SSN [ssn], Medicare plan ID [account], account [account]. " +
        "Licence [licence], plate [vehicle], VIN [vehicle]. Monitor device A (MAC device A) at [ip] / " +
        "[ip], asset device B. Portal [url], mail [email]. " +
        "Ref [id], MRN [mrn], DOB 90 or older, born in [year]. SpO2 91 %, BP 120/80, NEWS2 7.",
    );
  });

  it("makes the final pass idempotent: scrubbing de-identified text again changes and counts nothing", () => {
    const d = createDeidentifier(CONTEXT);
    const once = d.text(NOTE);
    const json = JSON.stringify(d.value(VALUE, FIELDS));
    const before = d.result();
    expect(d.text(once)).toBe(once);
    expect(d.text(json)).toBe(json);
    expect(d.result()).toEqual(before);
  });

  it("catches in the final pass what a template or an undeclared field let through", () => {
    const d = createDeidentifier(CONTEXT);
    const value = d.value({ comment: "ask Maria about 2026-11-23T16:00:00Z", serial: "SN-4471-XK" });
    const message = `Patient Maria Lopez (MRN DEMO-100001), call 617-555-0199.\n${JSON.stringify(value)}`;
    const outbound = d.text(message);
    expect(outbound).toBe('The patient (MRN [mrn]), call [phone].\n{"comment":"ask the patient about -2 h","serial":"device A"}');
    expect(d.result().receipt).toEqual({ name: 2, date: 1, device_id: 1, mrn: 1, phone: 1 });
  });
});

describe("clinical content survives", () => {
  const CLINICAL = [
    "SpO2 91 %, BP 120/80 mmHg, NEWS2 7 (high), HR 112 /min, RR 24 /min, temp 38.4 °C, on 2 L O2, ACVPU: alert.",
    "Trend: -15 min, -3 h 10 min, -2 d 4 h; now; today; yesterday; +20 min.",
    "pH 7.35, K+ 3.2 mmol/L, Hb 9.8 g/dL, WBC 12.3, CRP 145, Na 135, glucose 54 mg/dL, platelets 150 x10^9/L.",
    "Urgent review within 1 hour; emergency review within 30 minutes; 1:1 nursing; q4h; GCS 15; 5 mg IV; 125 mL/h.",
    "Time in range 70–180 mg/dL > 70%; below 70 < 4%; target 88–92% on scale 2; 2 puffs; 135/85 over 7 days.",
    "LOINC 8867-4, SNOMED CT; firmware 5.2.0; battery 15 %; vibration 0.8 g; bed 12, Ward 4E, ICU/2; 24/7 cover.",
    "In 2019 she had COVID-19; Will review; nurse call bell; the charge nurse; device A, the patient, [mrn].",
    '{"heart_rate":112,"spo2":91,"bp_sys":120,"bp_dia":80,"o2_supplement":1,"consciousness":0,"news2":7,"at":"-3 h 10 min"}',
    '```json patient.vitals_window\n[{"metric":"spo2","value":91,"unit":"%"}]\n```',
  ];

  it.each(CLINICAL)("%s", (text) => {
    const r = deidentifyText(text, CONTEXT);
    expect(r.text).toBe(text);
    expect(r.receipt).toEqual({});
  });

  it("leaves the model's own vocabulary and the platform's metric keys untouched as object keys", () => {
    const d = createDeidentifier(CONTEXT);
    const value = { heart_rate: 80, resp_rate: 14, spo2: 97, temp: 36.8, bp_sys: 118, o2_supplement: 0, inhaler_puffs: 2 };
    expect(d.value(value)).toEqual(value);
    expect(d.result().receipt).toEqual({});
  });
});
