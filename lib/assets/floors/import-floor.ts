// Importing a floor plan: recognises the form (a GeoJSON FeatureCollection, or SVG-derived JSON with
// `rooms`), validates it with every problem named by its field, and returns the one Floor model.
import { fieldPath, invalid, type FieldIssue } from "@/lib/assets/field-issues";
import { buildFloor, type FloorImport, type FloorImportOptions } from "./build-floor";
import { geoJsonFloorSchema, geoJsonToDraft } from "./geojson-floor";
import { svgFloorSchema, svgToDraft } from "./svg-floor";

export type FloorForm = "geojson" | "svg-json";

/** Which import form a parsed body is, or null when it is neither. */
export function floorForm(input: unknown): FloorForm | null {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return null;
  const o = input as Record<string, unknown>;
  if (o.type === "FeatureCollection" || "features" in o) return "geojson";
  if ("rooms" in o) return "svg-json";
  return null;
}

export function importFloor(input: unknown, opts: FloorImportOptions = {}): FloorImport {
  const form = floorForm(input);
  if (form === null) return invalid([{ field: "body", reason: "must be a GeoJSON FeatureCollection or SVG-derived JSON {rooms, doors}" }]);
  if (form === "geojson") {
    const r = geoJsonFloorSchema.safeParse(input);
    return r.success ? buildFloor(geoJsonToDraft(r.data), opts) : invalid(zodIssues(r.error.issues));
  }
  const r = svgFloorSchema.safeParse(input);
  return r.success ? buildFloor(svgToDraft(r.data), opts) : invalid(zodIssues(r.error.issues));
}

/** Parses raw JSON text first, with a readable error when it is not JSON. */
export function importFloorJson(raw: string, opts: FloorImportOptions = {}): FloorImport {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (err) {
    return invalid([{ field: "body", reason: `is not valid JSON (${(err as Error).message})` }]);
  }
  return importFloor(body, opts);
}

function zodIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldIssue[] {
  return issues.map((i) => ({ field: fieldPath(i.path) || "body", reason: i.message }));
}
