import { describe, expect, it } from "vitest";
import { generateAdtScenario, type SampleWard } from "./sample-scenario";
import { parseAdtMessage } from "./parse-adt";
import type { AdtMessage } from "./adt-types";

const wards: SampleWard[] = [
  { code: "4W", beds: ["A", "B", "C", "D", "E", "F"].map((label, i) => ({ room: `40${1 + Math.floor(i / 2)}`, label })) },
  { code: "ICU", beds: ["1", "2", "3", "4"].map((label) => ({ room: `I${label}`, label })) },
];
const start = new Date("2026-11-23T00:00:00Z");

function parsed(seed: number, messages = 60, takenBeds?: { wardCode: string; bedLabel: string }[]): AdtMessage[] {
  return generateAdtScenario({ wards, start, seed, messages, takenBeds }).map((m) => {
    const r = parseAdtMessage(m.text);
    if (!r.ok) throw new Error(`${m.note}: ${r.refusal.text}`);
    return r.message;
  });
}

/** Replays the messages the way the database wiring will, checking the bed rules as it goes. */
function replay(messages: AdtMessage[]) {
  const bedOf = new Map<string, string>(); // visit → ward|bed
  const occupant = new Map<string, string>(); // ward|bed → visit
  const closed = new Map<string, string>(); // discharged visit → its bed
  const visitsByMrn = new Map<string, Set<string>>();
  for (const m of messages) {
    const visit = m.visit.visitNumber ?? "";
    const bed = m.visit.location ? `${m.visit.location.wardCode}|${m.visit.location.bedLabel}` : "";
    switch (m.event) {
      case "A01":
        expect(occupant.has(bed), `A01 ${m.controlId} into a taken bed ${bed}`).toBe(false);
        occupant.set(bed, visit);
        bedOf.set(visit, bed);
        visitsByMrn.set(m.patient.mrn, (visitsByMrn.get(m.patient.mrn) ?? new Set()).add(visit));
        break;
      case "A02": {
        const prior = m.visit.priorLocation ? `${m.visit.priorLocation.wardCode}|${m.visit.priorLocation.bedLabel}` : "";
        expect(bedOf.get(visit), `A02 ${m.controlId} prior bed`).toBe(prior);
        expect(occupant.has(bed), `A02 ${m.controlId} into a taken bed`).toBe(false);
        occupant.delete(prior);
        occupant.set(bed, visit);
        bedOf.set(visit, bed);
        break;
      }
      case "A03":
        expect(bedOf.get(visit)).toBe(bed);
        expect(m.dischargeDisposition).toMatch(/^\d\d$/);
        occupant.delete(bed);
        bedOf.delete(visit);
        closed.set(visit, bed);
        break;
      case "A11":
        expect(bedOf.get(visit)).toBe(bed);
        occupant.delete(bed);
        bedOf.delete(visit);
        break;
      case "A13":
        expect(closed.get(visit)).toBe(bed);
        expect(occupant.has(bed)).toBe(false);
        occupant.set(bed, visit);
        bedOf.set(visit, bed);
        break;
      case "A08":
        expect(bedOf.get(visit)).toBe(bed);
        break;
      default:
        throw new Error(`unexpected ${m.event}`);
    }
  }
  return { occupant, visitsByMrn };
}

describe("generateAdtScenario", () => {
  it("produces messages the parser accepts, in time order, with unique control ids", () => {
    const raw = generateAdtScenario({ wards, start, seed: 7, messages: 60 });
    expect(raw).toHaveLength(60);
    expect(new Set(raw.map((m) => m.controlId)).size).toBe(60);
    for (let i = 1; i < raw.length; i += 1) expect(raw[i]!.at.getTime()).toBeGreaterThan(raw[i - 1]!.at.getTime());
    expect(raw.at(-1)!.at.getTime()).toBeLessThanOrEqual(start.getTime() + 24 * 3_600_000);
    expect(parsed(7).map((m) => m.sentAt.toISOString())).toEqual(raw.map((m) => m.at.toISOString()));
  });

  it("covers every event, including a cancelled admit, a cancelled discharge and a readmission", () => {
    for (const seed of [1, 2, 3, 42]) {
      const messages = parsed(seed);
      const events = new Set(messages.map((m) => m.event));
      for (const e of ["A01", "A02", "A03", "A08", "A11", "A13"]) expect(events, `seed ${seed}`).toContain(e);
      const { visitsByMrn } = replay(messages);
      const readmitted = [...visitsByMrn.values()].filter((v) => v.size > 1);
      expect(readmitted.length, `seed ${seed}`).toBeGreaterThanOrEqual(1);
    }
  });

  it("never puts two patients in one bed and keeps out of taken beds", () => {
    const taken = [
      { wardCode: "4W", bedLabel: "A" },
      { wardCode: "ICU", bedLabel: "1" },
    ];
    for (const seed of [5, 6, 9]) {
      const messages = parsed(seed, 80, taken);
      replay(messages);
      const used = messages.flatMap((m) => (m.visit.location ? [`${m.visit.location.wardCode}|${m.visit.location.bedLabel}`] : []));
      expect(used).not.toContain("4W|A");
      expect(used).not.toContain("ICU|1");
    }
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const a = generateAdtScenario({ wards, start, seed: 11 }).map((m) => m.text);
    expect(generateAdtScenario({ wards, start, seed: 11 }).map((m) => m.text)).toEqual(a);
    expect(generateAdtScenario({ wards, start, seed: 12 }).map((m) => m.text)).not.toEqual(a);
  });

  it("keeps time order for a dense benchmark day (messages closer than a second)", () => {
    const dense = generateAdtScenario({ wards, start, seed: 4, messages: 2000, hours: 0.25 });
    for (let i = 1; i < dense.length; i += 1) expect(dense[i]!.at.getTime()).toBeGreaterThanOrEqual(dense[i - 1]!.at.getTime());
    expect(new Set(dense.map((m) => m.controlId)).size).toBe(2000);
  });

  it("fails clearly when there is no bed at all", () => {
    expect(() => generateAdtScenario({ wards: [{ code: "X", beds: [] }], start })).toThrow(/no free bed/);
  });
});
