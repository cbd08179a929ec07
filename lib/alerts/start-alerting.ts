// Starts clinical alerting in this process: warms the alarm engine from the database (patients, and the
// equipment's recent readings), subscribes it to the bus (frames, equipment readings, connectivity, device
// and alert changes, limit changes), ticks it every second, refreshes patients and limits every minute,
// runs the escalation scheduler and writes the environment compliance log. Start it before ingest so no frame is
// missed; stop it after ingest has stopped so every alarm and NEWS2 row is written.
import "server-only";
import { getDatabase } from "@/lib/db/database";
import { eventBus, type BusEvents } from "@/lib/bus/event-bus";
import { ENGINE_FEED_EVENTS, type EngineFeedEvent, type EngineFeedMessage } from "@/lib/bus/engine-feed";
import { processSingleton } from "@/lib/process-singleton";
import { AlarmEngine } from "./alarm-engine";
import { alertingConfig, type AlertingConfig } from "./alerting-config";
import { AlertWriter } from "./alert-writer";
import { EscalationScheduler } from "./escalation-scheduler";
import { escalateDueAlerts, nextEscalationDue } from "./escalate-alert";
import { LimitBook } from "./limit-book";
import { loadLimitRows, loadPatientInfos, warmEngine } from "./load-monitoring";
import { loadEquipmentInfos, warmEquipment } from "./load-equipment";
import { ExcursionLog } from "@/lib/environment/excursion-log";
import { News2Writer } from "./news2-writer";

export type Alerting = {
  engine: AlarmEngine;
  scheduler: EscalationScheduler;
  writer: AlertWriter;
  excursions: ExcursionLog;
  /** An engine event from another app node (lib/socket/cluster-feed); this node's own arrive on its bus. */
  accept(m: EngineFeedMessage): void;
  stop(): Promise<void>;
};

type FeedHandlers = { [K in EngineFeedEvent]: (payload: BusEvents[K][0]) => void };

const TICK_MS = 1_000;
const REFRESH_MS = 60_000;

export async function startAlerting(opts: { config?: AlertingConfig; now?: () => number; tickMs?: number } = {}): Promise<Alerting> {
  const running = processSingleton<{ current: Alerting | null }>("alerting", () => ({ current: null }));
  if (running.current) return running.current;
  const config = opts.config ?? alertingConfig();
  const now = opts.now ?? Date.now;
  const { sql } = await getDatabase();
  const bus = eventBus();
  const limits = new LimitBook();
  limits.replaceAll(await loadLimitRows(sql));
  const writer = new AlertWriter({ sql, bus, now, escalationMs: config.escalationMs });
  const news2Writer = new News2Writer(sql);
  const excursions = new ExcursionLog(sql);
  const engine = new AlarmEngine({
    now,
    news2WindowMs: config.news2WindowMs,
    limits,
    sink: writer,
    publishNews2: (e) => bus.publish("news2", e),
    storeNews2: (s) => news2Writer.add(s),
    loadPatientInfo: async (id) => (await loadPatientInfos(sql, [id])).get(id) ?? null,
    loadEquipmentInfo: async (id) => (await loadEquipmentInfos(sql, [id]))[0] ?? null,
    recordEnvironment: (r) => excursions.record(r),
  });
  await warmEngine(sql, engine, { windowMs: config.news2WindowMs, now: now() });
  await warmEquipment(sql, engine, now());

  const scheduler = new EscalationScheduler({
    runDue: (at) => escalateDueAlerts(sql, at, { escalationMs: config.escalationMs, bus }),
    nextDueAt: () => nextEscalationDue(sql),
    now,
  });

  const reloadLimits = () =>
    loadLimitRows(sql).then(
      (rows) => limits.replaceAll(rows),
      (err: unknown) => console.error("[alerts] reloading alarm limits failed:", err instanceof Error ? err.message : err),
    );
  const refresh = async () => {
    try {
      for (const [id, info] of await loadPatientInfos(sql)) engine.setPatientInfo(id, info);
    } catch (err) {
      console.error("[alerts] refreshing patients failed:", err instanceof Error ? err.message : err);
    }
    await reloadLimits();
  };

  const handlers: FeedHandlers = {
    vitals: (e) => engine.submitVitals(e),
    "device:status": (e) => engine.submitStatus(e),
    "equipment:readings": (e) => engine.submitEquipment(e),
    "device:changed": ({ deviceId }) => engine.equipment.refresh(deviceId),
    "alert:changed": (u) => {
      engine.handleAlertChanged(u);
      if (u.change === "raised" && u.alert.deviceId) excursions.linkAlert(u.alert.deviceId, u.alert.id, u.alert.rule);
      scheduler.poke(u.alert.nextEscalationAt);
    },
    "alarm-limits:changed": () => void reloadLimits(),
  };
  const accept = (m: EngineFeedMessage) => (handlers[m.event] as (p: EngineFeedMessage["payload"]) => void)(m.payload);
  const offs = ENGINE_FEED_EVENTS.map((event) =>
    bus.subscribe(event, (payload: EngineFeedMessage["payload"]) => accept({ event, payload } as EngineFeedMessage)),
  );
  const tick = setInterval(() => engine.tick(), opts.tickMs ?? TICK_MS);
  const refresher = setInterval(() => void refresh(), REFRESH_MS);
  scheduler.start();

  const alerting: Alerting = {
    engine,
    scheduler,
    writer,
    excursions,
    accept,
    async stop() {
      for (const off of offs) off();
      engine.drainQueue();
      clearInterval(tick);
      clearInterval(refresher);
      await scheduler.stop();
      const timeout = new Promise<void>((r) => setTimeout(r, 5_000).unref());
      await Promise.race([Promise.all([writer.drain(), excursions.drain()]), timeout]);
      writer.stop();
      excursions.stop();
      await news2Writer.close();
      running.current = null;
    },
  };
  running.current = alerting;
  return alerting;
}
