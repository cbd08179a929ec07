// Reads one patient's portal data in four queries (readings, per-day environment aggregates, paired devices,
// open alerts) and audits the read: a patient reading their own record is audited like any other read.
// Readings are bounded: 14 days of a CGM (about 4,000 rows), a BP cuff's and inhalers' events; a ward patient's
// bedside-monitor stream is never loaded (BP only from a home cuff), and the air sensor is aggregated in SQL.
import "server-only";
import { getDatabase } from "@/lib/db/database";
import { listAlerts } from "@/lib/alerts/alert-queries";
import { recordPatientReads, type RequestMeta } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { DEVICE_TYPES, isDeviceType } from "@/lib/domain/device-types";
import { findPatient } from "@/lib/patients/patient-queries";
import type { InhalerUse } from "./asthma-view";
import type { BpReading } from "./bp-view";
import { DAY_MS } from "./local-days";
import { preparePortalView, type PortalData, type PortalView } from "./portal-view";

type ReadingRow = { code: string; value: number; ts: Date | string; device_id: string };

/** The server's offset from UTC in minutes: the portal's days are the server's days. */
export function serverTzOffsetMinutes(at = new Date()): number {
  return -at.getTimezoneOffset();
}

export async function loadPortalData(patientId: string, principal: Principal, nowMs = Date.now()): Promise<PortalData | null> {
  const patient = await findPatient(patientId);
  if (!patient) return null;
  const { sql, prisma } = await getDatabase();
  const from = new Date(nowMs - 14 * DAY_MS);
  const tz = serverTzOffsetMinutes(new Date(nowMs));
  const [rows, env, devices, alerts] = await Promise.all([
    sql.query<ReadingRow>(
      `SELECT o.code, o.value::float8 AS value, o.ts, o.device_id
         FROM observations o JOIN devices d ON d.id = o.device_id
        WHERE o.patient_id = $1 AND o.ts > $2 AND o.ts <= $3 AND NOT o.artifact
          AND (o.code = 'glucose' AND d.type = 'cgm'
               OR o.code IN ('bp_sys', 'bp_dia', 'heart_rate') AND d.type = 'bp_cuff'
               OR o.code IN ('controller_puffs', 'rescue_puffs'))
        ORDER BY o.ts, o.device_id, o.code`,
      [patientId, from, new Date(nowMs)],
    ),
    sql.query<{ day: string; max_pollen: number | null; mean_pm25: number | null }>(
      `SELECT to_char(date_trunc('day', (o.ts AT TIME ZONE 'UTC') + ($3::int * interval '1 minute')), 'YYYY-MM-DD') AS day,
              max(o.value) FILTER (WHERE o.code = 'pollen_index')::float8 AS max_pollen,
              avg(o.value) FILTER (WHERE o.code = 'pm25')::float8 AS mean_pm25
         FROM observations o
        WHERE o.patient_id = $1 AND o.ts > $2 AND o.code IN ('pollen_index', 'pm25') AND NOT o.artifact
        GROUP BY 1 ORDER BY 1`,
      [patientId, from, tz],
    ),
    prisma.device.findMany({
      where: { patientId, status: "active" },
      select: { id: true, type: true, status: true, batteryLevel: true, lastSeenAt: true, connectivity: true },
      orderBy: { id: "asc" },
    }),
    listAlerts(principal, { patientId, status: "open", limit: 50 }),
  ]);
  return {
    patient: { id: patient.id, name: patient.name },
    nowMs,
    tzOffsetMinutes: tz,
    ...splitReadings(rows),
    environment: env.map((e) => ({ day: e.day, maxPollen: e.max_pollen, meanPm25: e.mean_pm25 })),
    devices: devices.map((d) => ({
      id: d.id,
      type: d.type,
      label: isDeviceType(d.type) ? DEVICE_TYPES[d.type].label : d.type,
      status: d.status,
      batteryLevel: d.batteryLevel,
      lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
      connectivity: d.connectivity,
    })),
    alerts,
  };
}

/** Rows (time-ordered) into glucose points, BP readings (one per cuff frame) and inhaler uses. */
export function splitReadings(rows: readonly ReadingRow[]): Pick<PortalData, "glucose" | "bp" | "inhaler"> {
  const glucose: PortalData["glucose"] = [];
  const inhaler: InhalerUse[] = [];
  const cuff = new Map<string, Partial<BpReading> & { t: number }>();
  for (const r of rows) {
    const t = new Date(r.ts).getTime();
    if (r.code === "glucose") glucose.push({ t, v: r.value });
    else if (r.code === "controller_puffs") inhaler.push({ t, role: "controller", puffs: r.value });
    else if (r.code === "rescue_puffs") inhaler.push({ t, role: "rescue", puffs: r.value });
    else {
      const key = `${r.device_id}@${t}`;
      const b = cuff.get(key) ?? { t };
      if (r.code === "bp_sys") b.sys = r.value;
      else if (r.code === "bp_dia") b.dia = r.value;
      else b.pulse = r.value;
      cuff.set(key, b);
    }
  }
  const bp: BpReading[] = [];
  for (const b of cuff.values())
    if (b.sys !== undefined && b.dia !== undefined) bp.push({ t: b.t, sys: b.sys, dia: b.dia, pulse: b.pulse ?? null });
  return { glucose, bp, inhaler };
}

/** The signed-in patient's portal, audited as a read of their record; null when the account has no patient. */
export async function loadOwnPortal(principal: Principal, meta: RequestMeta, action = "portal.view"): Promise<PortalView | null> {
  if (principal.role !== "patient" || !principal.patientId) return null;
  const data = await loadPortalData(principal.patientId, principal);
  if (!data) return null;
  await recordPatientReads(principal, action, [data.patient.id], meta);
  return preparePortalView(data);
}
