// The dependency graph between the top-level folders of lib/ (a file directly under lib/, such as
// lib/env.ts, is a node of its own), built from every import of every source file: type-only imports,
// re-exports, side-effect and dynamic imports included, through the "@/lib/…" alias or a relative path.
// Used by import-cycles.test.ts to refuse folders that depend on each other.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export type SourceFile = { file: string; text: string };
/** One folder-to-folder dependency, with the first import that makes it (for the failure message). */
export type FolderEdge = { from: string; to: string; file: string; specifier: string };

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs)$/;

/** Every source file under `dir` (relative paths from `root`), skipping `skip` folder names. */
export function readSources(root: string, dir: string, skip: readonly string[]): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (!skip.includes(entry.name)) walk(child);
      } else if (SOURCE.test(entry.name)) {
        out.push({ file: child, text: fs.readFileSync(path.join(root, child), "utf8") });
      }
    }
  };
  walk(dir);
  return out;
}

/** "lib/alerts/x.ts" → "alerts"; "lib/env.ts" → "env"; outside lib/ → null. */
export function topFolderOf(libPath: string): string | null {
  const parts = path.posix.normalize(libPath).split("/");
  if (parts[0] !== "lib" || parts.length < 2) return null;
  return parts.length === 2 ? parts[1]!.replace(SOURCE, "") : parts[1]!;
}

/** The repository path an import points at, or null for a package ("zod", "node:fs") or outside lib/. */
export function resolveImport(fromFile: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith("./") || specifier.startsWith("../"))
    return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  return null;
}

export function folderEdges(files: readonly SourceFile[]): FolderEdge[] {
  const edges = new Map<string, FolderEdge>();
  for (const { file, text } of files) {
    const from = topFolderOf(file);
    if (!from) continue;
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      const target = resolveImport(file, specifier);
      const to = target && topFolderOf(target);
      if (!to || to === from) continue;
      const key = `${from}\0${to}`;
      if (!edges.has(key)) edges.set(key, { from, to, file, specifier });
    }
  }
  return [...edges.values()];
}

/** Each group of folders that depend on each other (a strongly connected component of two or more),
 *  described by one shortest cycle through it, e.g. ["bus", "socket", "bus"], with the imports that close it. */
export function folderCycles(edges: readonly FolderEdge[]): { cycle: string[]; imports: FolderEdge[] }[] {
  const out = new Map<string, FolderEdge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const found: { cycle: string[]; imports: FolderEdge[] }[] = [];
  const covered = new Set<string>();
  for (const start of [...out.keys()].sort()) {
    if (covered.has(start)) continue;
    const path = shortestCycle(start, out);
    if (!path) continue;
    path.forEach((e) => covered.add(e.from));
    found.push({ cycle: [start, ...path.map((e) => e.to)], imports: path });
  }
  return found;
}

/** Breadth-first from `start` back to itself. */
function shortestCycle(start: string, out: Map<string, FolderEdge[]>): FolderEdge[] | null {
  const via = new Map<string, FolderEdge>();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const e of out.get(node) ?? []) {
      if (e.to === start) {
        const path = [e];
        for (let n = node; n !== start; n = via.get(n)!.from) path.unshift(via.get(n)!);
        return path;
      }
      if (!via.has(e.to)) {
        via.set(e.to, e);
        queue.push(e.to);
      }
    }
  }
  return null;
}

export function describeCycle(c: { cycle: string[]; imports: FolderEdge[] }): string {
  return `${c.cycle.join(" → ")}\n${c.imports.map((e) => `    ${e.file} imports "${e.specifier}"`).join("\n")}`;
}
