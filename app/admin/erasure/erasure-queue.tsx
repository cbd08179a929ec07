"use client";
// The erasure requests as a table: patient, when asked, status, decision; a pending one can be completed
// (after a confirmation) or refused with a reason.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatUtc } from "@/components/ui/time";
import { refusalText } from "@/lib/actions/refusal-text";
import type { ErasureRequestView } from "@/lib/data-rights/retention-rule";
import { completeErasureAction, refuseErasureAction } from "./actions";

type Item = ErasureRequestView & { patient: { name: string; mrn: string } };

function Decision({ r }: { r: Item }) {
  if (r.status === "pending") return <span className="text-alarm-medium">Pending</span>;
  return (
    <div>
      <div className={r.status === "completed" ? "text-ok" : "text-alarm-high"}>
        {r.status === "completed" ? "Completed" : "Refused"}
        {r.reviewedAt ? ` ${formatUtc(r.reviewedAt)}` : ""}
        {r.reviewedBy ? ` by ${r.reviewedBy}` : ""}
      </div>
      {r.decisionReason && <div className="text-ink-muted">{r.decisionReason}</div>}
      {r.retainUntil && <div className="text-ink-muted">Clinical record kept until {r.retainUntil.slice(0, 10)}</div>}
    </div>
  );
}

function RowActions({ r, onDone }: { r: Item; onDone: (error: string | null) => void }) {
  const [mode, setMode] = useState<"idle" | "complete" | "refuse">("idle");
  const [reason, setReason] = useState("");
  const [pending, start] = useTransition();
  if (r.status !== "pending") return null;
  const run = (fn: () => Promise<{ ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string> }>) =>
    start(async () => {
      const res = await fn();
      onDone(res.ok ? null : refusalText(res));
      if (res.ok) setMode("idle");
    });
  if (mode === "complete") {
    return (
      <div className="space-y-2">
        <p className="text-xs">Erase the account, unpair devices and withdraw optional consents? This cannot be undone.</p>
        <div className="flex gap-2">
          <Button size="xs" variant="danger" disabled={pending} onClick={() => run(() => completeErasureAction({ id: r.id }))}>
            Erase now
          </Button>
          <Button size="xs" variant="secondary" onClick={() => setMode("idle")}>
            Cancel
          </Button>
        </div>
      </div>
    );
  }
  if (mode === "refuse") {
    return (
      <div className="space-y-2">
        <label className="block text-xs" htmlFor={`reason-${r.id}`}>
          Reason (the patient sees it)
        </label>
        <textarea
          id={`reason-${r.id}`}
          className="w-full rounded border border-line-strong bg-canvas p-1 text-sm"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <div className="flex gap-2">
          <Button size="xs" variant="warning" disabled={pending} onClick={() => run(() => refuseErasureAction({ id: r.id, reason }))}>
            Refuse
          </Button>
          <Button size="xs" variant="secondary" onClick={() => setMode("idle")}>
            Cancel
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="flex gap-2">
      <Button size="xs" variant="primary" onClick={() => setMode("complete")}>
        Complete
      </Button>
      <Button size="xs" variant="secondary" onClick={() => setMode("refuse")}>
        Refuse
      </Button>
    </div>
  );
}

export function ErasureQueue({ requests }: { requests: Item[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      {error && (
        <p role="alert" className="text-alarm-high">
          {error}
        </p>
      )}
      <DataTable
        columns={["Patient", "Asked", "Patient's note", "Decision", { label: "", srLabel: "Actions" }]}
        rows={requests}
        empty={<EmptyState>No erasure requests.</EmptyState>}
        row={(r) => (
          <tr key={r.id} className="border-t border-line align-top">
            <td className="px-3 py-2">
              <div>{r.patient.name}</div>
              <div className="font-mono text-xs text-ink-muted">{r.patient.mrn}</div>
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{formatUtc(r.requestedAt)}</td>
            <td className="px-3 py-2">{r.patientNote ?? ""}</td>
            <td className="px-3 py-2">
              <Decision r={r} />
            </td>
            <td className="px-3 py-2">
              <RowActions
                r={r}
                onDone={(e) => {
                  setError(e);
                  if (!e) router.refresh();
                }}
              />
            </td>
          </tr>
        )}
      />
    </div>
  );
}
