// CLI: hospital operations. `patients create`, `encounters admit|transfer|discharge|cancel|list`,
// `users list|invite|disable|update`, `duty show|set|gaps`. The same domain functions as the API and pages.
import "server-only";
import { getDatabase, getPrisma } from "@/lib/db/database";
import { createPatientRecord } from "@/lib/patients/write-patient";
import { admitPatient } from "@/lib/encounters/admit-patient";
import { transferPatient } from "@/lib/encounters/transfer-patient";
import { dischargePatient } from "@/lib/encounters/discharge-patient";
import { cancelAdmission, cancelDischarge } from "@/lib/encounters/correct-encounter";
import type { AdtActor } from "@/lib/encounters/encounter-context";
import { addUser, disableUser, issueInvite, listUsers, updateUser } from "@/lib/users/user-admin";
import { getRoster, putRoster } from "@/lib/duty/duty-roster";
import { findDutyGaps, type Duty } from "@/lib/duty/on-duty";
import { CliError, flag, type ParsedArgs } from "./parse-args";
import { CLI_ACTOR, table, type Command } from "./cli-types";

const CLI: AdtActor = { kind: "system", source: "cli" };
const audit = { actor: CLI_ACTOR };

function id(args: ParsedArgs, what: string, usage: string): string {
  const v = args.positionals[2];
  if (!v) throw new CliError(`${args.positionals.slice(0, 2).join(" ")} needs ${what}: ${usage}`);
  return v;
}
const dateFlag = (args: ParsedArgs, name: string): Date | undefined => {
  const v = flag(args, name);
  if (v === undefined) return undefined;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new CliError(`--${name}: must be an ISO date-time`);
  return d;
};
const encounterText = (e: {
  id: string;
  status: string;
  bed: { wardCode: string; label: string } | null;
  disposition: string | null;
  readmissionOfId: string | null;
}) =>
  `Encounter ${e.id}: ${e.status}${e.bed ? ` in ${e.bed.wardCode}/${e.bed.label}` : ""}${e.disposition ? ` (disposition ${e.disposition})` : ""}${e.readmissionOfId ? ` — readmission of ${e.readmissionOfId}` : ""}`;

