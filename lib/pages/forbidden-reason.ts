// Why a page was refused (app/forbidden.tsx answers 403 with this): worded from the requested path and the
// caller's role. Patients and wards the caller may not see are described the same whether or not they exist.
import type { Role } from "@/lib/auth/principal";

export type ForbiddenReason = { title: string; detail: string };

const SECTIONS: { prefix: string; who: string }[] = [
  { prefix: "/admin/audit", who: "administrators" },
  { prefix: "/admin/ingest", who: "administrators" },
  { prefix: "/admin/devices", who: "administrators and biomedical engineering" },
  { prefix: "/admin/firmware", who: "administrators and biomedical engineering" },
  { prefix: "/admin", who: "administrators" },
  { prefix: "/devices", who: "administrators and biomedical engineering" },
  { prefix: "/assets/floors", who: "administrators" },
  { prefix: "/alerts", who: "clinical staff and biomedical engineering" },
  { prefix: "/environment", who: "clinical staff, administrators and biomedical engineering" },
  { prefix: "/wards", who: "clinical staff (nurses, physicians, administrators)" },
];

export function forbiddenReason(path: string, role: Role | null): ForbiddenReason {
  const clinician = role === "nurse" || role === "physician";
  if (path === "/no-access") {
    return {
      title: "No patient record linked",
      detail:
        "Your account is not linked to a patient record, so there is nothing to show yet. Please contact your care team or the hospital help desk to have your account linked.",
    };
  }
  if (/^\/wards\/[^/]+/.test(path) && clinician) {
    return { title: "No access to this ward", detail: "You are not assigned to this ward. Ask an administrator if you need access." };
  }
  if (path.startsWith("/patients/")) {
    return {
      title: "No access to this patient",
      detail:
        role === "patient"
          ? "You can see only your own record."
          : "This patient's record is not available to you: the patient is not on your wards, or the record does not exist. Ask an administrator if you need access.",
    };
  }
  const section = SECTIONS.find((s) => path === s.prefix || path.startsWith(`${s.prefix}/`));
  if (section) {
    return { title: "Not available to your role", detail: `This page is for ${section.who}; you are signed in as ${role ?? "unknown"}.` };
  }
  return { title: "Access denied", detail: `Your role (${role ?? "unknown"}) does not give access to this page.` };
}
