// The start banner: where to open the app, where devices connect, and the demo accounts.
import "server-only";
import type { Env } from "@/lib/env";
import type { MqttSide } from "./start-mqtt";
import type { DemoCredential } from "@/lib/seed/seed-demo";

export function printBanner(o: {
  env: Env;
  dbKind: string;
  mqtt: MqttSide;
  demo: DemoCredential[] | null;
  simulated: { monitors: number; equipment: number } | null;
}) {
  const lines = [
    "",
    "  IoMT Ward is running",
    `  Web        http://localhost:${o.env.PORT}`,
    `  Database   ${o.dbKind === "pglite" ? `embedded PGlite in ${o.env.dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
    `  MQTT       ${o.mqtt.mode === "embedded" ? `embedded broker on port ${o.mqtt.port} (mqtt://localhost:${o.mqtt.port})` : `external broker ${o.mqtt.url}`}`,
    `  Simulator  ${o.simulated ? `${o.simulated.monitors} bedside monitors, ${o.simulated.equipment} pumps and fridge loggers` : "off"}`,
  ];
  if (o.demo?.length) {
    lines.push("", "  Demo accounts (demo data only; passwords are unique to this installation):");
    for (const c of o.demo) lines.push(`    ${c.role.padEnd(10)} ${c.email.padEnd(22)} ${c.password}`);
  }
  lines.push("");
  console.log(lines.join("\n"));
}
