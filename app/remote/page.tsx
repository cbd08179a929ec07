// "My remote patients": the triage lists of the programs the clinician is on the care team of (admins:
// every program), sickest first, with each patient's messages and the portal invite.
import { Suspense } from "react";
import { PageLoading } from "@/components/page-loading";
import type { Principal } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/audit/record-audit";
import type { Metadata } from "next";
import { AppNav } from "@/components/app-nav";
import { CLINICAL_ROLES } from "@/lib/auth/principal";
import { getDatabase } from "@/lib/db/database";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { findCareTeamPrograms, listPrograms } from "@/lib/programs/programs";
import { loadTriageList } from "@/lib/programs/triage-query";
import { RemotePatients } from "./remote-patients";

export const metadata: Metadata = { title: "My remote patients · IoMT Ward" };
export const dynamic = "force-dynamic";

export default async function RemotePage() {
  const { principal, meta } = await requirePagePrincipal({ roles: CLINICAL_ROLES, returnTo: "/remote" });
  return (
    <Suspense fallback={<PageLoading principal={principal} current="/remote" what="your remote patients" />}>
      <RemotePageContent principal={principal} meta={meta} />
    </Suspense>
  );
}

async function RemotePageContent({ principal, meta }: { principal: Principal; meta: RequestMeta }) {
  const programs = principal.role === "admin" ? await listPrograms() : await findCareTeamPrograms(principal.userId);
  const { sql } = await getDatabase();
  const lists = await Promise.all(programs.map(async (program) => ({ program, patients: await loadTriageList(sql, program.id) })));
  await recordPatientReads(
    principal,
    "program.triage_read",
    lists.flatMap((l) => l.patients.map((p) => p.patientId)),
    meta,
    { programIds: programs.map((p) => p.id) },
  );
  return (
    <>
      <AppNav principal={principal} current="/remote" />
      <main className="mx-auto max-w-6xl space-y-6 px-4 py-6">
        <h1 className="text-2xl font-semibold">My remote patients</h1>
        <RemotePatients lists={lists} />
      </main>
    </>
  );
}
