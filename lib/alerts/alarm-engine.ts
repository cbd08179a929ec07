// The alarm engine: a thin stateful runner around the pure core. Each frame or connectivity event
// updates the in-memory picture and re-evaluates that one patient (NEWS2, limits, CGM, technical rules; a
// late complete set of observations is also scored as of its own time for the NEWS2 trend: charted-news2);
// equipment readings (pumps, environment sensors) re-evaluate that one device (maintenance, excursions,
// logger gaps); a one-second tick re-evaluates everyone so clock-confirmed rules (NEWS2) confirm,
// readings age out and silent loggers are noticed.
// Transitions go to a sink (the AlertWriter) that stores before announcing. From the bus, events are
// only queued (submit*) and processed on the next turn of the event loop, each patient evaluated once
// per batch, so ingest never waits for the engine; every handler is guarded so the bus emitter never
// sees an exception.
import "server-only";
import type { AlertUpdate, DeviceStatusEvent, EquipmentReadingsEvent, News2Event, VitalsEvent } from "@/lib/events";
import { chartedNews2 } from "./charted-news2";
import { ConditionTracker } from "./confirm-conditions";
import { EquipmentAlarms } from "./equipment-alarms";
import type { EnvironmentRecord } from "@/lib/environment/excursion-log";
import type { EquipmentInfo } from "./equipment-watch";
import { evaluatePatient } from "./evaluate-rules";
import type { LimitBook } from "./limit-book";
import { LiveNews2, type StoredNews2 } from "./live-news2";
import { MonitoringState, deviceSubject, patientSubject, type PatientInfo } from "./monitoring-state";
import { openKeyFor, type Finding } from "./rule-types";
import { TrendWatch } from "./trend-rules";

export type AlarmEngineDeps = {
  now: () => number;
  news2WindowMs: number;
  limits: LimitBook;
  sink: { raise(f: Finding): void; clear(f: Finding): void };
  publishNews2: (e: News2Event) => void;
  storeNews2: (s: StoredNews2) => void;
  /** Loads a patient the engine has not seen (SpO2 scale, ward, name, bed). */
  loadPatientInfo: (patientId: string) => Promise<PatientInfo | null>;
  /** Loads a watched device the engine has not seen (type, environment profile, location, ward). */
  loadEquipmentInfo: (deviceId: string) => Promise<EquipmentInfo | null>;
  /** The environment compliance log (excursions and logger gaps). */
  recordEnvironment: (r: EnvironmentRecord) => void;
};

const INFO_RETRY_MS = 5_000;

export class AlarmEngine {
  readonly state = new MonitoringState();
  readonly tracker = new ConditionTracker();
  private readonly trends = new TrendWatch();
  private readonly news2: LiveNews2;
  private readonly infoRequested = new Map<string, number>();
  readonly equipment: EquipmentAlarms;

  private queue: (
    { kind: "vitals"; e: VitalsEvent } | { kind: "status"; e: DeviceStatusEvent } | { kind: "equipment"; e: EquipmentReadingsEvent }
  )[] = [];
  private drainScheduled = false;
  /** Normal findings are built only for conditions the tracker holds (see NormalWanted). */
  private readonly tracked = (key: string) => this.tracker.isTracked(key);

  constructor(private readonly deps: AlarmEngineDeps) {
    this.news2 = new LiveNews2({ windowMs: deps.news2WindowMs });
    this.equipment = new EquipmentAlarms({
      now: deps.now,
      apply: (subject, findings) => this.guard("equipment evaluation", () => this.applyTransitions(this.tracker.apply(subject, findings))),
      loadInfo: deps.loadEquipmentInfo,
      record: deps.recordEnvironment,
    });
  }

  /** From the bus: queue a frame; it is processed on the next turn of the event loop. */
  submitVitals(e: VitalsEvent): void {
    this.enqueue({ kind: "vitals", e });
  }

  submitStatus(e: DeviceStatusEvent): void {
    this.enqueue({ kind: "status", e });
  }

  submitEquipment(e: EquipmentReadingsEvent): void {
    this.enqueue({ kind: "equipment", e });
  }

