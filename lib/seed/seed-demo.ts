// Seeds the demo hospital (demo mode only: embedded database or SEED_DEMO=1). Demo passwords are random
// per installation, kept in DATA_DIR/demo-credentials.json (mode 0600) and printed at every start.
// The demo equipment (infusion pumps, vaccine fridge loggers) is added by fixed id on every start, so an
// install seeded by an earlier version gets it too.
import { encryptedIdentity } from "@/lib/patients/write-patient";
import "server-only";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { getPrisma } from "@/lib/db/database";
import { createUser } from "@/lib/users/manage-users";
import { createDevice } from "@/lib/devices/manage-devices";
import { seedDemoAssets } from "./demo-assets";
import { seedDemoDeviceIdentity } from "./demo-device-identity";
import { seedDemoPrograms } from "./demo-programs";
import { seedDemoHome } from "./demo-home";
import { DEMO_ACCOUNTS, DEMO_EQUIPMENT, DEMO_WARDS, demoFreeBeds, demoPatients, type DemoEquipment } from "./demo-hospital";

export type DemoCredential = { email: string; password: string; role: string };

function credentialsFile(dataDir: string) {
  return path.join(dataDir, "demo-credentials.json");
}

export function readDemoCredentials(dataDir: string): DemoCredential[] {
  try {
    return JSON.parse(fs.readFileSync(credentialsFile(dataDir), "utf8")) as DemoCredential[];
  } catch {
    return [];
  }
}

function writeCredentials(dataDir: string, credentials: DemoCredential[]): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(credentialsFile(dataDir), JSON.stringify(credentials, null, 2), { mode: 0o600 });
}

/** Where a demo device goes: its bed if the install has it, else its id as an asset tag (never a failed seed). */
async function placeOf(prisma: Awaited<ReturnType<typeof getPrisma>>, d: DemoEquipment) {
  if (d.bed) {
    const [ward, label] = d.bed.split("/");
    const bed = await prisma.bed.findFirst({ where: { label, ward: { code: ward } }, select: { id: true } });
    return bed ? { bed: d.bed } : { assetTag: d.id.toUpperCase() };
  }
  return d.assetTag ? { assetTag: d.assetTag } : { location: d.location };
}

/** Adds the demo equipment that is missing (by fixed id; a device once seeded, even revoked, is left alone). */
export async function seedDemoEquipment(): Promise<string[]> {
  const prisma = await getPrisma();
  const existing = new Set(
    (await prisma.device.findMany({ where: { id: { in: DEMO_EQUIPMENT.map((d) => d.id) } }, select: { id: true } })).map((d) => d.id),
  );
  const added: string[] = [];
  for (const d of DEMO_EQUIPMENT) {
    if (existing.has(d.id)) continue;
    await createDevice({
      id: d.id,
      type: d.type,
      simulated: true,
      firmwareVersion: d.firmwareVersion,
      environmentProfile: d.environmentProfile ?? null,
      ...(await placeOf(prisma, d)),
    });
    added.push(d.id);
  }
  return added;
}

/**
 * Gives the demo equipment that has a home ward (the 4E medication fridge) that ward and room, unless the
 * device was placed elsewhere since (at a bed or patient, or given another ward): also for installs seeded
 * before devices had a home ward. The room is set only if the ward's floor plan has it.
 */
export async function placeDemoEquipmentHomes(): Promise<void> {
  const prisma = await getPrisma();
  for (const d of DEMO_EQUIPMENT) {
    if (!d.ward) continue;
    const ward = await prisma.ward.findUnique({ where: { code: d.ward }, select: { id: true } });
    if (!ward) continue;
    const room = d.room
      ? await prisma.mapRoom.findFirst({ where: { id: d.room, floor: { wardId: ward.id } }, select: { id: true } })
      : null;
    await prisma.device.updateMany({
      where: { id: d.id, wardId: null, patientId: null, bedId: null },
      data: { wardId: ward.id, roomId: room?.id ?? null },
    });
  }
}

