// `<noun> <verb> [positional] [--flag value]... [--json]`; a flag given twice collects both values.

export type ParsedArgs = { positionals: string[]; flags: Map<string, string[]>; json: boolean };

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export function parseArgs(argv: string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") json = true;
    else if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      let value = eq > 0 ? a.slice(eq + 1) : argv[i + 1];
      if (eq < 0) {
        if (value === undefined || value.startsWith("--")) throw new CliError(`--${name} needs a value`);
        i++;
      }
      value ??= "";
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else positionals.push(a);
  }
  return { positionals, flags, json };
}

export function flag(args: ParsedArgs, name: string, required: true): string;
export function flag(args: ParsedArgs, name: string, required?: false): string | undefined;
export function flag(args: ParsedArgs, name: string, required = false): string | undefined {
  const v = args.flags.get(name)?.at(-1);
  if (required && !v) throw new CliError(`--${name} is required`);
  return v;
}
