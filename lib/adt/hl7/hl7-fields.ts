// Reading fields of a message parsed by @medplum/core: 1-based positions as HL7 numbers them (PID-3.4),
// absent fields read as empty, HL7's explicit null ("") reads as empty, and escape sequences decoded.
// Also the reverse, escaping text we put into a message we build.
import type { Hl7Context, Hl7Field, Hl7Segment } from "@medplum/core";

const STANDARD_DELIMITERS = { field: "|", component: "^", repetition: "~", escape: "\\", subcomponent: "&" };

/** The field at HL7 position `index`, or undefined when the segment is shorter. */
export function fieldAt(segment: Hl7Segment | undefined, index: number): Hl7Field | undefined {
  if (!segment) return undefined;
  // getField returns undefined past the end at run time, though its type says otherwise.
  const field: Hl7Field | undefined = segment.getField(index);
  return field;
}

/** Raw component values per repetition: [[cx1, cx2, …], …]; [] when the field is empty. */
export function repetitions(segment: Hl7Segment | undefined, index: number): string[][] {
  const field = fieldAt(segment, index);
  if (!field) return [];
  return field.components.filter((rep) => rep.some((c) => c !== "" && c !== '""'));
}

/** One component (1-based) of one repetition, unescaped and trimmed; "" when absent. */
export function componentOf(segment: Hl7Segment | undefined, index: number, component = 1, repetition = 0): string {
  const field = fieldAt(segment, index);
  if (!field || !segment) return "";
  const raw = field.components[repetition]?.[component - 1] ?? "";
  return decodeValue(raw, segment.context);
}

/** A raw component value (possibly with sub-components) decoded; the first sub-component when `firstOnly`. */
export function decodeValue(raw: string, context: Hl7Context, firstOnly = false): string {
  if (raw === '""') return "";
  const value = firstOnly ? (raw.split(context.subcomponentSeparator)[0] ?? "") : raw;
  return unescapeHl7(value, context).trim();
}

/** Decodes \F\ \S\ \T\ \R\ \E\ \Xhh…\ and \.br\; drops formatting escapes (\H\, \N\, …). */
export function unescapeHl7(value: string, context: Hl7Context): string {
  const esc = context.escapeCharacter;
  if (!esc || !value.includes(esc)) return value;
  const quoted = esc.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`${quoted}([^${quoted}]*)${quoted}`, "g");
  return value.replace(pattern, (_whole, code: string) => {
    switch (code) {
      case "F":
        return context.fieldSeparator;
      case "S":
        return context.componentSeparator;
      case "T":
        return context.subcomponentSeparator;
      case "R":
        return context.repetitionSeparator;
      case "E":
        return esc;
      case ".br":
        return "\n";
      default:
        if (/^X([0-9A-Fa-f]{2})+$/.test(code)) return Buffer.from(code.slice(1), "hex").toString("latin1");
        return "";
    }
  });
}

/** Escapes text for a field of a message built with the standard delimiters |^~\&. */
export function escapeHl7(text: string): string {
  const d = STANDARD_DELIMITERS;
  let out = "";
  for (const ch of text) {
    if (ch === d.escape) out += "\\E\\";
    else if (ch === d.field) out += "\\F\\";
    else if (ch === d.component) out += "\\S\\";
    else if (ch === d.subcomponent) out += "\\T\\";
    else if (ch === d.repetition) out += "\\R\\";
    else if (ch === "\r" || ch === "\n") out += "\\.br\\";
    else out += ch;
  }
  return out;
}
