"use client";
// The floors table and the import form: choose a file or paste JSON, see the parsed floor drawn with the
// asset map's floor plan and every problem by feature/room and field, then save (server action).
import { useEffect, useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { DataTable } from "@/components/ui/data-table";
import { Field, FormMessage } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import { FloorPlanSvg } from "@/components/assets/floor-plan";
import { saveFloorPlan } from "./actions";

export type FloorRow = { id: string; name: string; ward: string | null; rooms: number };

const NEW = "";
/** The save action's limit (below Next's 1 MB server action body); PUT /api/v1/floors/{id} takes up to 1 MB. */
const TEXT_LIMIT = 900_000;
const noop = () => {};

type PreviewFloorJson = typeof import("@/lib/assets/floors/preview-floor").previewFloorJson;

/** The importer (with zod, ~30 KiB) is loaded when the admin first gives a plan, not with the page. */
function usePreviewer(wanted: boolean): PreviewFloorJson | null {
  const [previewer, setPreviewer] = useState<PreviewFloorJson | null>(null);
  useEffect(() => {
    if (!wanted || previewer) return;
    let live = true;
    import("@/lib/assets/floors/preview-floor")
      .then((m) => {
        if (live) setPreviewer(() => m.previewFloorJson);
      })
      .catch((err: Error) => console.error(`floor preview unavailable: ${err.message}`));
    return () => {
      live = false;
    };
  }, [wanted, previewer]);
  return previewer;
}

export function FloorImport({ floors }: { floors: FloorRow[] }) {
  const router = useRouter();
  const [target, setTarget] = useState(floors[0]?.id ?? NEW);
  const [newId, setNewId] = useState("");
  const [name, setName] = useState("");
  const [json, setJson] = useState("");
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; fieldErrors?: Record<string, string> } | null>(null);
  const [pending, start] = useTransition();
  const floorId = target === NEW ? newId.trim() : target;
  const tooLong = json.length > TEXT_LIMIT;
  const previewer = usePreviewer(json.trim() !== "");
  const preview = useMemo(
    () => (previewer && json.trim() && !tooLong ? previewer(json, floorId || "new-floor", name.trim() || undefined) : null),
    [previewer, json, tooLong, floorId, name],
  );

  const readFile = async (file: File | undefined) => {
    if (file) setJson(await file.text());
  };
  const save = () =>
    start(async () => {
      const r = await saveFloorPlan({ floorId, name: name.trim() || undefined, json });
      if (r.ok) {
        setOutcome({ ok: true, text: `Saved floor ${r.data.id} (${r.data.name}) with ${r.data.rooms} rooms.` });
        router.refresh();
      } else setOutcome({ ok: false, text: r.error, fieldErrors: r.fieldErrors });
    });

  return (
    <section className="mt-4" aria-labelledby="floors-heading">
      <h2 id="floors-heading" className="text-lg font-semibold">
        Floors
      </h2>
      <DataTable
        columns={["Floor", "Name", "Ward", "Rooms"]}
        rows={floors}
        empty={<p className="mt-2 text-sm text-ink-muted">No floors yet: import one below.</p>}
        row={(f) => (
          <tr key={f.id} className="border-t border-line" data-floor-id={f.id}>
            <td className="px-3 py-2 font-mono">{f.id}</td>
            <td className="px-3 py-2">{f.name}</td>
            <td className="px-3 py-2">{f.ward ?? "—"}</td>
            <td className="px-3 py-2 tabular">{f.rooms}</td>
          </tr>
        )}
      />
      <h3 className="mt-6 font-semibold">Import a floor plan (GeoJSON or SVG-derived JSON)</h3>
      <div className="mt-2 grid gap-3 sm:grid-cols-3">
        <Field id="floor-target" label="Floor" error={outcome?.fieldErrors?.floorId}>
          <Select
            id="floor-target"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            options={[...floors.map((f) => ({ value: f.id, label: `Replace ${f.id} · ${f.name}` })), { value: NEW, label: "New floor…" }]}
          />
        </Field>
        {target === NEW && (
          <Field id="floor-new-id" label="New floor id" hint="letters, digits and . _ : -" error={outcome?.fieldErrors?.floorId}>
            <Input id="floor-new-id" value={newId} onChange={(e) => setNewId(e.target.value)} />
          </Field>
        )}
        <Field id="floor-name" label="Name (optional)" hint="otherwise the file's name" error={outcome?.fieldErrors?.name}>
          <Input id="floor-name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
      </div>
      <Field id="floor-file" label="File" className="mt-3">
        <Input id="floor-file" type="file" accept=".json,.geojson,application/json" onChange={(e) => void readFile(e.target.files?.[0])} />
      </Field>
      <Field id="floor-json" label="…or paste the JSON" className="mt-3" error={outcome?.fieldErrors?.json}>
        <Textarea id="floor-json" rows={8} className="font-mono text-xs" value={json} onChange={(e) => setJson(e.target.value)} />
      </Field>
      {tooLong && (
        <FormMessage className="mt-3">
          The file is longer than {TEXT_LIMIT.toLocaleString("en")} characters: import it with PUT /api/v1/floors/{"{id}"}.
        </FormMessage>
      )}
      {preview && !preview.ok && (
        <div className="mt-3" data-testid="floor-issues">
          <FormMessage>
            {preview.issues.length === 1 ? "1 problem" : `${preview.issues.length} problems`}; nothing can be saved yet.
          </FormMessage>
          <DataTable
            columns={["Where", "Field", "Problem"]}
            rows={preview.issues}
            row={(i, n) => (
              <tr key={n} className="border-t border-line">
                <td className="px-3 py-1">{i.where}</td>
                <td className="px-3 py-1 font-mono">{i.field}</td>
                <td className="px-3 py-1">{i.reason}</td>
              </tr>
            )}
          />
        </div>
      )}
      {preview?.ok && (
        <div className="mt-3 grid gap-3 lg:grid-cols-2" data-testid="floor-preview">
          <div className="rounded-lg border border-line p-2">
            <FloorPlanSvg
              floor={{
                id: preview.floor.id,
                name: preview.floor.name,
                wardId: null,
                rooms: preview.floor.rooms.map((r) => ({
                  ...r,
                  polygon: r.polygon.map((p) => [p[0], p[1]] as [number, number]),
                  centroid: [r.centroid[0], r.centroid[1]] as [number, number],
                  beds: [...r.beds],
                })),
              }}
              assets={[]}
              highlight={null}
              selectedRoom={null}
              trail={[]}
              onRoom={noop}
              onAsset={noop}
            />
          </div>
          <div>
            <p className="text-sm">
              {preview.floor.name}: {preview.floor.rooms.length} rooms, {preview.floor.adjacency.length} doors
            </p>
            <DataTable
              columns={["Room", "Name", "Type", "Beds"]}
              rows={preview.floor.rooms}
              row={(r) => (
                <tr key={r.id} className="border-t border-line">
                  <td className="px-3 py-1 font-mono">{r.id}</td>
                  <td className="px-3 py-1">{r.name}</td>
                  <td className="px-3 py-1">{r.type.replace(/_/g, " ")}</td>
                  <td className="px-3 py-1">{r.beds.join(", ")}</td>
                </tr>
              )}
            />
            {preview.warnings.map((w, n) => (
              <p key={n} className="mt-1 text-xs text-ink-muted">
                Note: {w.where} {w.field}: {w.reason}
              </p>
            ))}
          </div>
        </div>
      )}
      <div className="mt-3 flex items-center gap-3">
        <Button variant="primary" disabled={pending || !preview?.ok || !floorId} onClick={save}>
          {pending ? "Saving…" : "Save floor"}
        </Button>
        {outcome && <FormMessage ok={outcome.ok}>{outcome.text}</FormMessage>}
      </div>
    </section>
  );
}
