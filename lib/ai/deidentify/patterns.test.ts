import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { EMAIL_RULES, NETWORK_RULES, URL_RULES } from "./rules-contact";
import { mayMatch, type TextRule } from "./scrub";
import { CONTEXT } from "@/test/support/deidentify-context";
import { deidentifyText, type DeidentifyContext, type RedactionReceipt } from "./deidentify";

const NO_KNOWN: DeidentifyContext = { now: CONTEXT.now };

function scrub(text: string, context: DeidentifyContext = NO_KNOWN): [string, RedactionReceipt] {
  const r = deidentifyText(text, context);
  return [r.text, r.receipt];
}

describe("pattern rules, one kind at a time, with nobody known", () => {
  it.each([
    ["Call (617) 555-0123 today", "Call [phone] today", { phone: 1 }],
    ["mobile +44 20 7946 0958.", "mobile [phone].", { phone: 1 }],
    ["ext. 4521", "ext. [phone]", { phone: 1 }],
    ["+49 30 1234567", "[phone]", { phone: 1 }],
    ["Fax: +1 (617) 555-0188", "Fax: [fax]", { fax: 1 }],
    ["write to j.doe+ward@mail.hospital.org", "write to [email]", { email: 1 }],
    ["see www.example.com/records.", "see [url].", { url: 1 }],
    ["see example.org and http://10.0.0.5:8080/x", "see [url] and [url]", { url: 2 }],
    ["host 192.168.1.20, gw ::1, 2001:db8::8a2e:370:7334", "host [ip], gw [ip], [ip]", { ip: 3 }],
    ["social security number: 123 45 6789", "social security number: [ssn]", { ssn: 1 }],
    ["MRN: A1234567", "MRN: [mrn]", { mrn: 1 }],
    ["medical record no. 000123", "medical record no. [mrn]", { mrn: 1 }],
    ["Member ID W123456789, policy #POL-7788-99", "Member ID [account], policy #[account]", { account: 2 }],
    ["DEA AB1234563; NPI 1234567893", "DEA [licence]; NPI [licence]", { licence: 2 }],
    ["driver's license D1234567", "driver's license [licence]", { licence: 1 }],
    ["licence plate ABC 1234", "licence plate [vehicle]", { vehicle: 1 }],
    ["serial no. 88-1234-ZZ and S/N XK9001", "serial no. device A and S/N device B", { device_id: 2 }],
    ["MAC 00-1B-63-84-45-E6", "MAC device A", { device_id: 1 }],
    ["id 123e4567-e89b-12d3-a456-426614174000", "id [id]", { other_id: 1 }],
    ["user clx0abcd1234efgh5678ijkl", "user [id]", { other_id: 1 }],
    ["order ORD-2026-004512", "order [id]", { other_id: 1 }],
    ["ref 123456789012", "ref [account]", { account: 1 }],
    ["1600 Pennsylvania Avenue NW", "[address] NW", { geography: 1 }],
    ["Springfield, IL 62704-1234", "[city], IL [zip]", { geography: 2 }],
    ["postal code 94110", "postal code [zip]", { geography: 1 }],
    ["Dr. O'Brien and Mrs. McDonald Smith", "A physician and a person", { name: 2 }],
    ["handed over by Nurse Jackie", "handed over by a nurse", { name: 1 }],
  ])("%s", (input, output, receipt) => {
    expect(scrub(input)).toEqual([output, receipt]);
  });
});

describe("dates and times", () => {
  it.each([
    ["at 2026-11-23T17:45:00Z", "at -15 min"],
    ["at 2026-11-23T12:45:00-05:00", "at -15 min"],
    ["at 2026-11-23 17:45", "at -15 min"],
    ["on 2026-11-20", "on -3 d"],
    ["on 2026/11/23", "on today"],
    ["on 20.11.2026 14:00", "on -3 d 4 h"],
    ["on 11/20/26", "on -3 d"],
    ["on 23 Nov 2026, 16:00", "on -2 h"],
    ["on November 22nd, 2026", "on -1 d"],
    ["on Dec 1", "on +8 d"],
    ["since March 2024", "since 2024"],
    ["at 16:30 and 5:15 pm", "at -1 h 30 min and -45 min"],
    ["at 4 PM", "at -2 h"],
  ])("%s", (input, output) => {
    const [text, receipt] = scrub(input);
    expect(text).toBe(output);
    expect(receipt.date).toBeGreaterThanOrEqual(1);
  });

  it("reads ambiguous numeric dates month-first unless told day-first", () => {
    expect(scrub("on 03/11/2026")[0]).toBe("on -257 d");
    expect(scrub("on 03/11/2026", { ...NO_KNOWN, dateOrder: "dmy" })[0]).toBe("on -20 d");
    expect(scrub("on 13/11/2026")[0]).toBe("on -10 d");
  });

  it("reads clock times in the context's time zone", () => {
    expect(scrub("dose at 12:00", { ...NO_KNOWN, timeZone: "America/New_York" })[0]).toBe("dose at -1 h");
  });

  it("turns a known birth date into an age in any spelling, and keeps other bare years", () => {
    const young: DeidentifyContext = { now: CONTEXT.now, patients: [{ givenNames: ["Tom"], familyName: "Hale", birthDate: "1950-03-14" }] };
    expect(scrub("DOB 14 March 1950, 1950-03-14, 3/14/1950; born 1950; since 2019", young)).toEqual([
      "DOB 76 years, 76 years, 76 years; born 1950; since 2019",
      { date: 3 },
    ]);
  });
});

