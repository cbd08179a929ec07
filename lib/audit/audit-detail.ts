// An audit event's detail as shown and exported: without the patient id list and count, which have their
// own column. Pure; client-safe.
import type { Prisma } from "@/lib/generated/prisma/client";

export function auditDetailText(detail: Prisma.JsonValue | null): string {
  if (detail === null) return "";
  if (typeof detail !== "object" || Array.isArray(detail)) return JSON.stringify(detail);
  const rest = Object.fromEntries(Object.entries(detail).filter(([k]) => k !== "patientIds" && k !== "patientCount"));
  return Object.keys(rest).length ? JSON.stringify(rest) : "";
}
