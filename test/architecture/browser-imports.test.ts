import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bannedChains, directive, valueImports } from "./browser-graph";
import { readSources } from "./folder-graph";

const ROOT = path.resolve(import.meta.dirname, "../..");

// zod is ~31 KiB on the wire per page, and no page may carry more than 200 KiB of JS (README,
// "Performance"): what the browser receives is checked with lib/events/wire-shape; zod stays on the server.
const BANNED = ["zod"];

describe("the browser's JS", () => {
  it("never reaches zod from a client module, except through a dynamic import()", () => {
    const client = [...readSources(ROOT, "app", []), ...readSources(ROOT, "components", [])]
      .filter((f) => !/\.test\.tsx?$/.test(f.file) && directive("use client").test(f.text))
      .map((f) => f.file);
    expect(client.length).toBeGreaterThan(50);
    const chains = bannedChains(ROOT, client, BANNED).map((c) => c.join(" → "));
    expect(chains, `client modules that bring zod into the browser:\n${chains.join("\n")}`).toEqual([]);
  });

  it("follows value imports and re-exports through aliases and barrels, not types or dynamic imports", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "browser-graph-"));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write(
      "app/a.tsx",
      `"use client";\nimport type { S } from "@/lib/schema";\nimport { type T } from "@/lib/schema";\nconst later = () => import("@/lib/schema");`,
    );
    write("app/b.tsx", `"use client";\nimport { LABELS } from "@/lib/barrel";`);
    write("lib/barrel/index.ts", `export { LABELS } from "./labels";\nexport * from "../schema";`);
    write("lib/barrel/labels.ts", `export const LABELS = {};`);
    write("lib/schema.ts", `import { z } from "zod/v4";\nexport const S = z.string();`);
    write("app/c.tsx", `"use client";\nimport { save } from "./actions";`);
    write("app/actions.ts", `// server functions\n"use server";\nimport { z } from "zod";`);
    expect(
      valueImports("x.ts", `import type { A } from "a";\nimport { type B, C } from "b";\nexport type { D } from "d";\nimport "e";`),
    ).toEqual(["b", "e"]);
    expect(bannedChains(dir, ["app/a.tsx", "app/b.tsx", "app/c.tsx"], BANNED)).toEqual([
      ["app/b.tsx", "lib/barrel/index.ts", "lib/schema.ts", "zod/v4"],
    ]);
    fs.rmSync(dir, { recursive: true });
  });
});
