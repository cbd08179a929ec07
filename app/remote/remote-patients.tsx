"use client";
// The triage tables, one per program: patient (to the patient page), MRN, risk flags, time below range,
// home BP; a row opens the patient's messages and the portal invite beneath it.
import Link from "next/link";
import { Fragment, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/panel";
import type { ProgramView } from "@/lib/programs/programs";
import type { TriageRow } from "@/lib/programs/triage-query";
import { PatientActions } from "./patient-actions";

const TONE = { high: "high", medium: "medium", low: "inop" } as const;
const COLUMNS = ["Patient", "MRN", "Risk", "CGM < 70 / < 54 (14 d)", "Home BP (7 d)", { label: "", srLabel: "Actions" }] as const;

function bpText(r: TriageRow): string {
  const { avgSys, avgDia, readings } = r.metrics.bp;
  return avgSys === null || avgDia === null ? "—" : `${Math.round(avgSys)}/${Math.round(avgDia)} (${readings})`;
}

export function RemotePatients({ lists }: { lists: { program: ProgramView; patients: TriageRow[] }[] }) {
  const [open, setOpen] = useState<string | null>(null);
  if (lists.length === 0) return <EmptyState>You are on no program&apos;s care team.</EmptyState>;
  return (
    <>
      {lists.map(({ program, patients }) => (
        <Panel key={program.id} headingId={`program-${program.id}`} title={program.name}>
          <DataTable
            columns={COLUMNS}
            rows={patients}
            caption={`${program.name}: enrolled patients, sickest first`}
            empty={<p className="mt-2 text-sm text-ink-muted">No patient is enrolled.</p>}
            row={(r) => {
              const key = `${program.id}:${r.patientId}`;
              return (
                <Fragment key={key}>
                  <tr className="border-t border-line align-top">
                    <td className="px-3 py-2">
                      <Link href={`/patients/${r.patientId}`} prefetch={false} className="text-accent underline">
                        {r.name}
                      </Link>
                    </td>
                    <td className="px-3 py-2 font-mono text-xs">{r.mrn}</td>
                    <td className="px-3 py-2">
                      <ul className="flex flex-wrap gap-1" aria-label={`Risk flags of ${r.name}`}>
                        {r.risk.flags.length === 0 && <li className="text-ink-muted">on target</li>}
                        {r.risk.flags.map((f, i) => (
                          <li key={i}>
                            <Badge tone={TONE[f.severity]} title={f.text}>
                              {f.text}
                            </Badge>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {r.risk.below70Pct === null ? "—" : `${r.risk.below70Pct}% / ${r.risk.below54Pct}%`}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">{bpText(r)}</td>
                    <td className="px-3 py-2">
                      <Button size="xs" variant="small" aria-expanded={open === key} onClick={() => setOpen(open === key ? null : key)}>
                        Messages &amp; invite
                      </Button>
                    </td>
                  </tr>
                  {open === key && (
                    <tr>
                      <td colSpan={COLUMNS.length} className="bg-canvas px-3 py-3">
                        <PatientActions patientId={r.patientId} name={r.name} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            }}
          />
        </Panel>
      ))}
    </>
  );
}
