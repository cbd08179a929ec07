// Stable pseudonyms within one de-identification: devices become "device A", "device B" in order of
// first appearance (an id and its serial are one device); one patient is "the patient", several are
// "patient A", "patient B". The map back to real ids stays with the caller, for display only.
import type { PseudonymMap, PseudonymTarget } from "./types";

/** 0 → A, 25 → Z, 26 → AA, 27 → AB … */
export function letterLabel(index: number): string {
  let n = index;
  let out = "";
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

export class PseudonymBook {
  private readonly devices = new Map<string, string>();
  private readonly patients = new Map<string, string>();
  private readonly targets: PseudonymMap = {};

  /** `patientIds` in context order; one patient is "the patient". */
  constructor(patientIds: readonly string[]) {
    patientIds.forEach((id, i) => {
      const label = patientIds.length === 1 ? "the patient" : `patient ${letterLabel(i)}`;
      this.patients.set(id, label);
      this.targets[label] = { kind: "patient", id };
    });
  }

  /** The pseudonym of the device known by `id` (its real id, or the raw identifier when unknown). */
  device(id: string): string {
    let label = this.devices.get(id);
    if (!label) {
      label = `device ${letterLabel(this.devices.size)}`;
      this.devices.set(id, label);
      this.targets[label] = { kind: "device", id };
    }
    return label;
  }

  /** The pseudonym of a patient of the context, by the index key given to the constructor. */
  patient(id: string): string | undefined {
    return this.patients.get(id);
  }

  map(): PseudonymMap {
    return { ...this.targets };
  }
}

/**
 * Puts real names back into a model's answer for display: each pseudonym in `map` is replaced by
 * `label(target)` (default: the target's id). Longer pseudonyms first, so "device AB" is not read as "device A".
 */
export function reidentify(text: string, map: PseudonymMap, label: (target: PseudonymTarget) => string = (t) => t.id): string {
  const names = Object.keys(map).sort((a, b) => b.length - a.length);
  if (names.length === 0) return text;
  const pattern = new RegExp(`\\b(?:${names.map((n) => n.replace(/ /g, "\\s+")).join("|")})\\b`, "gi");
  return text.replace(pattern, (found) => {
    const key = names.find((n) => n.toLowerCase() === found.replace(/\s+/g, " ").toLowerCase());
    const target = key ? map[key] : undefined;
    return target ? label(target) : found;
  });
}