describe("ages over 89", () => {
  it.each([
    ["a 92-year-old woman", "a 90 or older woman", { date: 1 }],
    ["aged 93, age: 101", "aged 90 or older, age: 90 or older", { date: 2 }],
    ["95 yo male", "90 or older male", { date: 1 }],
    ["a 78-year-old, aged 89, 40 years on the ward", "a 78-year-old, aged 89, 40 years on the ward", {}],
    ["-90 y or more", "-90 y or more", {}],
  ])("%s", (input, output, receipt) => {
    expect(scrub(input)).toEqual([output, receipt]);
  });
});

describe("known people and devices", () => {
  it("names several patients apart and treats a shared form as ambiguous", () => {
    const ward: DeidentifyContext = {
      now: CONTEXT.now,
      patients: [
        { id: "p1", givenNames: ["Ann"], familyName: "Smith" },
        { id: "p2", givenNames: ["Bob"], familyName: "Smith" },
        { id: "p3", givenNames: ["Cleo"], familyName: "Ng" },
      ],
    };
    const r = deidentifyText("Ann Smith and Bob Smith; Smith, Bob; Mr Smith; Ng is stable; ng tube.", ward);
    expect(r.text).toBe("Patient A and patient B; patient B; a person; patient C is stable; ng tube.");
    expect(r.receipt).toEqual({ name: 5 });
    expect(r.pseudonyms).toEqual({
      "patient A": { kind: "patient", id: "p1" },
      "patient B": { kind: "patient", id: "p2" },
      "patient C": { kind: "patient", id: "p3" },
    });
  });

  it("matches names only when capitalised, in any letter case otherwise", () => {
    const ctx: DeidentifyContext = { now: CONTEXT.now, patients: [{ givenNames: ["Will"], familyName: "May" }] };
    expect(scrub("Staff will check; it may help. WILL MAY was seen by Will.", ctx)).toEqual([
      "Staff will check; it may help. The patient was seen by the patient.",
      { name: 2 },
    ]);
  });

  it("gives each device one pseudonym whatever it is called by, in order of first appearance", () => {
    const r = deidentifyText("pump-0002 alarmed; PUMP-0002-ASSET is pump-0002; mon-4e-01 and SN-4471-XK.", CONTEXT);
    expect(r.text).toBe("device A alarmed; device A is device A; device B and device B.");
    expect(r.receipt).toEqual({ device_id: 5 });
  });
});

describe("no pathological backtracking", () => {
  it.each(["1-", "12.", "a.", "a@", "Aa ", "1 ", "+1 ", "tel 1 ", "Dr ", "a1:", "1a", "-1", "12 Ab "])(
    "10k characters of %j scrub quickly",
    (unit) => {
      const text = unit.repeat(Math.ceil(10_000 / unit.length));
      const started = performance.now();
      deidentifyText(text, CONTEXT);
      expect(performance.now() - started).toBeLessThan(1000);
    },
  );
});

describe("a rule's `needs` (the cheap look that lets the scrubber skip a rule)", () => {
  const rules: readonly TextRule[] = [...URL_RULES, ...EMAIL_RULES, ...NETWORK_RULES];
  const pieces = [..."aZf09:.@/-_ %", "://", "www.", "WWW.", ".com", ".ORG", ".io", "::", "fe80", "http", "@x.de", "1.2.3.4"];

  it("is found in every match of the rule's pattern, so skipping a text without it never misses one", () => {
    expect(rules.filter((r) => r.needs).length).toBeGreaterThanOrEqual(4);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        for (const rule of rules) {
          if (!rule.needs) continue;
          for (const m of text.matchAll(rule.pattern)) expect(mayMatch(rule, m[0])).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
