// End-to-end tests in a real Chromium against the real app (production build, embedded database and
// broker, simulator off so the test's own device decides what the screen shows).
import { defineConfig } from "@playwright/test";
import { chromium } from "./e2e/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATA_DIR = ".data/e2e";

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
