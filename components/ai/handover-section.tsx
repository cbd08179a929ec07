// The patient page's AI section (clinicians): the SBAR handover summary of the last 12 h, on request.
import { DecisionSupportPanel } from "./decision-support-panel";

export function HandoverSection({ patientId }: { patientId: string }) {
  return (
    <section aria-labelledby="ai-handover-heading" className="mt-6 rounded-lg border border-line bg-panel p-4">
      <h2 id="ai-handover-heading" className="mb-3 text-lg font-semibold">
        Decision support
      </h2>
      <DecisionSupportPanel feature="handover" subjectId={patientId} label="Handover summary" />
    </section>
  );
}