export const hospitalCommands: Record<string, Command> = {
  async "patients create"(args) {
    const p = await createPatientRecord(await getPrisma(), {
      mrn: flag(args, "mrn", true),
      givenName: flag(args, "given", true),
      familyName: flag(args, "family", true),
      birthDate: flag(args, "birth-date", true),
      sex: (flag(args, "sex") ?? "U") as "M",
    });
    return { json: p, text: `Created patient ${p.mrn} (id ${p.id})` };
  },
  async "encounters admit"(args) {
    const e = await admitPatient(CLI, {
      patientId: flag(args, "patient", true),
      bedId: flag(args, "bed", true),
      admittedAt: dateFlag(args, "at"),
    });
    return { json: e, text: encounterText(e) };
  },
  async "encounters transfer"(args) {
    const e = await transferPatient(CLI, id(args, "an encounter id", "encounters transfer <id> --bed WARD/LABEL"), {
      bedId: flag(args, "bed", true),
      at: dateFlag(args, "at"),
    });
    return { json: e, text: encounterText(e) };
  },
  async "encounters discharge"(args) {
    const e = await dischargePatient(CLI, id(args, "an encounter id", "encounters discharge <id> --disposition CODE"), {
      disposition: flag(args, "disposition", true),
      at: dateFlag(args, "at"),
    });
    return { json: e, text: encounterText(e) };
  },
  async "encounters cancel"(args) {
    const encounterId = id(args, "an encounter id", "encounters cancel <id> --what admission|discharge");
    const what = flag(args, "what", true);
    if (what !== "admission" && what !== "discharge") throw new CliError("--what: must be admission or discharge");
    const e = what === "admission" ? await cancelAdmission(CLI, encounterId) : await cancelDischarge(CLI, encounterId);
    return { json: e, text: encounterText(e) };
  },
  async "encounters list"(args) {
    const prisma = await getPrisma();
    const status = flag(args, "status") ?? "admitted";
    const rows = (
      await prisma.encounter.findMany({
        where: status === "all" ? {} : { status },
        select: {
          id: true,
          status: true,
          admittedAt: true,
          dischargedAt: true,
          disposition: true,
          source: true,
          patient: { select: { mrn: true, bed: { select: { label: true, ward: { select: { code: true } } } } } },
        },
        orderBy: { admittedAt: "desc" },
        take: 500,
      })
    ).map((e) => ({
      id: e.id,
      mrn: e.patient.mrn,
      status: e.status,
      bed: e.patient.bed && e.status === "admitted" ? `${e.patient.bed.ward.code}/${e.patient.bed.label}` : null,
      admittedAt: e.admittedAt,
      dischargedAt: e.dischargedAt,
      disposition: e.disposition,
      source: e.source,
    }));
    return {
      json: rows,
      text: rows.length
        ? table(rows, ["id", "mrn", "status", "bed", "admittedAt", "dischargedAt", "disposition", "source"])
        : "No encounters.",
    };
  },
  async "users list"() {
    const users = await listUsers();
    const rows = users.map((u) => ({
      ...u,
      wards: u.wards.map((w) => w.code).join(" "),
      state: u.disabledAt ? "disabled" : u.invitePending ? "invited" : "active",
    }));
    return { json: users, text: table(rows, ["id", "email", "name", "role", "wards", "state"]) };
  },
  async "users invite"(args) {
    const r = await addUser(
      {
        email: flag(args, "email", true),
        role: flag(args, "role", true) as "nurse",
        name: flag(args, "name"),
        wards: args.flags.get("ward") ?? [],
      },
      audit,
    );
    return { json: r, text: `Invited ${r.user.email}: one-time link (shown once) ${r.invite?.path}` };
  },
  async "users reinvite"(args) {
    const inv = await issueInvite(id(args, "a user id", "users reinvite <id>"));
    return { json: inv, text: `New one-time link (shown once): ${inv.path}` };
  },
  async "users disable"(args) {
    const email = flag(args, "email");
    let userId: string;
    if (email) {
      const user = await (await getPrisma()).user.findUnique({ where: { email }, select: { id: true } });
      if (!user) throw new CliError(`users disable: no user with e-mail ${email}`);
      userId = user.id;
    } else userId = id(args, "a user id or --email", "users disable <id> | users disable --email <e>");
    const u = await disableUser(userId, audit);
    return { json: u, text: `Disabled ${u.email}: sessions ended, API tokens revoked, live connections dropped.` };
  },
  async "users update"(args) {
    const role = flag(args, "role") as "nurse" | undefined;
    const wards = args.flags.get("ward");
    const u = await updateUser(
      id(args, "a user id", "users update <id> [--role R] [--ward W]..."),
      { ...(role ? { role } : {}), ...(wards ? { wards } : {}) },
      audit,
    );
    return { json: u, text: `Updated ${u.email}: ${u.role}, wards ${u.wards.map((w) => w.code).join(" ") || "-"}` };
  },
  async "duty show"(args) {
    const r = await getRoster(flag(args, "ward", true));
    const rows = r.shifts.map((s) => ({ duty: s.duty, user: s.userName, startsAt: s.startsAt, endsAt: s.endsAt }));
    const now = `On duty now: charge ${r.onDutyNow.charge.map((p) => p.name).join(", ") || "NOBODY"}; on call ${r.onDutyNow.on_call.map((p) => p.name).join(", ") || "NOBODY"}`;
    return {
      json: r,
      text: `${r.ward.code} ${r.ward.name}\n${now}\n${rows.length ? table(rows, ["duty", "user", "startsAt", "endsAt"]) : "No shifts on the roster."}`,
    };
  },
  async "duty set"(args) {
    // --shift duty,userId|email,startsAt,endsAt (repeatable): replaces the ward's shifts that have not ended.
    const prisma = await getPrisma();
    const shifts = [];
    for (const s of args.flags.get("shift") ?? []) {
      const [duty, who, startsAt, endsAt] = s.split(",");
      if (!duty || !who || !startsAt || !endsAt) throw new CliError(`--shift: "${s}" is not duty,user,startsAt,endsAt`);
      const user = await prisma.user.findFirst({ where: { OR: [{ id: who }, { email: who.toLowerCase() }] }, select: { id: true } });
      if (!user) throw new CliError(`--shift: no user "${who}"`);
      shifts.push({ duty: duty as Duty, userId: user.id, startsAt: new Date(startsAt), endsAt: new Date(endsAt) });
    }
    const r = await putRoster(flag(args, "ward", true), shifts, audit);
    return { json: r, text: `${r.ward.code}: ${r.shifts.length} shifts; uncovered now: ${r.uncovered.join(", ") || "none"}` };
  },
  async "duty gaps"() {
    const gaps = await findDutyGaps((await getDatabase()).sql, new Date());
    return {
      json: gaps,
      text: gaps.length
        ? gaps.map((g) => `${g.wardCode}: nobody on duty as ${g.duties.join(", ")}`).join("\n")
        : "Every ward has a charge nurse and a physician on call.",
    };
  },
};
