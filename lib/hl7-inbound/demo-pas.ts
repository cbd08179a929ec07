// The demo's simulated patient administration system: a day of ADT traffic (admissions, transfers,
// discharges, a readmission, corrections) sent over HL7 v2 / MLLP into the app's own listener with a
// real client (@medplum/hl7), so the flow page has life. It uses only the demo's spare beds (never the
// scripted patients' beds, and leaves the last two free beds of each ward alone for people). Messages
// whose time has passed are sent at start, the rest at their time; the day's control ids are fixed, so a
// restart resends the morning and the listener answers the duplicates without applying them twice.
import "server-only";
import { Hl7Message } from "@medplum/core";
import { Hl7Client } from "@medplum/hl7";
import { getPrisma } from "@/lib/db/database";
import { buildAdtText, generateAdtScenario, type ScenarioMessage } from "@/lib/adt";
import { DEMO_WARDS, demoFreeBeds } from "@/lib/seed/demo-hospital";

const DAY_MS = 86_400_000;

function dayPrefix(now: Date): string {
  return `SIM${now.toISOString().slice(0, 10).replace(/-/g, "")}`;
}

async function planDay(now: Date): Promise<{ prefix: string; messages: ScenarioMessage[]; leftovers: string[] }> {
  const prisma = await getPrisma();
  const prefix = dayPrefix(now);
  const wards = DEMO_WARDS.map((w) => ({
    code: w.code,
    beds: demoFreeBeds(w)
      .slice(0, -2)
      .map((label) => ({ room: `R${label}`, label })),
  }));
  const occupied = await prisma.patient.findMany({
    where: { bedId: { not: null } },
    select: { mrn: true, bed: { select: { label: true, ward: { select: { code: true } } } } },
  });
  // Patients the simulated PAS admitted on an earlier day are discharged first (their texts below).
  const leftovers = occupied.filter((p) => p.mrn.startsWith("SIM") && !p.mrn.startsWith(prefix)).map((p) => p.mrn);
  const takenBeds = occupied
    .filter((p) => !p.mrn.startsWith("SIM") && p.bed)
    .map((p) => ({ wardCode: p.bed!.ward.code, bedLabel: p.bed!.label }));
  const start = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const messages = generateAdtScenario({
    wards,
    start,
    hours: 24,
    messages: 36,
    seed: Math.floor(now.getTime() / DAY_MS),
    controlIdPrefix: prefix,
    takenBeds,
  });
  return { prefix, messages, leftovers };
}

async function leftoverDischarges(prefix: string, mrns: string[], at: Date): Promise<string[]> {
  const prisma = await getPrisma();
  const patients = await prisma.patient.findMany({
    where: { mrn: { in: mrns } },
    select: {
      mrn: true,
      givenName: true,
      familyName: true,
      birthDate: true,
      birthDateEnc: true,
      sex: true,
      encounters: { where: { status: "admitted" }, select: { visitNumber: true } },
    },
  });
  return patients.map((p, i) =>
    buildAdtText({
      event: "A03",
      controlId: `${prefix}-END-${String(i + 1).padStart(3, "0")}`,
      at,
      patient: {
        mrn: p.mrn,
        givenName: p.givenName,
        familyName: p.familyName,
        birthDate: p.birthDate.toISOString().slice(0, 10),
        sex: p.sex as "M" | "F" | "O" | "U",
      },
      visitNumber: p.encounters[0]?.visitNumber ?? "",
      disposition: "01",
    }),
  );
}

export type PasStats = { AA: number; AE: number; AR: number; duplicates: number };

export async function startDemoPas(opts: {
  host: string;
  port: number;
  log: (line: string) => void;
}): Promise<{ stop(): Promise<void>; stats(): PasStats }> {
  const client = new Hl7Client({ host: opts.host, port: opts.port, connectTimeout: 5000 });
  let stopped = false;
  let plan = await planDay(new Date());
  let next = 0;
  const counts: PasStats = { AA: 0, AE: 0, AR: 0, duplicates: 0 };
  const send = async (text: string) => {
    const ack = await client.sendAndWait(Hl7Message.parse(text), { timeoutMs: 10_000 });
    const code = ack.getSegment("MSA")?.getComponent(1, 1) as "AA" | "AE" | "AR";
    if (code in counts) counts[code] += 1;
    if (ack.getSegment("MSA")?.getComponent(3, 1)?.startsWith("duplicate")) counts.duplicates += 1;
    if (code !== "AA") opts.log(`[pas] ${code}: ${ack.getSegment("MSA")?.getComponent(3, 1) ?? ""}`);
  };
  const tick = async () => {
    const now = new Date();
    if (dayPrefix(now) !== plan.prefix) {
      plan = await planDay(now);
      next = 0;
    }
    if (next === 0 && plan.leftovers.length)
      for (const text of await leftoverDischarges(plan.prefix, plan.leftovers, new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS)))
        await send(text);
    if (next === 0) plan.leftovers = [];
    while (!stopped && next < plan.messages.length && plan.messages[next]!.at <= now) await send(plan.messages[next++]!.text);
  };
  let running: Promise<void> = tick()
    .then(() =>
      opts.log(`[pas] simulated PAS: ${next} of ${plan.messages.length} ADT messages of today sent (${counts.AA} AA, ${counts.AE} AE)`),
    )
    .catch((err: Error) => opts.log(`[pas] ${err.message}`));
  const timer = setInterval(() => {
    running = running.then(tick).catch((err: Error) => opts.log(`[pas] ${err.message}`));
  }, 5000);
  timer.unref();
  return {
    stats: () => ({ ...counts }),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await client.close();
    },
  };
}
