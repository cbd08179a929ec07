// A deterministic day of ADT traffic over a set of wards: admissions to free beds, transfers to a free bed
// on another ward, discharges with a disposition, demographic updates, and at least one cancelled
// admission (A11), one cancelled discharge (A13) and one readmission of a patient discharged earlier.
// Beds it is told are taken (the demo's scripted patients) are never used. Same seed, same messages.
import { isDeathDisposition } from "../dispositions";
import { buildAdtText, type AdtTextInput, type SampleBed, type SamplePatient } from "./sample-messages";
import type { AdtEvent } from "./adt-types";

export interface SampleWard {
  code: string;
  beds: { room: string; label: string }[];
}

export interface ScenarioOptions {
  wards: SampleWard[];
  start: Date;
  /** Number of messages. Default 40. */
  messages?: number;
  /** Spread over this many hours. Default 24. */
  hours?: number;
  seed?: number;
  /** Beds the generator must leave alone. */
  takenBeds?: { wardCode: string; bedLabel: string }[];
  controlIdPrefix?: string;
  timeZone?: string;
}

export interface ScenarioMessage {
  at: Date;
  event: AdtEvent;
  controlId: string;
  mrn: string;
  visitNumber: string;
  text: string;
  /** What happens, in words (for logs and test failures). */
  note: string;
}

const FAMILY = [
  "Okafor",
  "Schneider",
  "Novak",
  "García",
  "Lindqvist",
  "Murphy",
  "Rossi",
  "Nakamura",
  "Dubois",
  "Kowalski",
  "O'Brien",
  "Haddad",
];
const GIVEN_F = ["Anna", "Fatima", "Mei", "Sofia", "Grace", "Ingrid", "Amara", "Elena"];
const GIVEN_M = ["James", "Lukas", "Omar", "Kenji", "Pierre", "Tomasz", "Diego", "Samuel"];
const DISPOSITIONS = ["01", "01", "01", "01", "06", "06", "03", "02", "07", "20"];

