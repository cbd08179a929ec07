// End-to-end tests in a real Chromium against the real app (production build, embedded database and
// broker, simulator off so the test's own device decides what the screen shows).
import fs from "node:fs";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATA_DIR = ".data/e2e";

/** A system Chromium when there is one (CHROMIUM_PATH, /usr/bin/chromium), else the one shipped by npm. */
async function chromium(): Promise<{ executablePath: string; args: string[] }> {
  const system = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p): p is string => !!p && fs.existsSync(p));
  const args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
  if (system) return { executablePath: system, args };
  const sparticuz = (await import("@sparticuz/chromium")).default;
  return {
    executablePath: await sparticuz.executablePath(),
    args: [...sparticuz.args.filter((a) => !a.startsWith("--single-process")), ...args],
  };
}

const browser = await chromium();

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    headless: true,
    launchOptions: { executablePath: browser.executablePath, args: browser.args },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && npm start`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 8 * 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATA_DIR: E2E_DATA_DIR,
      SIMULATOR: "off",
      MQTT_PORT: "0",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      SEED_DEMO: "1",
    },
  },
});
