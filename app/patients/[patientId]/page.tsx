// Patient detail: who the patient is and where; NEWS2 and vital-sign trends with alarm limits and
// alarm markers (live); the CGM view when the patient has glucose readings; for clinicians the alarm
// history and the alarm limits in force (physicians and admins may override them). A patient outside the
// caller's scope and a patient that does not exist look the same; both attempts are audited.
import type { Metadata } from "next";
import { HandoverSection } from "@/components/ai/handover-section";
import { forbidden } from "next/navigation";
import { AppNav } from "@/components/app-nav";
import { CLINICAL_ROLES, canSeePatient } from "@/lib/auth/principal";
import { recordAudit, recordPatientReads } from "@/lib/audit/record-audit";
import { requirePagePrincipal } from "@/lib/pages/page-principal";
import { findPatient, type PatientSummary } from "@/lib/patients/patient-queries";
import { AlarmHistory } from "./alarm-history";
import { CgmPanel } from "./cgm-panel";
import { LimitsEditor } from "./limits-editor";
import { loadInitialTrends } from "./load-trends";
import { PatientTrends } from "./patient-trends";

export const metadata: Metadata = { title: "Patient · IoMT Ward" };

type Params = Promise<{ patientId: string }>;

export default async function PatientPage({ params }: { params: Params }) {
  const { patientId } = await params;
  const path = `/patients/${encodeURIComponent(patientId)}`;
  const { principal, meta } = await requirePagePrincipal({ returnTo: path });
  const patient = await findPatient(patientId);

  if (!patient || !canSeePatient(principal, { patientId: patient.id, wardId: patient.ward?.id ?? null })) {
    await recordAudit([
      {
        actor: principal,
        action: "patient.view_denied",
        patientId: patient?.id ?? null,
        meta,
        detail: { requestedPatientId: patientId, reason: patient ? "out_of_scope" : "not_found" },
      },
    ]);
    forbidden(); // 403, app/forbidden.tsx says why
  }

  const [initialTrends] = await Promise.all([
    loadInitialTrends(patient.id),
    recordPatientReads(principal, "patient.view", [patient.id], meta),
  ]);
  // Alarm history and limits are clinical views (the limits API is closed to patient accounts).
  const clinical = CLINICAL_ROLES.includes(principal.role);
  return (
    <>
      <AppNav principal={principal} current={path} />
      <main className="mx-auto max-w-[120rem] px-4 py-6">
        <PatientHeader patient={patient} />
        {clinical && <HandoverSection patientId={patient.id} />}
        <PatientTrends patientId={patient.id} spo2Scale={patient.spo2Scale} showAlarms={clinical} initial={initialTrends} />
        <CgmPanel patientId={patient.id} showAlarms={clinical} />
        {clinical && <AlarmHistory patientId={patient.id} />}
        {clinical && <LimitsEditor patientId={patient.id} canEdit={principal.role === "admin" || principal.role === "physician"} />}
      </main>
    </>
  );
}

function PatientHeader({ patient }: { patient: PatientSummary }) {
  const location = patient.ward ? `${patient.ward.name}${patient.bed ? ` · Bed ${patient.bed}` : ""}` : "Not on a ward";
  return (
    <header className="flex flex-wrap items-end justify-between gap-4 border-b border-line pb-4">
      <div>
        <h1 className="text-2xl font-semibold">{patient.name}</h1>
        <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <HeaderItem label="Age" value={`${patient.age} y (born ${patient.birthDate})`} />
          <HeaderItem label="MRN" value={patient.mrn} mono />
          <HeaderItem label="Location" value={location} />
          <HeaderItem label="NEWS2 SpO₂ scale" value={patient.spo2Scale === 2 ? "Scale 2 (target 88–92 %)" : "Scale 1"} />
        </dl>
      </div>
    </header>
  );
}

function HeaderItem({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <div className="flex gap-2">
      <dt className="text-ink-muted">{label}</dt>
      <dd className={mono ? "font-mono" : undefined}>{value}</dd>
    </div>
  );
}
