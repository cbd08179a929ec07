// One event of the audit log: when, who, what, which patients (name and MRN; a list read shows how many
// and opens to the list), from where, and the rest of its detail.
import Link from "next/link";
import { UtcTime } from "@/components/ui/time";
import type { AuditPatientRef, AuditRowView } from "@/lib/audit-log/audit-view";
import { auditDetailText } from "@/lib/audit/audit-detail";

function PatientRef({ p }: { p: AuditPatientRef }) {
  return (
    <Link href={`/patients/${encodeURIComponent(p.id)}`} className="text-accent hover:underline">
      {p.name ?? <span className="font-mono">{p.id}</span>}
      {p.mrn && <span className="ml-1 font-mono text-xs text-ink-muted">{p.mrn}</span>}
    </Link>
  );
}

function Patients({ e }: { e: AuditRowView }) {
  if (e.patients.length === 0) return <span className="text-ink-faint">—</span>;
  if (e.patients.length === 1 && e.patientCount === 1) return <PatientRef p={e.patients[0]!} />;
  return (
    <details>
      <summary className="cursor-pointer">{e.patientCount} patients</summary>
      <ul className="mt-1 space-y-0.5">
        {e.patients.map((p) => (
          <li key={p.id}>
            <PatientRef p={p} />
          </li>
        ))}
      </ul>
    </details>
  );
}

export function AuditRow({ event: e }: { event: AuditRowView }) {
  const detail = auditDetailText(e.detail);
  const denied = e.action.endsWith("_denied") || e.action === "access.denied";
  return (
    <tr className="border-t border-line align-top">
      <td className="px-3 py-2 font-mono tabular whitespace-nowrap">
        <UtcTime iso={e.at} precision="second" />
      </td>
      <td className="px-3 py-2">
        <div>{e.actorEmail ?? <span className="text-ink-faint">system</span>}</div>
        {e.actorRole && <div className="text-xs text-ink-muted">{e.actorRole}</div>}
      </td>
      <td className={`px-3 py-2 font-mono whitespace-nowrap ${denied ? "text-alarm-medium" : ""}`}>{e.action}</td>
      <td className="px-3 py-2">
        <Patients e={e} />
      </td>
      <td className="px-3 py-2 font-mono whitespace-nowrap" title={e.userAgent ?? undefined}>
        {e.ip ?? <span className="text-ink-faint">—</span>}
      </td>
      <td className="max-w-md px-3 py-2 font-mono text-xs break-all text-ink-muted">
        {detail.length > 160 ? (
          <details>
            <summary className="cursor-pointer">{detail.slice(0, 160)}…</summary>
            {detail}
          </details>
        ) : (
          detail
        )}
      </td>
    </tr>
  );
}
