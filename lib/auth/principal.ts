// Who is calling: the signed-in user (session) or the owner of a personal API token, with the scope
// that decides which patients they may see. Client-safe types only.

export const ROLES = ["admin", "nurse", "physician", "patient", "biomed"] as const;
export type Role = (typeof ROLES)[number];
export const CLINICAL_ROLES: readonly Role[] = ["admin", "nurse", "physician"];
/** Who works the alert queue: clinicians, and biomed for equipment alerts (those on no patient). */
export const ALERT_ROLES: readonly Role[] = [...CLINICAL_ROLES, "biomed"];

export type Principal = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** For a patient account: the one patient record it is linked to. */
  patientId: string | null;
  /** For clinicians: the wards whose patients they may see. Admins see every ward. */
  wardIds: string[];
  /** For clinicians: the home patients the care teams they are on grant (open enrolments in those
   * programs, lib/programs); seen wherever a ward patient of theirs is. Absent or empty: none. */
  carePatientIds?: string[];
  via: "session" | "token";
  /** The browser session the request came with (lib/auth/user-sessions). */
  sessionId?: string;
  /** When that session's user last proved who they are (sign-in, password confirmation), epoch ms. */
  authAt?: number;
  /** The personal API token the request came with. */
  tokenId?: string;
};

export type PatientLocation = { patientId: string; wardId: string | null };

export function canSeePatient(p: Principal, patient: PatientLocation): boolean {
  if (p.role === "admin") return true;
  if (p.role === "patient") return p.patientId === patient.patientId;
  if (p.role === "biomed") return false;
  if (p.carePatientIds?.includes(patient.patientId)) return true;
  return patient.wardId !== null && p.wardIds.includes(patient.wardId);
}

export function canSeeWard(p: Principal, wardId: string): boolean {
  if (p.role === "admin") return true;
  if (p.role === "patient" || p.role === "biomed") return false;
  return p.wardIds.includes(wardId);
}