/** Adds the demo's free beds that are missing (an install seeded before ADT had every bed taken). */
export async function seedDemoFreeBeds(): Promise<void> {
  const prisma = await getPrisma();
  for (const w of DEMO_WARDS) {
    const ward = await prisma.ward.findUnique({ where: { code: w.code }, select: { id: true } });
    if (!ward) continue;
    for (const label of demoFreeBeds(w)) {
      await prisma.bed.upsert({ where: { wardId_label: { wardId: ward.id, label } }, create: { wardId: ward.id, label }, update: {} });
    }
  }
}

/** Creates the demo hospital unless wards exist already, and the demo equipment it lacks. Returns the demo accounts. */
export async function seedDemo(dataDir: string): Promise<{ created: boolean; credentials: DemoCredential[]; equipmentAdded: string[] }> {
  const prisma = await getPrisma();
  if ((await prisma.ward.count()) > 0) {
    await seedDemoFreeBeds();
    const equipmentAdded = await seedDemoEquipment();
    await seedDemoAssets();
    await placeDemoEquipmentHomes();
    const homeAccounts = await seedDemoHome();
    await seedDemoDeviceIdentity();
    await seedDemoPrograms();
    if (homeAccounts.length) writeCredentials(dataDir, [...readDemoCredentials(dataDir), ...homeAccounts]);
    return { created: false, credentials: readDemoCredentials(dataDir), equipmentAdded };
  }

  const wardIds = new Map<string, string>();
  const bedIds = new Map<string, string>();
  for (const w of DEMO_WARDS) {
    const ward = await prisma.ward.create({
      data: {
        code: w.code,
        name: w.name,
        beds: { create: Array.from({ length: w.beds + w.freeBeds }, (_, i) => ({ label: String(i + 1) })) },
      },
      include: { beds: true },
    });
    wardIds.set(w.code, ward.id);
    for (const b of ward.beds) bedIds.set(`${w.code}/${b.label}`, b.id);
  }
  const patientByBed = new Map<string, string>();
  for (const p of demoPatients()) {
    const patient = await prisma.patient.create({
      data: {
        mrn: p.mrn,
        // Stored encrypted like every patient identity (lib/crypto), see write-patient.ts.
        ...encryptedIdentity({ givenName: p.givenName, familyName: p.familyName, birthDate: p.birthDate.toISOString().slice(0, 10) }),
        spo2Scale: p.spo2Scale,
        bedId: bedIds.get(`${p.wardCode}/${p.bed}`)!,
      },
    });
    patientByBed.set(`${p.wardCode}/${p.bed}`, patient.id);
    await createDevice({
      type: "bedside_monitor",
      patientId: patient.id,
      simulated: true,
      firmwareVersion: "2.4.1",
      id: `mon-${p.wardCode.toLowerCase()}-${p.bed.padStart(2, "0")}`,
    });
  }
  const equipmentAdded = await seedDemoEquipment();
  await seedDemoAssets();
  await placeDemoEquipmentHomes();
  const homeAccounts = await seedDemoHome();
  await seedDemoDeviceIdentity();

  const credentials: DemoCredential[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const password = `demo-${crypto.randomBytes(6).toString("base64url")}`;
    const user = await createUser({
      email: a.email,
      name: a.name,
      password,
      role: a.role,
      wards: [...a.wards],
      patientId: "patientBed" in a ? patientByBed.get(a.patientBed) : undefined,
    });
    if ("duty" in a) await prisma.userWard.updateMany({ where: { userId: user.id }, data: { duty: a.duty } });
    credentials.push({ email: a.email, password, role: a.role });
  }
  credentials.push(...homeAccounts);
  await seedDemoPrograms();
  writeCredentials(dataDir, credentials);
  return { created: true, credentials, equipmentAdded };
}
