// Which production prompt versions enable each data parameter, and with which bounds (pure, tested).
import type { PromptDetail } from "@/lib/ai/service-types";

export type ProductionUse = { prompt: string; version: number; bounds: string };

/** Parameter name → the prompts whose production version enables it; bounds as "hours 12, rows 50". */
export function productionUses(prompts: readonly Pick<PromptDetail, "name" | "labels" | "versions">[]): Map<string, ProductionUse[]> {
  const out = new Map<string, ProductionUse[]>();
  for (const p of prompts) {
    const v = p.versions.find((x) => x.version === p.labels.production);
    if (!v) continue;
    for (const ref of v.parameters) {
      const bounds = Object.entries(ref.bounds)
        .map(([k, b]) => `${k} ${typeof b === "string" || typeof b === "number" ? b : JSON.stringify(b)}`)
        .join(", ");
      const list = out.get(ref.name) ?? [];
      list.push({ prompt: p.name, version: v.version, bounds });
      out.set(ref.name, list);
    }
  }
  return out;
}
