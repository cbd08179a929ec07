// The demo hospital's shape: wards, beds, fictional patients, the equipment (infusion pumps, vaccine fridge
// loggers) and which simulator scenario each bed or device plays. Pure data; lib/seed/seed-demo.ts writes it.
import type { EnvironmentProfile } from "@/lib/domain/environment-profiles";
import type { EquipmentScenario } from "@/lib/simulator/equipment-source";
import type { ScenarioName } from "@/lib/simulator/scenarios";

export const DEMO_WARDS = [
  { code: "4E", name: "4 East · Acute Medicine", beds: 24, freeBeds: 6 },
  { code: "ICU", name: "Intensive Care", beds: 8, freeBeds: 3 },
] as const;

/** The free beds after each ward's occupied ones (labels beds+1 …); the simulated PAS uses all but the last two. */
export function demoFreeBeds(ward: (typeof DEMO_WARDS)[number]): string[] {
  return Array.from({ length: ward.freeBeds }, (_, i) => String(ward.beds + i + 1));
}

const GIVEN = [
  "Amelia",
  "Oliver",
  "Isla",
  "George",
  "Ava",
  "Noah",
  "Mia",
  "Arthur",
  "Grace",
  "Leo",
  "Freya",
  "Oscar",
  "Lily",
  "Harry",
  "Ella",
  "Jack",
  "Rosie",
  "Charlie",
  "Evie",
  "Thomas",
  "Poppy",
  "James",
  "Ivy",
  "William",
  "Florence",
  "Henry",
  "Alice",
  "Alfie",
  "Sophia",
  "Theo",
  "Matilda",
  "Edward",
];
const FAMILY = [
  "Hughes",
  "Patel",
  "Okafor",
  "Nowak",
  "Fraser",
  "Silva",
  "Kowalski",
  "Byrne",
  "Haddad",
  "Lindqvist",
  "Moreau",
  "Tanaka",
  "Reyes",
  "Osei",
  "Murphy",
  "Novak",
  "Bauer",
  "Costa",
  "Dubois",
  "Ivanova",
  "Khan",
  "Larsen",
  "Mensah",
  "O'Neill",
  "Quinn",
  "Rossi",
  "Schmidt",
  "Varga",
  "Walsh",
  "Yilmaz",
  "Zhou",
  "Abbott",
];

/** Scripted scenarios on the demo ward; every other bed is stable with natural variability. */
const SCENARIOS: Record<string, ScenarioName> = {
  "4E/3": "deteriorating",
  "4E/7": "desaturation",
  "4E/12": "silent",
  "ICU/2": "deteriorating",
};

export function demoScenarioFor(wardCode: string, bedLabel: string): ScenarioName {
  return SCENARIOS[`${wardCode}/${bedLabel}`] ?? "stable";
}

/**
 * Demo equipment, by fixed id (added to an existing demo install too). Pumps run at beds, one held by its
 * asset tag in the equipment store; pump-0002 on 4E wears out (maintenance alarm minutes after the demo
 * starts, failure about 3 h later), the 4E medication fridge's compressor has failed (excursion above 8 °C
 * a few minutes after the demo starts, repaired 3–4 h later).
 */
export type DemoEquipment = {
  id: string;
  type: "infusion_pump" | "env_sensor";
  /** Exactly one place: a bed ("WARD/label"), an asset tag or a location. */
  bed?: string;
  assetTag?: string;
  location?: string;
  /** Home ward (code) and room (floor-plan room id) of a device not at a bed: its alarms go to that ward. */
  ward?: string;
  room?: string;
  environmentProfile?: EnvironmentProfile;
  firmwareVersion: string;
  scenario: EquipmentScenario;
};

export const DEMO_EQUIPMENT: readonly DemoEquipment[] = [
  { id: "pump-0001", type: "infusion_pump", bed: "4E/3", firmwareVersion: "5.2.0", scenario: "pump-healthy" },
  { id: "pump-0002", type: "infusion_pump", bed: "4E/8", firmwareVersion: "5.2.0", scenario: "pump-failing" },
  { id: "pump-0003", type: "infusion_pump", bed: "ICU/2", firmwareVersion: "5.2.0", scenario: "pump-healthy" },
  { id: "pump-0004", type: "infusion_pump", assetTag: "PUMP-0004", firmwareVersion: "5.1.3", scenario: "pump-healthy" },
  {
    id: "env-fridge-pharm-a",
    type: "env_sensor",
    location: "Pharmacy vaccine fridge A",
    environmentProfile: "vaccine_fridge",
    firmwareVersion: "1.8.2",
    scenario: "fridge-healthy",
  },
  {
    id: "env-fridge-4e-meds",
    type: "env_sensor",
    location: "Ward 4E medication fridge",
    ward: "4E",
    room: "4E-CLEAN",
    environmentProfile: "vaccine_fridge",
    firmwareVersion: "1.8.2",
    scenario: "fridge-warm",
  },
];

/** The scenario a simulated pump or logger plays: its demo script, else healthy. */
export function demoEquipmentScenarioFor(deviceId: string, type: string): EquipmentScenario | null {
  const scripted = DEMO_EQUIPMENT.find((d) => d.id === deviceId);
  if (scripted) return scripted.scenario;
  if (type === "infusion_pump") return "pump-healthy";
  if (type === "env_sensor") return "fridge-healthy";
  return null;
}

export type DemoPatient = {
  wardCode: string;
  bed: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: Date;
  spo2Scale: 1 | 2;
};

export function demoPatients(): DemoPatient[] {
  const out: DemoPatient[] = [];
  let n = 0;
  for (const ward of DEMO_WARDS) {
    for (let bed = 1; bed <= ward.beds; bed++, n++) {
      const year = 1938 + ((n * 7) % 60);
      out.push({
        wardCode: ward.code,
        bed: String(bed),
        mrn: `DEMO-${String(100_001 + n)}`,
        givenName: GIVEN[n % GIVEN.length]!,
        familyName: FAMILY[(n * 5) % FAMILY.length]!,
        birthDate: new Date(Date.UTC(year, (n * 3) % 12, 1 + ((n * 11) % 28))),
        // A COPD patient with hypercapnic respiratory failure: NEWS2 SpO2 scale 2 (target 88–92 %).
        spo2Scale: ward.code === "4E" && bed === 9 ? 2 : 1,
      });
    }
  }
  return out;
}

export const DEMO_ACCOUNTS = [
  { email: "admin@demo.local", name: "Alex Admin", role: "admin", wards: [] as string[] },
  // A second admin: a prompt version reaches production only after an admin other than its author approved it.
  { email: "admin2@demo.local", name: "Sam Second-Admin", role: "admin", wards: [] },
  { email: "nurse@demo.local", name: "Nora Nurse", role: "nurse", wards: ["4E"] },
  // Escalation reaches the charge nurse first, then the physician on call (user_wards.duty).
  { email: "charge@demo.local", name: "Chris Charge", role: "nurse", wards: ["4E", "ICU"], duty: "charge" },
  { email: "physician@demo.local", name: "Dr Priya Physician", role: "physician", wards: ["4E", "ICU"], duty: "on_call" },
  { email: "biomed@demo.local", name: "Bo Biomed", role: "biomed", wards: [] },
  { email: "patient@demo.local", name: "Demo Patient", role: "patient", wards: [], patientBed: "4E/5" },
] as const;
