// A device's identity as biomed records it: model, serial number and UDI (the FDA / EU MDR unique device
// identifier printed on the label). Validation is pure and names the field at fault. A UDI is accepted in
// the human-readable form of an issuing agency: GS1 "(01)<GTIN-14>[(11|17)YYMMDD][(10)lot][(21)serial]"
// (the GTIN's check digit is verified), HIBCC "+..." or ICCBBA "=...". Client-safe and free of zod (the
// identity panel's JS carries it); the request body's schema is device-identity-body.ts.
export const MODEL_MAX = 80;
export const SERIAL_MAX = 64;
export const UDI_MAX = 120;

export type DeviceIdentity = { model: string | null; serialNumber: string | null; udi: string | null };

/** GS1 mod-10 check digit of a GTIN (its last digit) is right. */
export function gtinCheckDigitOk(gtin: string): boolean {
  if (!/^\d{8,14}$/.test(gtin)) return false;
  const digits = [...gtin].map(Number);
  const check = digits.pop()!;
  const sum = digits.reverse().reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

const GS1_AI = /\((\d{2})\)([^()]*)/g;

/** Why a UDI is not acceptable, or null when it is. */
export function udiProblem(udi: string): string | null {
  if (udi.length > UDI_MAX) return `is longer than ${UDI_MAX} characters`;
  if (!/^[\x21-\x7e]+$/.test(udi)) return "may hold printable characters only, without spaces";
  if (udi.startsWith("+") || udi.startsWith("=")) return udi.length >= 6 ? null : "is too short for a HIBCC (+) or ICCBBA (=) UDI";
  if (!udi.startsWith("(01)")) return 'must start with "(01)" (GS1), "+" (HIBCC) or "=" (ICCBBA)';
  const parts = [...udi.matchAll(GS1_AI)];
  if (parts.map((m) => m[0]).join("") !== udi) return 'must be GS1 application identifiers such as "(01)…(21)…"';
  const gtin = parts[0]![2]!;
  if (!/^\d{14}$/.test(gtin)) return "(01) must be followed by a 14-digit GTIN";
  if (!gtinCheckDigitOk(gtin)) return `GTIN ${gtin} has a wrong check digit`;
  for (const [, ai, value] of parts.slice(1)) {
    if (ai === "11" || ai === "17") {
      if (!/^\d{6}$/.test(value!)) return `(${ai}) must be a date YYMMDD`;
    } else if (ai === "10" || ai === "21") {
      if (!value || value.length > 20) return `(${ai}) must be 1 to 20 characters`;
    } else return `(${ai}) is not a UDI application identifier (use 01, 11, 17, 10, 21)`;
  }
  return null;
}
