// The patient's messages with their care team (portal, phone first): the thread, live replies, and a box
// to write a new one.
import type { Metadata } from "next";
import { AppNav } from "@/components/app-nav";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { listCareMessages } from "@/lib/programs/care-messages";
import { PortalMessages } from "./portal-messages";

export const metadata: Metadata = { title: "Messages · IoMT portal" };
export const dynamic = "force-dynamic";

export default async function PortalMessagesPage() {
  const { principal, meta } = await requirePagePrincipal({ roles: ["patient"], returnTo: "/portal/messages" });
  const patientId = principal.patientId;
  const messages = patientId ? await listCareMessages(patientId) : [];
  if (patientId) await recordPatientReads(principal, "messages.read", [patientId], meta);
  return (
    <>
      <AppNav principal={principal} current="/portal/messages" />
      <main className="mx-auto w-full max-w-xl space-y-4 px-3 py-4 sm:px-4">
        <h1 className="text-xl font-semibold">Messages with your care team</h1>
        <p className="text-sm text-ink-muted">
          For questions about your readings and treatment. In an emergency call your local emergency number.
        </p>
        {patientId ? <PortalMessages patientId={patientId} initial={messages} /> : <p>This account is not linked to a patient record.</p>}
      </main>
    </>
  );
}
