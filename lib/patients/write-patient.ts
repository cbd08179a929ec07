// The one place that writes a patient's identity (MRN, name, birth date, sex): create and update, with
// the same validation for the browser, the REST API, the CLI and HL7 inbound. Names and birth dates are
// written only here (and read through patient-name.ts), so encryption at rest can be added in one place.
import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { Refusal } from "@/lib/errors/refusal";

export const PATIENT_SEXES = ["M", "F", "O", "U"] as const;
export type PatientSex = (typeof PATIENT_SEXES)[number];

const MRN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;

export const patientInputSchema = z
  .object({
    mrn: z.string().trim().regex(MRN, "use 1–40 letters, digits and . _ / - (starting with a letter or digit)"),
    givenName: z.string().trim().min(1, "is required").max(100, "is at most 100 characters"),
    familyName: z.string().trim().min(1, "is required").max(100, "is at most 100 characters"),
    birthDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
      .refine(
        (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
        "is not a calendar date",
      )
      .refine((s) => s >= "1880-01-01" && new Date(`${s}T00:00:00Z`).getTime() <= Date.now(), "must be between 1880 and today"),
    sex: z.enum(PATIENT_SEXES, { error: `must be one of: ${PATIENT_SEXES.join(", ")}` }).default("U"),
  })
  .strict();
export type PatientInput = z.input<typeof patientInputSchema>;

export type PatientRecord = { id: string; mrn: string; givenName: string; familyName: string; birthDate: string; sex: PatientSex };

type Db = PrismaClient | Prisma.TransactionClient;

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Refusal("invalid", i.message, { field: i.path.join(".") || "patient" });
  }
  return parsed.data;
}

function toRecord(p: { id: string; mrn: string; givenName: string; familyName: string; birthDate: Date; sex: string }): PatientRecord {
  return {
    id: p.id,
    mrn: p.mrn,
    givenName: p.givenName,
    familyName: p.familyName,
    birthDate: p.birthDate.toISOString().slice(0, 10),
    sex: (PATIENT_SEXES as readonly string[]).includes(p.sex) ? (p.sex as PatientSex) : "U",
  };
}

const select = { id: true, mrn: true, givenName: true, familyName: true, birthDate: true, sex: true } as const;

/** Creates a patient; a duplicate MRN is a conflict naming the MRN. */
export async function createPatientRecord(db: Db, raw: PatientInput): Promise<PatientRecord> {
  const input = parse(patientInputSchema, raw);
  if (await db.patient.findUnique({ where: { mrn: input.mrn }, select: { id: true } }))
    throw new Refusal("conflict", `a patient with MRN ${input.mrn} already exists`, { field: "mrn" });
  const p = await db.patient.create({
    data: { ...input, birthDate: new Date(`${input.birthDate}T00:00:00Z`) },
    select,
  });
  return toRecord(p);
}

/** Updates name, birth date and sex (the MRN identifies the patient and is not changed here). */
export async function updatePatientRecord(db: Db, patientId: string, raw: Omit<PatientInput, "mrn">): Promise<PatientRecord> {
  const input = parse(patientInputSchema.omit({ mrn: true }), raw);
  const existing = await db.patient.findUnique({ where: { id: patientId }, select: { id: true } });
  if (!existing) throw new Refusal("not_found", `no patient with id "${patientId}"`, { field: "patientId" });
  const p = await db.patient.update({
    where: { id: patientId },
    data: { ...input, birthDate: new Date(`${input.birthDate}T00:00:00Z`) },
    select,
  });
  return toRecord(p);
}

/** The patient with this MRN, created or updated from what the PAS sent (HL7 PID). */
export async function upsertPatientByMrn(db: Db, raw: PatientInput): Promise<PatientRecord & { created: boolean }> {
  const input = parse(patientInputSchema, raw);
  const existing = await db.patient.findUnique({ where: { mrn: input.mrn }, select: { id: true } });
  if (!existing) return { ...(await createPatientRecord(db, input)), created: true };
  const { mrn: _mrn, ...rest } = input;
  return { ...(await updatePatientRecord(db, existing.id, rest)), created: false };
}
