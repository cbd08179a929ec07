// bench:alarms, live section: how long a raised alarm takes to reach every subscribed screen. Runs the
// real pipeline in-process (ingest accept path → alarm engine → alert writer → Socket.IO) on an embedded
// database, with N clinician clients on the ward, and times raise → receipt per client and alarm, plus
// frame accepted → receipt. Baseline in the same run: a plain Socket.IO broadcast to the same clients.
import "server-only";
import { openDatabase } from "@/lib/db/open-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { setDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { startAlerting } from "@/lib/alerts/start-alerting";
import { createDevice } from "@/lib/devices/manage-devices";
import { deviceDirectory } from "@/lib/devices/device-directory";
import { acceptTelemetry } from "@/lib/ingest/accept-telemetry";
import { createWardWithPatients, frameJson } from "@/test/support/fixtures";
import { createUserWithToken } from "@/test/support/principals";
import { startSocketHarness, type TestClient as Client } from "@/test/support/socket-harness";
import type { AlarmBenchSection, BenchFlags } from "./bench-section";

const CLIENTS = 20;
const PATIENTS = 48;

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

export async function alarmLatencySection(_flags: BenchFlags): Promise<AlarmBenchSection> {
  const db = await openDatabase({ inMemory: true });
  await migrateDatabase(db.sql);
  setDatabase(db);
  const { ward, patients } = await createWardWithPatients(db.prisma, PATIENTS);
  const devices = [];
  for (const p of patients) devices.push(await createDevice({ type: "bedside_monitor", patientId: p.id }));
  const alerting = await startAlerting();
  const harness = await startSocketHarness();

  const clients: Client[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const { token } = await createUserWithToken(db.prisma, "nurse", { wardIds: [ward.id] });
    const c = await harness.connect(token);
    await harness.subscribe(c, "ward", ward.id);
    clients.push(c);
  }

  // Baseline: a bare broadcast of the same size to the same clients.
  const baseline: number[] = [];
  for (const c of clients) c.on("device:status", (e) => baseline.push(Date.now() - Date.parse(e.at)));
  for (let i = 0; i < PATIENTS; i++) {
    eventBus().publish("device:status", {
      deviceId: `x${i}`,
      patientId: patients[i]!.id,
      wardId: ward.id,
      status: "online",
      at: Date.now(),
    });
    await new Promise((r) => setTimeout(r, 20));
  }

  const raiseToScreen: number[] = [];
  const frameToScreen: number[] = [];
  const sentAt = new Map<string, number>();
  for (const c of clients) {
    c.on("alert:notify", (_n, ack) => ack({ ok: true })); // as a screen does: the delivery receipt
    c.on("alert:raised", (a) => {
      const now = Date.now();
      raiseToScreen.push(now - Date.parse(a.raisedAt));
      const t = a.patientId ? sentAt.get(a.patientId) : undefined;
      if (t !== undefined) frameToScreen.push(now - t);
    });
  }
  // A systolic pressure of 60 is a critical-low alarm with no confirmation delay: one frame raises it.
  const directory = await deviceDirectory();
  let expected = 0;
  for (const [i, d] of devices.entries()) {
    const record = (await directory.get(d.id))!;
    sentAt.set(patients[i]!.id, Date.now());
    const r = await acceptTelemetry(record, frameJson(1, { bp_sys: 60, bp_dia: 40 }), { transport: "http", topic: null });
    if (r.ok) expected += CLIENTS;
    await new Promise((r) => setTimeout(r, 20));
  }
  const deadline = Date.now() + 5_000;
  while (raiseToScreen.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

  await new Promise((r) => setTimeout(r, 500)); // let delivery receipts be written
  await harness.close();
  await alerting.stop();
  await db.close();

  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const rows = [
    { measure: "alarm raised → on every client", samples: raiseToScreen.length, expected, ...stats(sorted(raiseToScreen)) },
    { measure: "frame accepted → alarm on client", samples: frameToScreen.length, expected, ...stats(sorted(frameToScreen)) },
    { measure: "baseline: bare broadcast → client", samples: baseline.length, expected: PATIENTS * CLIENTS, ...stats(sorted(baseline)) },
  ];
  const lines = [
    `${PATIENTS} alarms on one ward, ${CLIENTS} subscribed clients (target: p99 ≤ 1000 ms, none lost)`,
    "",
    ...rows.map(
      (r) =>
        `${r.measure.padEnd(36)} ${String(r.samples).padStart(5)}/${String(r.expected).padEnd(5)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  max ${r.max.toFixed(1).padStart(7)} ms`,
    ),
    "",
    `lost alarms: ${expected - raiseToScreen.length}; p99 raise → screen is ${(rows[0]!.p99 / Math.max(rows[2]!.p99, 0.1)).toFixed(1)} × the bare broadcast p99`,
  ];
  return { name: "latency", title: "Raised alarm → subscribed clients (live pipeline)", rows, lines };
}

function stats(sorted: number[]) {
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}
