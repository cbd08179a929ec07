"use server";
// Server actions of the admissions page: admit (a new patient, or an existing one by MRN), transfer,
// discharge, mark a vacated bed cleaned. The same ADT services as the API and the CLI; refusals name the field.
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { getPrisma } from "@/lib/db/database";
import { recordAudit } from "@/lib/audit/record-audit";
import { createPatientRecord, PATIENT_SEXES } from "@/lib/patients/write-patient";
import { admitPatient } from "@/lib/encounters/admit-patient";
import { transferPatient } from "@/lib/encounters/transfer-patient";
import { dischargePatient } from "@/lib/encounters/discharge-patient";
import { ADT_ROLES } from "@/lib/encounters/encounter-context";
import { markBedCleaned } from "@/lib/encounters/bed-cleaning";

export const admitAction = safeAction(
  {
    roles: ADT_ROLES,
    input: z.object({
      mrn: z.string().trim().min(1, "is required"),
      givenName: z.string().trim(),
      familyName: z.string().trim(),
      birthDate: z.string().trim(),
      sex: z.enum(PATIENT_SEXES),
      bedId: z.string().min(1, "choose a free bed"),
    }),
  },
  async ({ principal, input, meta }) => {
    const prisma = await getPrisma();
    const existing = await prisma.patient.findUnique({ where: { mrn: input.mrn }, select: { id: true } });
    let patientId = existing?.id;
    if (!patientId) {
      const { bedId: _bed, ...fields } = input;
      patientId = (await createPatientRecord(prisma, fields)).id;
      await recordAudit([{ actor: principal, meta, action: "patient.create", patientId, detail: { mrn: input.mrn } }]);
    }
    const e = await admitPatient({ kind: "user", principal, meta }, { patientId, bedId: input.bedId });
    return { encounterId: e.id, patientId, bed: e.bed, existing: !!existing };
  },
);

export const transferAction = safeAction(
  { roles: ADT_ROLES, input: z.object({ encounterId: z.string().min(1), bedId: z.string().min(1, "choose a free bed") }) },
  async ({ principal, input, meta }) => {
    const e = await transferPatient({ kind: "user", principal, meta }, input.encounterId, { bedId: input.bedId });
    return { bed: e.bed };
  },
);

export const dischargeAction = safeAction(
  { roles: ADT_ROLES, input: z.object({ encounterId: z.string().min(1), disposition: z.string().min(1, "choose a disposition") }) },
  async ({ principal, input, meta }) => {
    const e = await dischargePatient({ kind: "user", principal, meta }, input.encounterId, { disposition: input.disposition });
    return { status: e.status };
  },
);

export const markCleanedAction = safeAction(
  { roles: ADT_ROLES, input: z.object({ bedId: z.string().min(1, "is required") }) },
  async ({ principal, input, meta }) => {
    const b = await markBedCleaned({ kind: "user", principal, meta }, input.bedId);
    return { cleanedAt: b.cleanedAt };
  },
);
