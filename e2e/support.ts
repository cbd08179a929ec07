// Helpers for the end-to-end tests: demo credentials, signing in, the CLI, and a real MQTT device.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import mqtt from "mqtt";
import { expect, type Page, type APIRequestContext } from "@playwright/test";

const DATA_DIR = ".data/e2e";

export function demoAccount(email: string): { email: string; password: string } {
  const creds = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "demo-credentials.json"), "utf8")) as { email: string; password: string }[];
  const account = creds.find((c) => c.email === email);
  if (!account) throw new Error(`no demo account ${email}`);
  return account;
}

export async function signIn(page: Page, email: string) {
  const { password } = demoAccount(email);
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Runs `npm run cli -- ... --json` against the running app (it forwards to it). */
export function cli<T>(...args: string[]): T {
  const out = execFileSync("npm", ["run", "-s", "cli", "--", ...args, "--json"], { env: { ...process.env, DATA_DIR }, encoding: "utf8" });
  return JSON.parse(out) as T;
}

export async function mqttUrl(request: APIRequestContext): Promise<string> {
  const health = (await (await request.get("/api/health")).json()) as { mqtt: { url: string } };
  return health.mqtt.url;
}

/** Publishes frames one by one (QoS 1), each stamped now unless it carries its own `ts` (a logger's backlog). */
export async function publishFrames(
  url: string,
  device: { id: string; secret: string },
  frames: { seq: number; values: Record<string, number>; ts?: Date }[],
) {
  const client = await mqtt.connectAsync(url, { clientId: device.id, username: device.id, password: device.secret, reconnectPeriod: 0 });
  try {
    for (const f of frames) {
      await client.publishAsync(
        `devices/${device.id}/telemetry`,
        JSON.stringify({ seq: f.seq, ts: (f.ts ?? new Date()).toISOString(), values: f.values }),
        { qos: 1 },
      );
    }
  } finally {
    await client.endAsync();
  }
}

/** A device that stays connected and publishes one frame at a time (e.g. every second), stamped now. */
export async function connectDevice(url: string, device: { id: string; secret: string }) {
  const client = await mqtt.connectAsync(url, { clientId: device.id, username: device.id, password: device.secret, reconnectPeriod: 0 });
  return {
    publish: (seq: number, values: Record<string, number>) =>
      client.publishAsync(`devices/${device.id}/telemetry`, JSON.stringify({ seq, ts: new Date().toISOString(), values }), { qos: 1 }),
    close: () => client.endAsync(),
  };
}
