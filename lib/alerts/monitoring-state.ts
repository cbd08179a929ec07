// The alarm engine's in-memory picture of every monitored patient and device: the latest non-artifact
// reading per metric, recent CGM readings, connectivity, battery and artifact flags. Fed by bus events
// (and warmed from the database at start); read by the pure rules. No I/O.
import type { DeviceStatusEvent, VitalsEvent } from "@/lib/events";
import type { DeviceState, PatientState, Sample } from "./rule-types";

const DEVICE_HEALTH = new Set(["battery", "device_temp", "vibration", "power"]);
const GLUCOSE_HISTORY_MS = 20 * 60_000;
const GLUCOSE_HISTORY_MAX = 600;

export type PatientInfo = { wardId: string | null; spo2Scale: 1 | 2; name: string; bedLabel: string | null };

export const patientSubject = (patientId: string) => `patient:${patientId}`;
export const deviceSubject = (deviceId: string) => `device:${deviceId}`;

export class MonitoringState {
  readonly patients = new Map<string, PatientState>();
  readonly devices = new Map<string, DeviceState>();
  private readonly devicesByPatient = new Map<string, Set<string>>();

  patient(patientId: string, wardId: string | null = null): PatientState {
    let p = this.patients.get(patientId);
    if (!p) {
      p = { patientId, wardId, info: null, latest: new Map(), glucose: [] };
      this.patients.set(patientId, p);
    }
    return p;
  }

  setPatientInfo(patientId: string, info: PatientInfo): void {
    const p = this.patient(patientId, info.wardId);
    p.info = { spo2Scale: info.spo2Scale, name: info.name, bedLabel: info.bedLabel };
    p.wardId = info.wardId;
  }

  device(deviceId: string, patientId: string | null, wardId: string | null): DeviceState {
    let d = this.devices.get(deviceId);
    if (!d) {
      d = { deviceId, patientId, wardId, connectivity: null, battery: null, artifacts: new Map() };
      this.devices.set(deviceId, d);
    } else if (d.patientId !== patientId) {
      if (d.patientId) this.devicesByPatient.get(d.patientId)?.delete(deviceId);
      d.patientId = patientId;
    }
    d.wardId = wardId ?? d.wardId;
    if (patientId) {
      const set = this.devicesByPatient.get(patientId) ?? new Set<string>();
      set.add(deviceId);
      this.devicesByPatient.set(patientId, set);
    }
    return d;
  }

  devicesOf(patientId: string): DeviceState[] {
    return [...(this.devicesByPatient.get(patientId) ?? [])].flatMap((id) => this.devices.get(id) ?? []);
  }

  /** The subject a device's findings belong to: its patient, or the device alone. */
  subjectOfDevice(d: DeviceState): string {
    return d.patientId ? patientSubject(d.patientId) : deviceSubject(d.deviceId);
  }

  applyVitals(e: VitalsEvent, at: number): PatientState {
    const p = this.patient(e.patientId, e.wardId);
    if (e.wardId) p.wardId = e.wardId;
    const d = this.device(e.deviceId, e.patientId, e.wardId);
    d.connectivity = { offline: false, at };
    const artifacts = new Set<string>(e.artifacts ?? []);
    for (const [code, v] of Object.entries(e.values)) {
      if (!Number.isFinite(v)) continue;
      const flagged = artifacts.has(code);
      d.artifacts.set(code, { artifact: flagged, v, at });
      if (flagged) continue;
      const sample: Sample = { v, at, ts: e.ts, deviceId: e.deviceId };
      if (code === "battery") d.battery = sample;
      if (DEVICE_HEALTH.has(code)) continue;
      this.setLatest(p, code, sample);
    }
    return p;
  }

  /** A reading from the database (warm-up), or from a live frame. Older readings never replace newer ones. */
  setLatest(p: PatientState, code: string, sample: Sample): void {
    const prev = p.latest.get(code);
    if (!prev || prev.ts <= sample.ts) p.latest.set(code, sample);
    if (code === "glucose") this.addGlucose(p, sample);
  }

  applyStatus(e: DeviceStatusEvent, at: number): DeviceState {
    const d = this.device(e.deviceId, e.patientId, e.wardId);
    d.connectivity = { offline: e.status === "offline", at };
    if (e.patientId && e.wardId) this.patient(e.patientId, e.wardId);
    return d;
  }

  private addGlucose(p: PatientState, sample: Sample): void {
    if (p.glucose.some((g) => g.ts === sample.ts)) return;
    p.glucose.push(sample);
    p.glucose.sort((a, b) => a.ts - b.ts);
    const newest = p.glucose[p.glucose.length - 1]?.ts ?? sample.ts;
    p.glucose = p.glucose.filter((g) => newest - g.ts <= GLUCOSE_HISTORY_MS).slice(-GLUCOSE_HISTORY_MAX);
  }
}
