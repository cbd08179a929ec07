// The one Node process: Next.js, Socket.IO, the MQTT side, the CLI control channel, clinical alerting
// and the demo simulator. Start-up order follows the data: database -> alerting (engine + escalation
// scheduler, subscribed before the first frame) -> broker -> web + sockets -> simulator.
// With REDIS_URL (several app nodes): Socket.IO fans out through Redis, and alerting runs on the one node
// holding the alerting lead, fed with every node's frames (lib/socket/cluster-feed, lib/alerts/alerting-lead).
import next from "next";
import { env } from "@/lib/env";
import { authSecret } from "@/lib/auth/auth-secret";
import { getDatabase } from "@/lib/db/database";
import { DataDirBusyError } from "@/lib/db/data-dir-lock";
import { seedDemo } from "@/lib/seed/seed-demo";
import { startMqtt } from "@/lib/platform/start-mqtt";
import { startDemoSimulator } from "@/lib/platform/start-simulator";
import { startAlerting } from "@/lib/alerts/start-alerting";
import { startAi } from "@/lib/ai/start-ai";
import { startAssetTracking } from "@/lib/asset-tracking/start-asset-tracking";
import { holdAlertingLead } from "@/lib/alerts/alerting-lead";
import { shareEngineFeed } from "@/lib/socket/cluster-feed";
import { connectClusterAdapter } from "@/lib/socket/cluster-adapter";
import { startConnectivityMonitor } from "@/lib/devices/connectivity-monitor";
import { attachSocketServer } from "@/lib/socket/socket-server";
import { stampClientAddress } from "@/lib/net/client-address";
import { serveTelemetryDirect } from "@/lib/http/telemetry-fast-path";
import { startControlChannel } from "@/lib/cli/control-channel";
import { runCliCommand } from "@/lib/cli/commands";
import { printBanner } from "@/lib/platform/banner";
import { startHospitalOperations } from "@/lib/hl7-inbound/start-hospital-operations";
import { setProcessSingleton } from "@/lib/process-singleton";
import type { RuntimeInfo } from "@/lib/platform/health";
import { startTransport } from "@/lib/transport/start-transport";
import { encryptAtRest } from "@/lib/patients/phi-at-rest";
import { startNotify } from "@/lib/notify/start-notify";

async function main() {
  const e = env();
  const dev = e.NODE_ENV !== "production";
  process.env.NEXTAUTH_SECRET ||= authSecret();
  const transport = await startTransport(e);
  process.env.NEXTAUTH_URL ||= `${transport.protocol}://localhost:${e.PORT}`;
  process.env.NEXT_TELEMETRY_DISABLED ||= "1";

  const db = await getDatabase();
  const demo = e.demo ? await seedDemo(e.dataDir) : null;
  await encryptAtRest(db.sql); // PHI at rest: rows written before encryption (seed, older installs)
  const ai = await startAi(); // seeds prompts and prices, releases budget reservations left by a crash
  const cluster = e.REDIS_URL ? await connectClusterAdapter(e.REDIS_URL, console.log) : null;
  const lead =
    cluster && e.DATABASE_URL
      ? await holdAlertingLead({ databaseUrl: e.DATABASE_URL, start: () => startAlerting(), log: console.log })
      : null;
  const alerting = lead ? null : await startAlerting();
  const notify = await startNotify(); // Web Push and e-mail for the notifications this node's alerting raises
  const stopConnectivity = await startConnectivityMonitor();
  const assetTracking = await startAssetTracking();
  const mqtt = await startMqtt(e, console.log, transport.tls);

  const app = next({ dev, hostname: "localhost", port: e.PORT, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = transport.createWebServer((req, res) => void (serveTelemetryDirect(stampClientAddress(req), res) || handle(req, res)));
  const sockets = attachSocketServer(server, { adapter: cluster?.adapter });
  const stopFeed = lead ? shareEngineFeed(sockets.io, () => lead.current()) : () => undefined;
  if (dev) {
    // Next's dev server needs its own websocket (HMR); Socket.IO handles /socket.io itself.
    const upgrade = app.getUpgradeHandler();
    server.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/socket.io")) void upgrade(req, socket, head);
    });
  }
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(e.PORT, e.HOST, resolve);
  });

  await transport.listenRedirect();
  const control = await startControlChannel(e.dataDir, runCliCommand);
  const hospital = await startHospitalOperations();
  const simulator = e.simulator ? await startDemoSimulator(mqtt.url, (m) => console.log(`[simulator] ${m}`)) : null;
  setProcessSingleton<RuntimeInfo>("runtimeInfo", {
    mqtt: { mode: mqtt.mode, url: mqtt.url },
    simulator: !!simulator,
    startedAt: new Date().toISOString(),
  });
  printBanner({
    env: e,
    dbKind: db.sql.kind,
    mqtt,
    demo: demo?.credentials ?? null,
    simulated: simulator ? { monitors: simulator.monitorCount, equipment: simulator.equipmentCount } : null,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[server] ${signal}: stopping…`);
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await simulator?.stop();
    await hospital.stop();
    await mqtt.close(); // stops intake; frames in flight finish writing
    await stopConnectivity();
    await assetTracking.stop();
    stopFeed();
    await (lead ? lead.stop() : alerting?.stop()); // alarms and NEWS2 rows still queued are written
    await notify.stop();
    await sockets.close();
    await cluster?.close();
    await control.close();
    await transport.close();
    await app.close?.();
    await ai.stop(); // AI calls answered but not yet settled are settled
    await db.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err: Error) => {
  if (err instanceof DataDirBusyError) {
    console.error(`\n${err.message}\nIs the app already running? Stop it first, or use another DATA_DIR.\n`);
  } else {
    console.error("\nThe app could not start:\n", err.stack ?? err.message);
  }
  process.exit(1);
});
