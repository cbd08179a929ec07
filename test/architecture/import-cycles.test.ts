import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeCycle, folderCycles, folderEdges, readSources } from "./folder-graph";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("lib/ folder dependencies", () => {
  it("has no two top-level folders that depend on each other, directly or through others", () => {
    // lib/generated is Prisma's generated client: it imports nothing of ours. Tests are leaves (nothing
    // imports them), so they cannot close a cycle: a folder's integration test may drive its neighbours.
    const files = readSources(ROOT, "lib", ["generated"]).filter((f) => !/\.test\.tsx?$/.test(f.file));
    expect(files.length).toBeGreaterThan(100);
    const cycles = folderCycles(folderEdges(files)).map(describeCycle);
    expect(cycles, `folder cycles in lib/:\n${cycles.join("\n")}`).toEqual([]);
  });

  it("sees type-only, re-exported, dynamic and relative imports, and names the cycle", () => {
    const files = [
      { file: "lib/bus/event-bus.ts", text: `import type { VitalsEvent } from "@/lib/socket/events";` },
      { file: "lib/socket/events.ts", text: `export type { AlertView } from "../alerts/alert-types";` },
      { file: "lib/alerts/engine.ts", text: `const bus = await import("@/lib/bus/event-bus");\nimport { env } from "../env";` },
      { file: "lib/env.ts", text: `import "zod";` },
      { file: "lib/audit/record.ts", text: `import {\n  type Principal,\n} from "@/lib/auth/principal";` },
      { file: "lib/auth/load.ts", text: `import { recordAudit } from "../audit/record";` },
    ];
    const cycles = folderCycles(folderEdges(files));
    expect(cycles.map((c) => c.cycle)).toEqual([
      ["alerts", "bus", "socket", "alerts"],
      ["audit", "auth", "audit"],
    ]);
    expect(describeCycle(cycles[1]!)).toBe(
      `audit → auth → audit\n    lib/audit/record.ts imports "@/lib/auth/principal"\n    lib/auth/load.ts imports "../audit/record"`,
    );
    expect(folderCycles(folderEdges(files.filter((f) => f.file !== "lib/auth/load.ts" && f.file !== "lib/socket/events.ts")))).toEqual([]);
  });
});
