"use client";
// Par levels per ward floor and asset class: the least number of available assets before the charge
// nurse is alerted. One row per level set; a form to set (or, with 0, remove) one.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { DataTable } from "@/components/ui/data-table";
import { Field, FormMessage } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import { ASSET_CLASSES } from "@/lib/assets/asset-types";
import { saveParLevel } from "./actions";
import type { FloorRow } from "./floor-import";

type Level = { floorId: string; class: string; minimum: number };

const classLabel = (c: string) => (ASSET_CLASSES as Record<string, string>)[c] ?? c;

export function ParLevels({ floors, levels }: { floors: FloorRow[]; levels: Level[] }) {
  const router = useRouter();
  const [floorId, setFloorId] = useState(floors[0]?.id ?? "");
  const [cls, setCls] = useState("infusion_pump");
  const [minimum, setMinimum] = useState("");
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; fieldErrors?: Record<string, string> } | null>(null);
  const [pending, start] = useTransition();
  const floorLabel = (id: string) => {
    const f = floors.find((x) => x.id === id);
    return f ? `${f.name}${f.ward ? ` (ward ${f.ward})` : ""}` : id;
  };
  const edit = (l: Level) => {
    setFloorId(l.floorId);
    setCls(l.class);
    setMinimum(String(l.minimum));
  };
  const save = () =>
    start(async () => {
      const r = await saveParLevel({ floorId, class: cls, minimum });
      if (r.ok) {
        setOutcome({ ok: true, text: r.data.minimum === 0 ? "Par level removed." : `Par level set to ${r.data.minimum}.` });
        router.refresh();
      } else setOutcome({ ok: false, text: r.error, fieldErrors: r.fieldErrors });
    });

  return (
    <section className="mt-8" aria-labelledby="par-heading">
      <h2 id="par-heading" className="text-lg font-semibold">
        Par levels
      </h2>
      <p className="text-sm text-ink-muted">
        Fewer available assets of a class on a ward than its par level raise a low-priority alert to the charge nurse.
      </p>
      <DataTable
        columns={["Ward floor", "Asset class", "Par level", { label: "", srLabel: "Edit" }]}
        rows={levels}
        empty={<p className="mt-2 text-sm text-ink-muted">No par levels set.</p>}
        row={(l) => (
          <tr key={`${l.floorId}/${l.class}`} className="border-t border-line" data-par={`${l.floorId}/${l.class}`}>
            <td className="px-3 py-2">{floorLabel(l.floorId)}</td>
            <td className="px-3 py-2">{classLabel(l.class)}</td>
            <td className="px-3 py-2 tabular">{l.minimum}</td>
            <td className="px-3 py-2">
              <Button size="xs" onClick={() => edit(l)}>
                Edit
              </Button>
            </td>
          </tr>
        )}
      />
      <div className="mt-3 grid items-end gap-3 sm:grid-cols-4">
        <Field id="par-floor" label="Ward floor" error={outcome?.fieldErrors?.floorId}>
          <Select
            id="par-floor"
            value={floorId}
            onChange={(e) => setFloorId(e.target.value)}
            options={floors.map((f) => ({ value: f.id, label: floorLabel(f.id) }))}
          />
        </Field>
        <Field id="par-class" label="Asset class" error={outcome?.fieldErrors?.class}>
          <Select
            id="par-class"
            value={cls}
            onChange={(e) => setCls(e.target.value)}
            options={Object.entries(ASSET_CLASSES).map(([value, label]) => ({ value, label }))}
          />
        </Field>
        <Field id="par-minimum" label="Par level (minimum available)" hint="0 removes it" error={outcome?.fieldErrors?.minimum}>
          <Input id="par-minimum" inputMode="numeric" value={minimum} onChange={(e) => setMinimum(e.target.value)} />
        </Field>
        <Button variant="primary" disabled={pending || !floorId} onClick={save}>
          {pending ? "Saving…" : "Set par level"}
        </Button>
      </div>
      {outcome && (
        <FormMessage ok={outcome.ok} className="mt-2">
          {outcome.text}
        </FormMessage>
      )}
    </section>
  );
}
