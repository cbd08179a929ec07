"use client";
// Every bed of the wards in scope: free, or its patient with transfer (to a free bed) and discharge
// (with a disposition) controls; a vacated bed shows since when it awaits cleaning, with "Mark cleaned".
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { Select, type SelectOption } from "@/components/ui/select";
import type { BoardBed, BoardWard } from "@/lib/encounters/admissions-board";
import { dischargeAction, markCleanedAction, transferAction } from "./actions";

function OccupiedBed({
  bed,
  freeBeds,
  dispositions,
}: {
  bed: BoardBed & { patient: NonNullable<BoardBed["patient"]> };
  freeBeds: SelectOption[];
  dispositions: SelectOption[];
}) {
  const router = useRouter();
  const [to, setTo] = useState("");
  const [disposition, setDisposition] = useState("01");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const encounterId = bed.patient.encounterId;
  const run = (act: () => Promise<{ ok: true } | { ok: false; error: string }>) => {
    setError(null);
    startTransition(async () => {
      const res = await act();
      if (!res.ok) setError(res.error);
      else router.refresh();
    });
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="min-w-48">
        <span className="font-medium">{bed.patient.name}</span> <span className="text-ink-muted">MRN {bed.patient.mrn}</span>
      </span>
      {encounterId ? (
        <>
          <Select
            aria-label={`Transfer ${bed.patient.name} to`}
            look="cell"
            options={freeBeds}
            placeholder="Transfer to…"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
          <Button size="xs" variant="small" disabled={!to || pending} onClick={() => run(() => transferAction({ encounterId, bedId: to }))}>
            Transfer
          </Button>
          <Select
            aria-label={`Disposition of ${bed.patient.name}`}
            look="cell"
            options={dispositions}
            value={disposition}
            onChange={(e) => setDisposition(e.target.value)}
            width="w-56"
          />
          <Button size="xs" variant="caution" disabled={pending} onClick={() => run(() => dischargeAction({ encounterId, disposition }))}>
            Discharge
          </Button>
        </>
      ) : (
        <span className="text-xs text-ink-muted">placed without an admission record</span>
      )}
      {error && <FormMessage size="xs">{error}</FormMessage>}
    </div>
  );
}

function AwaitingCleaning({ bedId, since }: { bedId: string; since: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const clean = () => {
    setError(null);
    startTransition(async () => {
      const res = await markCleanedAction({ bedId });
      if (!res.ok) setError(res.error);
      else router.refresh();
    });
  };
  return (
    <span className="flex items-center gap-2" data-cleaning="awaiting">
      <span className="text-xs text-alarm-medium">
        awaiting cleaning since {new Date(since).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
      </span>
      <Button size="xs" variant="small" disabled={pending} onClick={clean}>
        Mark cleaned
      </Button>
      {error && <FormMessage size="xs">{error}</FormMessage>}
    </span>
  );
}

export function BedBoard({
  wards,
  freeBeds,
  dispositions,
}: {
  wards: BoardWard[];
  freeBeds: SelectOption[];
  dispositions: SelectOption[];
}) {
  return (
    <>
      {wards.map((w) => (
        <section key={w.id} aria-labelledby={`ward-${w.id}`} className="rounded-lg border border-line bg-panel p-4">
          <h2 id={`ward-${w.id}`} className="text-lg font-semibold">
            {w.code} · {w.name}{" "}
            <span className="text-sm font-normal text-ink-muted">
              {w.beds.filter((b) => !b.patient).length} of {w.beds.length} beds free
            </span>
          </h2>
          <ul className="mt-2 divide-y divide-line">
            {w.beds.map((b) => (
              <li key={b.id} data-bed={`${w.code}/${b.label}`} className="flex items-center gap-3 py-1.5 text-sm">
                <span className="w-20 shrink-0 tabular">Bed {b.label}</span>
                {b.patient ? (
                  <OccupiedBed bed={{ ...b, patient: b.patient }} freeBeds={freeBeds} dispositions={dispositions} />
                ) : (
                  <span className="text-ink-muted">free</span>
                )}
                {b.awaitingCleaningSince && <AwaitingCleaning bedId={b.id} since={b.awaitingCleaningSince} />}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
