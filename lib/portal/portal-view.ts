// lib/portal owns the patient portal's data (issue 15): what a signed-in patient's own home readings
// mean, computed from a few queries (lib/portal/load-portal) by pure, unit-tested prepare functions:
// glucose time in range and AGP, home blood pressure averages, controller adherence, rescue use and its
// link to environmental triggers, paired devices, and the patient's own alerts with what to do.
// This file joins them into the one view model the portal's pages render (client-safe: no I/O).
import type { AlertView } from "@/lib/events";
import { adviceFor, type AlertAdvice } from "./alert-advice";
import { prepareAsthmaView, type AsthmaView, type EnvDay, type InhalerUse } from "./asthma-view";
import { prepareBpView, type BpReading, type BpView } from "./bp-view";
import { prepareGlucoseView, type GlucoseView, type TimedValue } from "./glucose-view";

export type PortalDevice = {
  id: string;
  type: string;
  label: string;
  status: string;
  batteryLevel: number | null;
  lastSeenAt: string | null;
  connectivity: string;
};

/** What load-portal reads for one patient. */
export type PortalData = {
  patient: { id: string; name: string };
  nowMs: number;
  tzOffsetMinutes: number;
  glucose: TimedValue[];
  bp: BpReading[];
  inhaler: InhalerUse[];
  environment: EnvDay[];
  devices: PortalDevice[];
  alerts: AlertView[];
};

export type PortalProgram = "diabetes" | "hypertension" | "asthma";
export type PortalAlert = AlertView & { advice: AlertAdvice };

export type PortalView = {
  patient: { id: string; name: string };
  generatedAt: string;
  tzOffsetMinutes: number;
  /** The programs the patient has data (or a paired device) for, in display order. */
  programs: PortalProgram[];
  glucose: GlucoseView | null;
  bp: BpView | null;
  asthma: AsthmaView | null;
  devices: PortalDevice[];
  alerts: PortalAlert[];
};

const PROGRAM_DEVICE: Record<PortalProgram, readonly string[]> = {
  diabetes: ["cgm"],
  hypertension: ["bp_cuff"],
  asthma: ["smart_inhaler", "home_air_sensor"],
};

export function withAdvice(a: AlertView): PortalAlert {
  return { ...a, advice: adviceFor(a.rule) };
}

export function preparePortalView(d: PortalData): PortalView {
  const hasDevice = (p: PortalProgram) => d.devices.some((x) => PROGRAM_DEVICE[p].includes(x.type));
  const has: Record<PortalProgram, boolean> = {
    diabetes: d.glucose.length > 0 || hasDevice("diabetes"),
    hypertension: d.bp.length > 0 || hasDevice("hypertension"),
    asthma: d.inhaler.length > 0 || hasDevice("asthma"),
  };
  const programs = (["diabetes", "hypertension", "asthma"] as const).filter((p) => has[p]);
  return {
    patient: d.patient,
    generatedAt: new Date(d.nowMs).toISOString(),
    tzOffsetMinutes: d.tzOffsetMinutes,
    programs,
    glucose: has.diabetes ? prepareGlucoseView(d.glucose, d.nowMs, d.tzOffsetMinutes) : null,
    bp: has.hypertension ? prepareBpView(d.bp, d.nowMs, d.tzOffsetMinutes) : null,
    asthma: has.asthma ? prepareAsthmaView(d.inhaler, d.environment, d.nowMs, d.tzOffsetMinutes) : null,
    devices: d.devices,
    // Open ones first (unacknowledged before acknowledged), then the newest.
    alerts: [...d.alerts].sort((a, b) => openRank(a) - openRank(b) || Date.parse(b.raisedAt) - Date.parse(a.raisedAt)).map(withAdvice),
  };
}

function openRank(a: AlertView): number {
  return a.state === "active" ? 0 : a.state === "acknowledged" ? 1 : 2;
}
