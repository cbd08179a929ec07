// The asset map's running part in this process: one location service per database (perDatabase), loaded
// from storage, following floor, gateway, tag and device changes on the bus, ticking once a second, and
// raising asset alerts through an AlertWriter of lib/alerts. server.ts calls startAssetTracking(); ingest
// (MQTT, HTTP) reaches the same instance through locationService().
import "server-only";
import { perDatabase } from "@/lib/db/database";
import { eventBus } from "@/lib/bus/event-bus";
import { AlertWriter } from "@/lib/alerts/alert-writer";
import { alertingConfig } from "@/lib/alerts/alerting-config";
import { processSingleton } from "@/lib/process-singleton";
import { LocationService } from "./location-service";
import { soilDischargedAssets } from "./soil-discharged";

type Running = { service: Promise<LocationService>; timer: NodeJS.Timeout | null; off: (() => void)[] };

const TICK_MS = 1_000;
const RELOAD_DEBOUNCE_MS = 250;

/** The location service of the current database, loaded (created on first use, alerts on). */
export function locationService(): Promise<LocationService> {
  return perDatabase("assetLocationService", (db) => {
    const bus = eventBus();
    const alerts = new AlertWriter({ sql: db.sql, bus, now: Date.now, escalationMs: alertingConfig().escalationMs });
    const service = new LocationService({ sql: db.sql, bus, alerts, log: (m) => console.warn(m) });
    const running: Running = { service: service.load().then(() => service), timer: null, off: [] };
    let reload: NodeJS.Timeout | null = null;
    const scheduleReload = () => {
      if (reload) return;
      reload = setTimeout(() => {
        reload = null;
        service.load().catch((err: Error) => console.error("[assets] reloading the layout failed:", err.message));
      }, RELOAD_DEBOUNCE_MS);
    };
    running.off.push(bus.subscribe("asset:layout", scheduleReload));
    running.off.push(bus.subscribe("device:changed", scheduleReload));
    running.off.push(
      bus.subscribe("patient:discharged", (e) => {
        void running.service
          .then((s) => soilDischargedAssets(s, e))
          .catch((err: Error) => console.error("[assets] marking discharged assets failed:", err.message));
      }),
    );
    processSingleton<Running[]>("assetTrackingRuns", () => []).push(running);
    return running;
  }).then((r) => r.service);
}

/** Starts the once-a-second tick (missing, settling, par levels). Returns stop(), which drains the writers. */
export async function startAssetTracking(): Promise<{ stop(): Promise<void> }> {
  const service = await locationService();
  const timer = setInterval(() => {
    try {
      service.tick();
    } catch (err) {
      console.error("[assets] tick failed:", err instanceof Error ? err.message : err);
    }
  }, TICK_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      for (const r of processSingleton<Running[]>("assetTrackingRuns", () => [])) for (const off of r.off) off();
      await service.drain();
    },
  };
}
