// Shared pieces of the CLI command groups: the output shape, the command signature, a text table.
import type { ParsedArgs } from "./parse-args";

export type CliOutput = { json: unknown; text: string };
export type Command = (args: ParsedArgs) => Promise<CliOutput>;

/** The audit actor of changes made from the command line. */
export const CLI_ACTOR = { email: "cli" } as const;

export function table(rows: Record<string, unknown>[], columns: string[]): string {
  const cell = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? "-" : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(columns), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join("\n");
}
