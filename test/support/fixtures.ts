// Small builders for test data.
import crypto from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function createWardWithPatients(prisma: PrismaClient, beds = 2) {
  const tag = crypto.randomBytes(3).toString("hex");
  const ward = await prisma.ward.create({ data: { code: `W${tag}`, name: `Ward ${tag}` } });
  const patients = [];
  for (let i = 1; i <= beds; i++) {
    const bed = await prisma.bed.create({ data: { wardId: ward.id, label: String(i) } });
    patients.push(
      await prisma.patient.create({
        data: {
          mrn: `MRN-${tag}-${i}`,
          givenName: `Given${i}`,
          familyName: `Family${tag}`,
          birthDate: new Date("1950-01-01"),
          bedId: bed.id,
        },
      }),
    );
  }
  return { ward, patients };
}

export function frameJson(seq: number, values: Record<string, number>, ts = new Date()) {
  return JSON.stringify({ seq, ts: ts.toISOString(), values });
}
