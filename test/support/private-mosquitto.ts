// A private Mosquitto with the dynamic-security plugin, on a free loopback port, for tests of
// broker-enforced device credentials. Uses the machine's mosquitto binary (Debian package).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const DYNSEC_PLUGIN = "/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so";

export function mosquittoAvailable(): boolean {
  return spawnSync("mosquitto", ["-h"]).error === undefined && fs.existsSync(DYNSEC_PLUGIN);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export type PrivateMosquitto = { url: string; admin: { username: string; password: string }; stop(): Promise<void> };

export async function startPrivateMosquitto(): Promise<PrivateMosquitto> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mosq-"));
  const admin = { username: "iomt-admin", password: "admin-secret-for-tests" };
  const init = spawnSync("mosquitto_ctrl", ["dynsec", "init", path.join(dir, "dynsec.json"), admin.username, admin.password], {
    encoding: "utf8",
  });
  if (init.status !== 0) throw new Error(`mosquitto_ctrl dynsec init failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, "mosquitto.conf"),
    [
      `listener ${port} 127.0.0.1`,
      "allow_anonymous false",
      "user root",
      `plugin ${DYNSEC_PLUGIN}`,
      `plugin_opt_config_file ${path.join(dir, "dynsec.json")}`,
      "",
    ].join("\n"),
  );
  const proc: ChildProcess = spawn("mosquitto", ["-c", path.join(dir, "mosquitto.conf")], { stdio: "ignore" });
  const deadline = Date.now() + 5000;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => (s.end(), resolve(true)));
      s.on("error", () => resolve(false));
    });
    if (ok) break;
    if (Date.now() > deadline) throw new Error("private mosquitto did not start");
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `mqtt://127.0.0.1:${port}`,
    admin,
    async stop() {
      proc.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 100));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