/** mulberry32: small, fast, good enough for test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Stay {
  patient: SamplePatient;
  visitNumber: string;
  bed: SampleBed;
  disposition?: string;
}

export function generateAdtScenario(options: ScenarioOptions): ScenarioMessage[] {
  const rand = random(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const total = options.messages ?? 40;
  const stepMs = ((options.hours ?? 24) * 3_600_000) / total;
  const prefix = options.controlIdPrefix ?? "SIM";
  const taken = new Set((options.takenBeds ?? []).map((b) => `${b.wardCode}|${b.bedLabel}`));
  const beds: SampleBed[] = options.wards.flatMap((w) => w.beds.map((b) => ({ wardCode: w.code, room: b.room, bedLabel: b.label })));
  const key = (bed: SampleBed) => `${bed.wardCode}|${bed.bedLabel}`;
  const inBed = new Map<string, Stay>();
  const discharged: Stay[] = [];
  const out: ScenarioMessage[] = [];
  let counter = 0;
  let patients = 0;
  let visits = 0;
  const done = { cancelAdmit: false, cancelDischarge: false, readmit: false };
  const history: { event: AdtEvent; stay: Stay }[] = [];

  const freeBeds = (notWard?: string) => beds.filter((b) => !taken.has(key(b)) && !inBed.has(key(b)) && b.wardCode !== notWard);
  const newPatient = (): SamplePatient => {
    patients += 1;
    const sex = rand() < 0.5 ? "F" : "M";
    const year = 1935 + Math.floor(rand() * 70);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, "0");
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, "0");
    return {
      mrn: `${prefix}-MRN-${String(patients).padStart(5, "0")}`,
      familyName: pick(FAMILY),
      givenName: pick(sex === "F" ? GIVEN_F : GIVEN_M),
      birthDate: `${year}-${month}-${day}`,
      sex,
    };
  };
  const emit = (event: AdtEvent, stay: Stay, note: string, extra: Partial<AdtTextInput> = {}) => {
    counter += 1;
    history.push({ event, stay });
    const offset = Math.round(((counter - 0.5 + (rand() - 0.5) * 0.8) * stepMs) / 1000) * 1000;
    // Whole seconds (HL7 timestamps carry no milliseconds here), never earlier than the message before.
    const at = new Date(Math.max(Math.floor(options.start.getTime() / 1000) * 1000 + offset, out.at(-1)?.at.getTime() ?? 0));
    const controlId = `${prefix}${String(counter).padStart(6, "0")}`;
    const text = buildAdtText({
      event,
      controlId,
      at,
      patient: stay.patient,
      visitNumber: stay.visitNumber,
      bed: stay.bed,
      timeZone: options.timeZone,
      ...extra,
    });
    out.push({ at, event, controlId, mrn: stay.patient.mrn, visitNumber: stay.visitNumber, text, note });
  };
  const admit = (patient: SamplePatient, bed: SampleBed, note: string): Stay => {
    visits += 1;
    const stay = { patient, visitNumber: `${prefix}-V${String(visits).padStart(6, "0")}`, bed };
    inBed.set(key(bed), stay);
    emit("A01", stay, note);
    return stay;
  };
  const discharge = (stay: Stay) => {
    inBed.delete(key(stay.bed));
    const disposition = pick(DISPOSITIONS);
    discharged.push({ ...stay, disposition });
    emit("A03", stay, `discharge ${stay.patient.mrn} from ${key(stay.bed)}, disposition ${disposition}`, { disposition });
  };

  while (counter < total) {
    const occupants = [...inBed.values()];
    const previous = history.at(-1);
    const free = freeBeds();
    const readmittable = done.readmit
      ? []
      : discharged.filter((d) => !isDeathDisposition(d.disposition) && !occupants.some((o) => o.patient.mrn === d.patient.mrn));
    if (!done.cancelAdmit && previous?.event === "A01" && counter >= 3) {
      done.cancelAdmit = true;
      inBed.delete(key(previous.stay.bed));
      emit("A11", previous.stay, `cancel the admission of ${previous.stay.patient.mrn}`);
    } else if (!done.cancelDischarge && previous?.event === "A03" && !inBed.has(key(previous.stay.bed))) {
      done.cancelDischarge = true;
      const back = discharged.pop() ?? previous.stay;
      const { disposition: _cancelled, ...stay } = back;
      inBed.set(key(stay.bed), stay);
      emit("A13", stay, `cancel the discharge of ${stay.patient.mrn}, back in ${key(stay.bed)}`);
    } else if (!done.readmit && discharged.length >= 2 && readmittable.length > 0 && free.length > 0) {
      done.readmit = true;
      const earlier = readmittable[0]!;
      admit(earlier.patient, pick(free), `readmit ${earlier.patient.mrn} (earlier visit ${earlier.visitNumber})`);
    } else {
      const roll = rand();
      const wardsWithFree = new Set(free.map((b) => b.wardCode));
      const movable = occupants.filter((s) => wardsWithFree.size > 1 || (wardsWithFree.size === 1 && !wardsWithFree.has(s.bed.wardCode)));
      if ((roll < 0.4 || occupants.length < 2) && free.length > 0) {
        const bed = pick(free);
        admit(newPatient(), bed, `admit to ${key(bed)}`);
      } else if (roll < 0.55 && movable.length > 0) {
        const stay = pick(movable);
        const to = pick(free.filter((b) => b.wardCode !== stay.bed.wardCode));
        const moved = { ...stay, bed: to };
        inBed.delete(key(stay.bed));
        inBed.set(key(to), moved);
        emit("A02", moved, `transfer ${stay.patient.mrn} from ${key(stay.bed)} to ${key(to)}`, { priorBed: stay.bed });
      } else if (roll < 0.65 && occupants.length > 0) {
        const stay = pick(occupants);
        const firstName = stay.patient.givenName.split(" ")[0] ?? stay.patient.givenName;
        const updated = { ...stay, patient: { ...stay.patient, givenName: `${firstName} ${pick(["Marie", "J.", "Lee"])}` } };
        inBed.set(key(stay.bed), updated);
        emit("A08", updated, `update the name of ${stay.patient.mrn}`);
      } else if (occupants.length > 0) {
        discharge(pick(occupants));
      } else {
        throw new Error("generateAdtScenario: no free bed and nobody to discharge; give it more beds");
      }
    }
  }
  return out;
}
