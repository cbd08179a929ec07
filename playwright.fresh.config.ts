// The fresh-start suite (e2e-fresh/): the app as a newcomer meets it, with the simulator ON and the demo
// seeded on an empty data directory, signed in as each demo role within the first minutes. Same Chromium as
// playwright.config.ts; its own port and data directory, so it runs after the main suite (npm run test:e2e).
// Full-page screenshots per role go to e2e-artifacts/ (kept by CI).
import { defineConfig } from "@playwright/test";
import { chromium } from "./e2e/chromium";

const PORT = Number(process.env.E2E_FRESH_PORT ?? 3220);
export const E2E_FRESH_DATA_DIR = ".data/e2e-fresh";

const browser = await chromium();

export default defineConfig({
  testDir: "e2e-fresh",
  // The nurse waits (bounded) for the scripted deterioration; the others for the uploaded day.
  timeout: 10 * 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    headless: true,
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: browser.executablePath, args: browser.args },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: `rm -rf ${E2E_FRESH_DATA_DIR} && npm start`,
    url: `http://localhost:${PORT}/api/health`,
    // The first start builds the app (a few minutes; longer on a loaded machine).
    timeout: Number(process.env.E2E_WEBSERVER_TIMEOUT_MS ?? 8 * 60_000),
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATA_DIR: E2E_FRESH_DATA_DIR,
      SIMULATOR: "on",
      SEED_DEMO: "1",
      MQTT_PORT: "0",
      // Always the embedded database: a fresh start means an empty one (E2E_DATABASE_URL is for the main suite).
      DATABASE_URL: "",
    },
  },
});
