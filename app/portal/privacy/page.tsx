// The patient's privacy page (mobile first): consents with toggles, the record's downloads (FHIR R4 JSON,
// readable HTML), the erasure request and its status, and the access report (who looked at the record).
import type { Metadata } from "next";
import { PortalShell } from "@/components/portal/portal-shell";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { getDatabase } from "@/lib/db/database";
import { recordPatientReads } from "@/lib/audit/record-audit";
import { currentConsents } from "@/lib/consent/consents";
import { CONSENT_INFO } from "@/lib/consent/consent-purposes";
import { listOwnErasureRequests } from "@/lib/data-rights/erasure-requests";
import { ACCESS_ACTION_LABELS, accessReport } from "@/lib/data-rights/access-report";
import { PrivacyView } from "./privacy-view";

export const metadata: Metadata = { title: "Privacy and your data · IoMT Ward" };
export const dynamic = "force-dynamic";

const REPORT_ROWS = 50;

export default async function PrivacyPage() {
  const { principal, meta } = await requirePagePrincipal({ roles: ["patient"], returnTo: "/portal/privacy" });
  const patientId = principal.patientId;
  if (!patientId) {
    return (
      <main className="mx-auto max-w-xl p-4">
        <p>This account is not linked to a patient record.</p>
      </main>
    );
  }
  const { sql } = await getDatabase();
  const [consents, requests, report] = await Promise.all([
    currentConsents(sql, patientId),
    listOwnErasureRequests(sql, patientId),
    accessReport(patientId, [principal.userId], { limit: REPORT_ROWS }),
  ]);
  await recordPatientReads(principal, "privacy.view", [patientId], meta, { via: "page" });
  return (
    <PortalShell principal={principal} current="/portal/privacy" title="Privacy and your data">
      <div className="mt-4 space-y-5">
        <PrivacyView
          consents={consents.map((c) => ({ ...c, label: CONSENT_INFO[c.purpose].label, text: CONSENT_INFO[c.purpose].text }))}
          requests={requests}
          access={report.entries.map((e) => ({ ...e, label: ACCESS_ACTION_LABELS[e.action] ?? e.action }))}
        />
      </div>
    </PortalShell>
  );
}
