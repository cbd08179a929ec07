// Erasure requests (admins, GDPR Art. 17): every request, pending first; complete one (what may go is
// erased, the clinical record kept until its retention date) or refuse it with a reason the patient sees.
// The legal-retention rule is stated on the page.
import type { Metadata } from "next";
import { AppNav } from "@/components/app-nav";
import { Panel } from "@/components/ui/panel";
import { RetentionRuleText } from "@/components/data-rights/retention-rule-text";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { getDatabase } from "@/lib/db/database";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { listErasureQueue } from "@/lib/data-rights/erasure-requests";
import { ErasureQueue } from "./erasure-queue";

export const metadata: Metadata = { title: "Erasure requests · IoMT Ward" };
export const dynamic = "force-dynamic";

export default async function ErasurePage() {
  const { principal, meta } = await requirePagePrincipal({ roles: ["admin"], returnTo: "/admin/erasure" });
  const { sql } = await getDatabase();
  const queue = await listErasureQueue(sql);
  await recordPatientReads(
    principal,
    "erasure.queue.view",
    queue.map((r) => r.patientId),
    meta,
    { via: "page" },
  );
  return (
    <>
      <AppNav principal={principal} current="/admin/erasure" />
      <main className="mx-auto max-w-6xl space-y-6 px-4 py-6">
        <h1 className="text-2xl font-semibold">Erasure requests</h1>
        <ErasureQueue requests={queue} />
        <Panel headingId="retention-rule" title="The legal-retention rule">
          <div className="mt-3">
            <RetentionRuleText />
          </div>
        </Panel>
      </main>
    </>
  );
}