  /** Processes everything queued now: the state first, then each touched patient once. */
  drainQueue(): void {
    this.drainScheduled = false;
    const items = this.queue;
    this.queue = [];
    const dirty = new Set<string>();
    const dirtyDevices = new Set<string>();
    const now = this.deps.now();
    for (const item of items) {
      this.guard(item.kind, () => {
        if (item.kind === "vitals" && item.e.late) {
          // An uploaded backlog's complete set: scored as of its own time for the NEWS2 trend, nothing else.
          const info = this.state.patients.get(item.e.patientId)?.info;
          const charted = chartedNews2(item.e, info?.spo2Scale ?? null, now, this.deps.news2WindowMs);
          if (charted) this.deps.storeNews2(charted);
        } else if (item.kind === "vitals") {
          const p = this.state.applyVitals(item.e, now);
          dirty.add(p.patientId);
          this.trends.observe(item.e);
          const charted = chartedNews2(item.e, p.info?.spo2Scale ?? null, now, this.deps.news2WindowMs);
          if (charted) this.deps.storeNews2(charted);
        } else if (item.kind === "equipment") {
          const id = this.equipment.observe(item.e);
          if (id) dirtyDevices.add(id);
        } else {
          // Technical alarms are for devices on a patient (an unmonitored patient); the device registry
          // shows the connectivity of every other device.
          const d = this.state.applyStatus(item.e, now);
          if (d.patientId) dirty.add(d.patientId);
        }
      });
    }
    for (const id of dirty) {
      this.guard("evaluation", () => {
        this.ensureInfo(id);
        this.assessPatient(id);
      });
    }
    for (const id of dirtyDevices) this.equipment.evaluate(id);
  }

  private enqueue(item: AlarmEngine["queue"][number]): void {
    this.queue.push(item);
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    setImmediate(() => this.drainQueue());
  }

  /** A clinician resolved an alert by hand: its condition must be seen anew before it raises again. */
  handleAlertChanged(u: AlertUpdate): void {
    this.guard("alert:changed", () => {
      if (u.change !== "resolved" || u.actor === null) return;
      const { rule, patientId, deviceId } = u.alert;
      const subject = patientId ? patientSubject(patientId) : deviceSubject(deviceId ?? "-");
      this.tracker.rearm(openKeyFor(rule, patientId, deviceId), subject, this.deps.now());
    });
  }

  setPatientInfo(patientId: string, info: PatientInfo): void {
    this.state.setPatientInfo(patientId, info);
  }

  /** Re-evaluates every patient and every watched device. */
  tick(): void {
    this.guard("tick", () => {
      for (const id of this.state.patients.keys()) this.assessPatient(id);
    });
    this.guard("equipment tick", () => this.equipment.tick());
  }

  /** Scores the patient's NEWS2 (published and stored as due), evaluates the rules and applies the transitions. */
  private assessPatient(patientId: string): void {
    const p = this.state.patients.get(patientId);
    if (!p) return;
    const now = this.deps.now();
    const decision = this.news2.update(p, now);
    if (decision?.publish) this.deps.publishNews2(decision.publish);
    if (decision?.store) this.deps.storeNews2(decision.store);
    const findings = evaluatePatient(p, this.state.devicesOf(patientId), {
      now,
      limitsFor: this.deps.limits.forPatient(p),
      news2: decision?.result ?? null,
      wanted: this.tracked,
    });
    const trend = this.trends.findingFor(p, now);
    if (trend) findings.push(trend);
    this.applyTransitions(this.tracker.apply(patientSubject(patientId), findings));
  }

  private applyTransitions(transitions: ReturnType<ConditionTracker["apply"]>): void {
    for (const t of transitions) {
      if (t.kind === "raise") this.deps.sink.raise(t.finding);
      else this.deps.sink.clear(t.finding);
    }
  }

  private ensureInfo(patientId: string): void {
    const p = this.state.patients.get(patientId);
    if (!p || p.info) return;
    const last = this.infoRequested.get(patientId);
    const now = this.deps.now();
    if (last !== undefined && now - last < INFO_RETRY_MS) return;
    this.infoRequested.set(patientId, now);
    this.deps
      .loadPatientInfo(patientId)
      .then((info) => {
        if (!info) return;
        this.state.setPatientInfo(patientId, info);
        this.infoRequested.delete(patientId);
        this.guard("patient info", () => this.assessPatient(patientId));
      })
      .catch((err: unknown) => console.error(`[alerts] loading patient ${patientId} failed:`, err instanceof Error ? err.message : err));
  }

  private guard(what: string, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      console.error(`[alerts] ${what} handler failed:`, err);
    }
  }
}
