// The preview an admin sees before saving a floor import: the parsed rooms (names, types, polygons), or
// every problem with the GeoJSON feature or SVG-JSON room it belongs to (by index and its name or id) and
// the field inside it. Pure; the same importer the PUT route and the save action use.
import type { FieldIssue } from "../field-issues";
import type { Floor } from "./floor-model";
import { importFloorJson } from "./import-floor";

export type PreviewIssue = { where: string; field: string; reason: string };

export type FloorPreview = { ok: true; floor: Floor; warnings: PreviewIssue[] } | { ok: false; issues: PreviewIssue[] };

/** Parses `raw` (JSON text) as a floor stored under `id`, and names each problem's feature or room. */
export function previewFloorJson(raw: string, id: string, name?: string): FloorPreview {
  const r = importFloorJson(raw, { id, ...(name ? { name } : {}) });
  let body: unknown = null;
  try {
    body = JSON.parse(raw);
  } catch {
    // importFloorJson already reported it
  }
  if (!r.ok) return { ok: false, issues: r.issues.map((i) => locateIssue(i, body)) };
  return { ok: true, floor: r.floor, warnings: r.warnings.map((i) => locateIssue(i, body)) };
}

const ITEM = /^(features|rooms|doors)\[(\d+)\]\.?(.*)$/;

/** `features[3].properties.name` → where `feature 3 "4E-R01"`, field `properties.name`. */
export function locateIssue(issue: FieldIssue, body: unknown): PreviewIssue {
  const m = ITEM.exec(issue.field);
  if (!m)
    return { where: issue.field === "body" || issue.field === "" ? "file" : "floor", field: issue.field || "body", reason: issue.reason };
  const [, list, index, rest] = m as unknown as [string, "features" | "rooms" | "doors", string, string];
  const kind = list === "features" ? "feature" : list === "rooms" ? "room" : "door";
  const label = itemLabel(body, list, Number(index));
  return { where: `${kind} ${index}${label ? ` "${label}"` : ""}`, field: rest || "(the whole item)", reason: issue.reason };
}

function itemLabel(body: unknown, list: string, index: number): string | null {
  if (typeof body !== "object" || body === null) return null;
  const items = (body as Record<string, unknown>)[list];
  if (!Array.isArray(items)) return null;
  const item: unknown = items[index];
  if (typeof item !== "object" || item === null) return null;
  const o = item as Record<string, unknown>;
  const props = typeof o.properties === "object" && o.properties !== null ? (o.properties as Record<string, unknown>) : {};
  for (const v of [props.name, o.name, props.id, o.id]) if (typeof v === "string" && v.trim()) return v.trim().slice(0, 60);
  return null;
}
