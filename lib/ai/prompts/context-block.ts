// How a data parameter's value appears in a prompt: a fenced JSON block whose info string is the
// parameter's name, so a reader (a person previewing, the demo model) can tell the blocks apart:
//   ```json patient.vitals_window
//   [{"at":"-3 h 10 min","heart_rate":112}]
//   ```
// The JSON is compact (tokens cost money); a backtick inside it is written \u0060 so no value can close
// the fence early.
import type { JsonValue } from "@/lib/ai/deidentify/deidentify";

export function formatParameterBlock(name: string, value: JsonValue): string {
  const json = JSON.stringify(value).replace(/`/g, "\\u0060");
  return "```json " + name + "\n" + json + "\n```";
}

export type ContextBlock = { name: string; value: unknown };

const BLOCK = /```json(?:[ \t]+([^\s`]+))?[ \t]*\n([\s\S]*?)\n```/g;

/** Every fenced JSON block in `text` that parses, with its name ("" when unnamed). */
export function parseContextBlocks(text: string): ContextBlock[] {
  const blocks: ContextBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    try {
      blocks.push({ name: m[1] ?? "", value: JSON.parse(m[2] ?? "") });
    } catch {
      // not JSON: not a context block
    }
  }
  return blocks;
}
