"use client";
// The duty roster of one ward: who is charge nurse and physician on call now, the shifts from a day ago
// to a week ahead, add a shift, remove one.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, type SelectOption } from "@/components/ui/select";
import { formatUtc } from "@/components/ui/time";
import { refusalText } from "@/lib/actions/refusal-text";
import type { RosterView } from "@/lib/duty/duty-roster";
import { addShiftAction, removeShiftAction } from "./actions";

const DUTY_OPTIONS = [
  { value: "charge", label: "Charge nurse" },
  { value: "on_call", label: "Physician on call" },
];

export function RosterPanel({
  roster,
  wards,
  staff,
}: {
  roster: RosterView;
  wards: SelectOption[];
  staff: { id: string; name: string; role: string }[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const wardId = roster.ward.id;
  const after = (res: { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string> }) => {
    if (!res.ok) setError(refusalText(res));
    else router.refresh();
  };
  function onAdd(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    setError(null);
    const local = (k: string) => (d.get(k) ? new Date(String(d.get(k))).toISOString() : "");
    startTransition(async () =>
      after(
        await addShiftAction({
          wardId,
          duty: d.get("duty"),
          userId: d.get("userId"),
          startsAt: local("startsAt"),
          endsAt: local("endsAt"),
        }),
      ),
    );
  }
  const onDuty = (k: "charge" | "on_call") =>
    roster.onDutyNow[k].map((p) => `${p.name}${p.via === "standing" ? " (standing)" : ""}`).join(", ") || "nobody";
  return (
    <section aria-labelledby="roster-heading" className="rounded-lg border border-line bg-panel p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="roster-heading" className="text-lg font-semibold">
          Duty roster
        </h2>
        <form method="get" className="flex items-center gap-2">
          <Select aria-label="Ward" name="ward" look="filter" options={wards} defaultValue={roster.ward.code} />
          <Button type="submit" size="xs" variant="small">
            Show
          </Button>
        </form>
      </div>
      <p className="mt-2 text-sm">
        Now on {roster.ward.code}: charge nurse <strong>{onDuty("charge")}</strong>; physician on call <strong>{onDuty("on_call")}</strong>.
      </p>
      <ul className="mt-2 divide-y divide-line text-sm">
        {roster.shifts.map((s) => (
          <li key={s.id} className="flex items-center gap-3 py-1">
            <span className="w-36">{s.duty === "charge" ? "Charge nurse" : "Physician on call"}</span>
            <span className="w-48">{s.userName}</span>
            <span className="tabular text-ink-muted">
              {formatUtc(s.startsAt)} – {formatUtc(s.endsAt)}
            </span>
            {new Date(s.endsAt) > new Date() && (
              <Button
                size="xs"
                variant="small"
                disabled={pending}
                onClick={() => startTransition(async () => after(await removeShiftAction({ wardId, shiftId: s.id })))}
              >
                Remove
              </Button>
            )}
          </li>
        ))}
        {roster.shifts.length === 0 && (
          <li className="py-1 text-ink-muted">No shifts on the roster (escalation uses the standing duty, if any).</li>
        )}
      </ul>
      <form onSubmit={onAdd} className="mt-3 grid gap-3 sm:grid-cols-5">
        <Field id="shift-duty" label="Duty">
          <Select id="shift-duty" name="duty" options={DUTY_OPTIONS} />
        </Field>
        <Field id="shift-user" label="Person">
          <Select
            id="shift-user"
            name="userId"
            options={staff.map((u) => ({ value: u.id, label: `${u.name} (${u.role})` }))}
            placeholder="Choose…"
          />
        </Field>
        <Field id="shift-start" label="Starts">
          <Input id="shift-start" name="startsAt" type="datetime-local" required />
        </Field>
        <Field id="shift-end" label="Ends">
          <Input id="shift-end" name="endsAt" type="datetime-local" required />
        </Field>
        <div className="flex items-end">
          <Button type="submit" variant="primary" disabled={pending}>
            Add shift
          </Button>
        </div>
      </form>
      {error && <FormMessage>{error}</FormMessage>}
    </section>
  );
}
