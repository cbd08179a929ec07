// A small hospital's encounter history with hand-checked figures, shared by the flow tests.
// Times are hours after T0 (2026-11-01T00:00Z). Wards: W4 (4 beds), ICU (2 beds).
import type { EncounterHistory } from "./flow-types";

export const T0 = Date.UTC(2026, 10, 1);
export const h = (hours: number) => new Date(T0 + hours * 3_600_000);
export const window = (fromHours: number, toHours: number) => ({ from: h(fromHours), to: h(toHours) });

export const WARD_BEDS = [
  { wardId: "W4", beds: 4 },
  { wardId: "ICU", beds: 2 },
];

export const ENCOUNTERS: EncounterHistory[] = [
  // p1: decided 0h, admitted 1h, bed 3h on W4, to ICU at 27h, discharge ordered 50h, left 52h (home).
  {
    encounterId: "e1",
    patientId: "p1",
    wardId: "W4",
    admitDecidedAt: h(0),
    admittedAt: h(1),
    bedAssignedAt: h(3),
    transfers: [{ at: h(27), fromWard: "W4", toWard: "ICU" }],
    dischargeOrderedAt: h(50),
    dischargedAt: h(52),
    disposition: "01",
  },
  // p2: admitted and bedded 2h on W4, discharge ordered 20h, died 26h.
  {
    encounterId: "e2",
    patientId: "p2",
    wardId: "W4",
    admittedAt: h(2),
    bedAssignedAt: h(2),
    transfers: [],
    dischargeOrderedAt: h(20),
    dischargedAt: h(26),
    disposition: "20",
  },
  // p3: decided and admitted 4h to ICU, bed 10h, still in.
  { encounterId: "e3", patientId: "p3", wardId: "ICU", admitDecidedAt: h(4), admittedAt: h(4), bedAssignedAt: h(10), transfers: [] },
  // p1 again, 5 days after leaving: W4 172h–200h (home).
  {
    encounterId: "e4",
    patientId: "p1",
    wardId: "W4",
    admittedAt: h(172),
    bedAssignedAt: h(172),
    transfers: [],
    dischargedAt: h(200),
    disposition: "01",
  },
  // p4: decided 29h, admitted 30h to W4, no bed yet.
  { encounterId: "e5", patientId: "p4", wardId: "W4", admitDecidedAt: h(29), admittedAt: h(30), transfers: [] },
];
