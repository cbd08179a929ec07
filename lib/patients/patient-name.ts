// How a patient's name is read for display: one function, so names stored encrypted later are decoded in
// one place. Client-safe.

export type NameParts = { givenName: string; familyName: string };

export function patientDisplayName(p: NameParts): string {
  return `${p.givenName} ${p.familyName}`.trim();
}
