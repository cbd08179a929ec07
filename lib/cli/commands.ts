// The CLI's commands. They run in the CLI process against the database, or inside the running app
// when it holds the embedded database (see control-channel.ts); either way the same code runs.
import "server-only";
import { z } from "zod";
import { getPrisma, getDatabase } from "@/lib/db/database";
import { createUser } from "@/lib/users/manage-users";
import { Refusal } from "@/lib/errors/refusal";
import { createApiToken } from "@/lib/auth/api-tokens";
import { recordAudit } from "@/lib/audit/record-audit";
import { seedDemo } from "@/lib/seed/seed-demo";
import { migrateDatabase } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { CliError, flag, parseArgs } from "./parse-args";
import { table, type CliOutput, type Command } from "./cli-types";
import { deviceCommands } from "./device-commands";
import { firmwareCommands } from "./firmware-commands";
import { hospitalCommands } from "./hospital-commands";
import { TRUST_USAGE, trustCommands } from "./trust-commands";
import { USER_ACCESS_USAGE, userAccessCommands } from "./user-commands";

export type { CliOutput };

export const USAGE = `Usage: npm run cli -- <noun> <verb> [--flags] [--json]

  users create --email <e> --password <p> --role <admin|nurse|physician|patient> [--name <n>] [--patient <id>] [--ward <id|code>]...
  tokens create --email <e> [--name <label>]          personal API token, shown once (--json: {id, email, token})
${USER_ACCESS_USAGE}
  patients list [--ward <id|code>]
  devices create --type <type> [--id <id>] [--patient <id> | --bed <ward/label> | --asset <tag> | --location <text>] [--firmware <v>] [--gateway <id>]
                 [--environment <profile>]              device secret, shown once
  devices create --type ble_gateway --room <roomId>     a BLE gateway placed in a room or corridor (asset map)
  devices create --type asset_tag --asset-class <class> [--asset-name <name>] [--asset-device <deviceId>]
  devices list [--type <t>] [--status active|revoked] [--connectivity online|offline|unknown] [--ward <id|code>]
               [--firmware current|outdated|flagged|unknown|attention]
  devices rotate <id>                                   new secret, shown once; the old one stops working at once
  devices assign <id> --patient <id> | --bed <ward/label> | --asset <tag> | --location <text>
  devices unassign <id>
  devices profile <id> --environment <profile>|none     what an environment sensor watches (vaccine_fridge, vaccine_freezer)
  devices ward <id> --ward <id|code>|none [--room <id>] the ward (and room) a device not at a bed serves: its alarms go there
  devices revoke <id>                                   drops its live connections at once
  firmware upload --type <type> --version <v> --file <path> --signature <base64> [--sha256 <hex>]
                                                        Ed25519 signature of the raw file bytes, checked on upload
  firmware list [--type <type>]
  firmware assign <packageId> --device <id>... | --all-outdated   sends the OTA command over MQTT
  firmware flag <packageId> --reason <why> | firmware unflag <packageId>
  firmware status                                       patch status: outdated and flagged devices per type
  firmware sign --file <path>                           demo mode: base64 signature with the demo key
  patients create --mrn <mrn> --given <name> --family <name> --birth-date YYYY-MM-DD [--sex M|F|O|U]
  encounters admit --patient <id> --bed <ward/label|id> [--at <iso>]
  encounters transfer <id> --bed <ward/label|id> [--at <iso>]
  encounters discharge <id> --disposition <code> [--at <iso>]   HL7 table 0112, e.g. 01 home
  encounters cancel <id> --what admission|discharge
  encounters list [--status admitted|discharged|cancelled|all]
  users list | users invite --email <e> --role <r> [--name <n>] [--ward <id|code>]...   one-time link, shown once
  users reinvite <id> | users disable <id> | users disable --email <e> | users update <id> [--role <r>] [--ward <id|code>]...
  duty show --ward <id|code> | duty gaps
  duty set --ward <id|code> --shift charge|on_call,<user id|email>,<startsAt>,<endsAt> ...
  db migrate | db seed
${TRUST_USAGE}

--json prints one JSON document on stdout and nothing else.`;

const commands: Record<string, Command> = {
  async "users create"(args) {
    const user = await createUser({
      email: flag(args, "email", true),
      password: flag(args, "password", true),
      role: flag(args, "role", true),
      name: flag(args, "name"),
      patientId: flag(args, "patient"),
      wards: args.flags.get("ward") ?? [],
    });
    return { json: user, text: `Created ${user.role} ${user.email} (id ${user.id})` };
  },
  async "tokens create"(args) {
    const email = flag(args, "email", true).toLowerCase();
    const prisma = await getPrisma();
    const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) throw new CliError(`email: no user with email ${email}`);
    const t = await createApiToken(user.id, flag(args, "name") ?? "cli");
    await recordAudit([{ actor: { email: "cli" }, action: "api_token.create", detail: { forUser: email, tokenId: t.id } }]);
    return { json: { id: t.id, email, token: t.token }, text: `Token for ${email} (shown once, store it now):\n${t.token}` };
  },
  async "patients list"(args) {
    const prisma = await getPrisma();
    const ward = flag(args, "ward");
    const patients = await prisma.patient.findMany({
      where: ward ? { bed: { ward: { OR: [{ id: ward }, { code: ward }] } } } : {},
      select: {
        id: true,
        mrn: true,
        givenName: true,
        familyName: true,
        birthDate: true,
        birthDateEnc: true,
        bed: { select: { label: true, ward: { select: { code: true } } } },
      },
      orderBy: [{ mrn: "asc" }],
    });
    const rows = patients.map((p) => ({
      id: p.id,
      mrn: p.mrn,
      name: `${p.givenName} ${p.familyName}`,
      birthDate: p.birthDate.toISOString().slice(0, 10),
      ward: p.bed?.ward.code ?? null,
      bed: p.bed?.label ?? null,
    }));
    return { json: rows, text: rows.length ? table(rows, ["id", "mrn", "name", "birthDate", "ward", "bed"]) : "No patients." };
  },
  async "db migrate"() {
    const applied = await migrateDatabase((await getDatabase()).sql);
    return { json: { applied }, text: applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date." };
  },
  async "db seed"() {
    const e = env();
    if (!e.demo) throw new CliError("db seed creates demo accounts; it runs only in demo mode (embedded database or SEED_DEMO=1)");
    const r = await seedDemo(e.dataDir);
    return { json: r, text: r.created ? "Seeded the demo hospital." : "Demo hospital already present." };
  },
  ...deviceCommands,
  ...firmwareCommands,
  ...hospitalCommands,
  ...trustCommands,
  ...userAccessCommands,
};

/** Flags that take no value; `--all-outdated` is read as `--all-outdated=true`. */
const BOOLEAN_FLAGS = ["--all-outdated", "--all"];

export async function runCliCommand(argv: string[]): Promise<CliOutput> {
  const args = parseArgs(argv.map((a) => (BOOLEAN_FLAGS.includes(a) ? `${a}=true` : a)));
  const [noun, verb] = args.positionals;
  const command = commands[`${noun} ${verb}`];
  if (!command) throw new CliError(noun ? `unknown command "${[noun, verb].filter(Boolean).join(" ")}"\n\n${USAGE}` : USAGE);
  try {
    return await command(args);
  } catch (err) {
    if (err instanceof Refusal) throw new CliError(err.message);
    if (err instanceof z.ZodError) throw new CliError(err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    throw err;
  }
}

export function wantsJson(argv: string[]): boolean {
  return argv.includes("--json");
}
