// What the browser's JS is built from: starting at every client module ("use client") under app/ and
// components/, the files its static value imports reach (type-only imports are erased; dynamic import()
// loads later, on demand, so it is not followed), through the "@/…" alias or relative paths, and the
// packages those files import. Whole files are followed, as the bundler does with modules that run code
// at load (a barrel that re-exports a schema module brings zod along). Used by browser-imports.test.ts.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];
/** The directive at the top of a file, after comments. */
export const directive = (name: string) => new RegExp(`^\\s*(//[^\\n]*\\n\\s*)*["']${name}["']`);
const USE_SERVER = directive("use server");

/** The specifiers of the imports and re-exports that stay in the emitted JS. */
export function valueImports(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    false,
    fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause &&
        !clause.name &&
        named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) out.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause;
      const onlyTypes = named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!node.isTypeOnly && !onlyTypes) out.push(node.moduleSpecifier.text);
    }
  }
  return out;
}

/** The repository file an import points at, or null for a package. */
export function resolveFile(root: string, fromFile: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.posix.join(path.posix.dirname(fromFile), specifier);
  else return null;
  for (const ext of EXTENSIONS) {
    const candidate = path.posix.normalize(base + ext);
    if (fs.existsSync(path.join(root, candidate)) && fs.statSync(path.join(root, candidate)).isFile()) return candidate;
  }
  throw new Error(`${fromFile}: cannot resolve "${specifier}"`);
}

/** A package name without its subpath: "zod/v4" → "zod", "@medplum/core/x" → "@medplum/core". */
export function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/**
 * For each client module that reaches one of `banned` packages, the chain of files from it to the import
 * of that package (the first found), e.g. ["app/x/view.tsx", "lib/y/index.ts", "zod"].
 */
export function bannedChains(root: string, clientFiles: readonly string[], banned: readonly string[]): string[][] {
  const memo = new Map<string, string[] | null>();
  const visiting = new Set<string>();
  const chainFrom = (file: string): string[] | null => {
    if (memo.has(file)) return memo.get(file)!;
    if (visiting.has(file)) return null;
    visiting.add(file);
    let found: string[] | null = null;
    const text = fs.readFileSync(path.join(root, file), "utf8");
    // A server functions module reaches the browser as references to the server, never as its code.
    const imports = USE_SERVER.test(text) ? [] : valueImports(file, text);
    for (const specifier of imports) {
      const target = resolveFile(root, file, specifier);
      if (target === null) {
        if (banned.includes(packageOf(specifier))) found = [file, specifier];
      } else {
        const rest = chainFrom(target);
        if (rest) found = [file, ...rest];
      }
      if (found) break;
    }
    visiting.delete(file);
    memo.set(file, found);
    return found;
  };
  return clientFiles.map(chainFrom).filter((c): c is string[] => c !== null);
}
