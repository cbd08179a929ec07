// What a role may do, in words, and what each page it may open is for (pure). The 403 page lists these
// so a refused user learns where to go instead of guessing; the links themselves come from the nav
// (components/app-nav navLinks), so the two never disagree.
import type { Role } from "@/lib/auth/principal";

export const ROLE_CAN: Record<Role, string> = {
  admin: "As an administrator you see every ward and patient, and manage staff and duty, devices, firmware, ingest, AI and the audit log.",
  nurse: "As a nurse you see the wards you are assigned to: their central station, patients, alarms, admissions and patient flow.",
  physician:
    "As a physician you see the wards you are assigned to: their central station, patients and alarm limits, alarms, admissions and patient flow.",
  biomed:
    "As biomedical engineering you look after equipment: devices, firmware, equipment alarms, environment monitoring and the asset map. Patient records are not part of your role.",
  patient: "As a patient you can see your own record: your readings at home, your alerts and devices, in the patient portal.",
};

/** One line on what a page is for, by the nav link's path. */
const PAGE_PURPOSE: Record<string, string> = {
  "/wards": "live central station of your wards",
  "/admissions": "admit, transfer and discharge patients",
  "/flow": "beds, admissions and discharges over time",
  "/portal/messages": "messages with your care team",
  "/remote": "home patients of your programs' care teams, sickest first",
  "/alerts": "the alarm queue: acknowledge, silence, escalate",
  "/admin/audit": "who saw or changed what",
  "/admin/users": "staff accounts, ward assignments and duty rota",
  "/admin/devices": "the device registry",
  "/admin/firmware": "firmware packages and updates",
  "/environment": "fridge and freezer temperatures, excursions",
  "/assets": "where equipment is, on the floor plan",
  "/admin/ingest": "telemetry ingest health",
  "/admin/erasure": "patients' erasure requests: complete or refuse",
  "/portal/privacy": "your consents, data export, erasure request and who looked at your record",
  "/admin/ai": "AI prompts, parameters and spend",
  "/account/tokens": "personal API tokens",
  "/account": "your password and sign-in settings",
  "/portal": "your readings at home, alerts and devices",
};

export function pagePurpose(href: string): string | null {
  if (href.startsWith("/patients/")) return "your record: readings, trends and alarms";
  return PAGE_PURPOSE[href] ?? null;
}
