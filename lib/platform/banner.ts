// The start banner: where to open the app, where devices connect, and the demo accounts.
import "server-only";
import type { Env } from "@/lib/env";
import type { MqttSide } from "./start-mqtt";
import type { DemoCredential } from "@/lib/seed/seed-demo";

/** Demo passwords are printed only in demo mode (the embedded default, or SEED_DEMO=1), and never by a
 *  production server on an operator's PostgreSQL (NODE_ENV=production with DATABASE_URL): there they stay
 *  in DATA_DIR/demo-credentials.json (mode 0600), which only the operator can read. */
export function showsDemoPasswords(e: Pick<Env, "demo" | "NODE_ENV" | "DATABASE_URL">): boolean {
  if (!e.demo) return false;
  return !(e.NODE_ENV === "production" && e.DATABASE_URL);
}

export function printBanner(o: {
  env: Env;
  dbKind: string;
  mqtt: MqttSide;
  demo: DemoCredential[] | null;
  simulated: { monitors: number; equipment: number } | null;
  print?: (text: string) => void;
}) {
  const lines = [
    "",
    "  IoMT Ward is running",
    `  Web        ${o.env.TLS !== "off" || o.env.TLS_CERT ? "https" : "http"}://localhost:${o.env.PORT}`,
    `  Database   ${o.dbKind === "pglite" ? `embedded PGlite in ${o.env.dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
    `  MQTT       ${o.mqtt.mode === "embedded" ? `embedded broker on port ${o.mqtt.port} (mqtt://localhost:${o.mqtt.port}${o.mqtt.transport === "worker" ? "; on a worker thread" : ""})` : `external broker ${o.mqtt.url}`}`,
    ...(o.mqtt.tlsPort ? [`  MQTTS      mqtts://localhost:${o.mqtt.tlsPort} (device certificates: ${o.env.MQTT_CLIENT_CERTS})`] : []),
    `  Simulator  ${o.simulated ? `${o.simulated.monitors} bedside monitors, ${o.simulated.equipment} pumps and fridge loggers` : "off"}`,
  ];
  if (o.demo?.length && showsDemoPasswords(o.env)) {
    lines.push("", "  Demo accounts (demo data only; passwords are unique to this installation):");
    for (const c of o.demo) lines.push(`    ${c.role.padEnd(10)} ${c.email.padEnd(22)} ${c.password}`);
  } else if (o.demo?.length) {
    lines.push("", `  Demo accounts: passwords not shown in production; see ${o.env.dataDir}/demo-credentials.json`);
  }
  lines.push("");
  (o.print ?? console.log)(lines.join("\n"));
}
