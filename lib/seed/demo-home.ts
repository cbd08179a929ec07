// The demo's patients at home (issue 15): three fictional people on no ward, each with a portal account and
// simulated devices paired to them that tell their story (lib/simulator/home-scenarios):
//   H-1001 diabetes: a CGM with a nocturnal low (and an urgent low minutes after the demo starts);
//   H-1002 hypertension: a BP cuff, the home average rising above 135/85;
//   H-1003 asthma: a controller and a rescue smart inhaler and a home air sensor, in a pollen week.
// Added by MRN, device id and e-mail where missing, on a fresh demo and on an install seeded before them.
// Helper `programs` enrols them by MRN (lib/seed/demo-programs).
import "server-only";
import crypto from "node:crypto";
import { getPrisma } from "@/lib/db/database";
import { createDevice } from "@/lib/devices/manage-devices";
import { encryptedIdentity } from "@/lib/patients/write-patient";
import { createUser } from "@/lib/users/manage-users";
import { defaultHomeScenario, type HomeScenario } from "@/lib/simulator/home-scenarios";

export type DemoHomeDevice = {
  id: string;
  type: "cgm" | "bp_cuff" | "smart_inhaler" | "home_air_sensor";
  scenario: HomeScenario;
  firmwareVersion: string;
};

export type DemoHomePatient = {
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  condition: "diabetes" | "hypertension" | "asthma";
  account: { email: string; name: string };
  devices: readonly DemoHomeDevice[];
};

export const DEMO_HOME_PATIENTS: readonly DemoHomePatient[] = [
  {
    mrn: "H-1001",
    givenName: "Maya",
    familyName: "Lindgren",
    birthDate: "1986-04-12",
    condition: "diabetes",
    account: { email: "maya@demo.local", name: "Maya Lindgren" },
    devices: [{ id: "cgm-h1001", type: "cgm", scenario: "cgm-diabetes", firmwareVersion: "3.1.0" }],
  },
  {
    mrn: "H-1002",
    givenName: "Samuel",
    familyName: "Adeyemi",
    birthDate: "1961-09-03",
    condition: "hypertension",
    account: { email: "samuel@demo.local", name: "Samuel Adeyemi" },
    devices: [{ id: "bp-h1002", type: "bp_cuff", scenario: "bp-rising", firmwareVersion: "1.4.2" }],
  },
  {
    mrn: "H-1003",
    givenName: "Clara",
    familyName: "Jensen",
    birthDate: "1994-02-27",
    condition: "asthma",
    account: { email: "clara@demo.local", name: "Clara Jensen" },
    devices: [
      { id: "inh-h1003-controller", type: "smart_inhaler", scenario: "inhaler-controller", firmwareVersion: "2.0.5" },
      { id: "inh-h1003-rescue", type: "smart_inhaler", scenario: "inhaler-rescue", firmwareVersion: "2.0.5" },
      { id: "air-h1003", type: "home_air_sensor", scenario: "air-pollen-week", firmwareVersion: "1.2.0" },
    ],
  },
];

/** The scenario a simulated home device plays: its demo script, else its type's default (null: not a home device). */
export function demoHomeScenarioFor(deviceId: string, type: string): HomeScenario | null {
  for (const p of DEMO_HOME_PATIENTS) {
    const d = p.devices.find((x) => x.id === deviceId);
    if (d) return d.scenario;
  }
  return defaultHomeScenario(type);
}

export type DemoHomeCredential = { email: string; password: string; role: "patient" };

/**
 * Adds what is missing of the home patients (patient by MRN, device by id, account by e-mail); a device once
 * seeded, even revoked or re-paired, is left alone. Returns the credentials of the accounts it created.
 */
export async function seedDemoHome(): Promise<DemoHomeCredential[]> {
  const prisma = await getPrisma();
  const created: DemoHomeCredential[] = [];
  for (const p of DEMO_HOME_PATIENTS) {
    const existing = await prisma.patient.findUnique({ where: { mrn: p.mrn }, select: { id: true } });
    const patient =
      existing ??
      (await prisma.patient.create({
        data: { mrn: p.mrn, ...encryptedIdentity({ givenName: p.givenName, familyName: p.familyName, birthDate: p.birthDate }) },
        select: { id: true },
      }));
    for (const d of p.devices) {
      if (await prisma.device.findUnique({ where: { id: d.id }, select: { id: true } })) continue;
      await createDevice({ id: d.id, type: d.type, patientId: patient.id, simulated: true, firmwareVersion: d.firmwareVersion });
    }
    if (await prisma.user.findUnique({ where: { email: p.account.email }, select: { id: true } })) continue;
    const password = `demo-${crypto.randomBytes(6).toString("base64url")}`;
    await createUser({ email: p.account.email, name: p.account.name, password, role: "patient", wards: [], patientId: patient.id });
    created.push({ email: p.account.email, password, role: "patient" });
  }
  return created;
}
