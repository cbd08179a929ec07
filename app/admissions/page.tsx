// Admissions (clinical admins and the ward's clinicians): admit a patient to a free bed, transfer, discharge.
// Who lies in which bed is patient data: each occupant shown is an audited read.
import { Suspense } from "react";
import { PageLoading } from "@/components/page-loading";
import type { Principal } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/audit/record-audit";
import type { Metadata } from "next";
import { AppNav } from "@/components/app-nav";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { loadAdmissionsBoard } from "@/lib/encounters/admissions-board";
import { ADT_ROLES } from "@/lib/encounters/encounter-context";
import { DISCHARGE_DISPOSITIONS } from "@/lib/adt/dispositions";
import { AdmitForm } from "./admit-form";
import { BedBoard } from "./bed-board";

export const metadata: Metadata = { title: "Admissions · IoMT Ward" };
export const dynamic = "force-dynamic";

export default async function AdmissionsPage() {
  const { principal, meta } = await requirePagePrincipal({ roles: ADT_ROLES, returnTo: "/admissions" });
  return (
    <Suspense fallback={<PageLoading principal={principal} current="/admissions" what="admissions" />}>
      <AdmissionsPageContent principal={principal} meta={meta} />
    </Suspense>
  );
}

async function AdmissionsPageContent({ principal, meta }: { principal: Principal; meta: RequestMeta }) {
  const wards = await loadAdmissionsBoard(principal);
  const patientIds = wards.flatMap((w) => w.beds.flatMap((b) => (b.patient ? [b.patient.id] : [])));
  await recordPatientReads(principal, "admissions.view", patientIds, meta);
  const freeBeds = wards.flatMap((w) =>
    w.beds.filter((b) => !b.patient).map((b) => ({ value: b.id, label: `${w.code} / bed ${b.label}${b.room ? ` (room ${b.room})` : ""}` })),
  );
  const dispositions = Object.entries(DISCHARGE_DISPOSITIONS).map(([value, label]) => ({ value, label: `${value} · ${label}` }));
  return (
    <>
      <AppNav principal={principal} current="/admissions" />
      <main className="mx-auto max-w-6xl space-y-6 px-4 py-6">
        <h1 className="text-2xl font-semibold">Admissions</h1>
        <AdmitForm freeBeds={freeBeds} />
        <BedBoard wards={wards} freeBeds={freeBeds} dispositions={dispositions} />
      </main>
    </>
  );
}
