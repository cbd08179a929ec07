import { defineConfig } from "@playwright/test";
export default defineConfig({
  testDir: "e2e",
  timeout: 300_000,
  expect: { timeout: 60_000 },
  workers: 1,
  reporter: [["list"]],
  use: { baseURL: "http://localhost:3311", headless: true, launchOptions: { executablePath: "/tmp/chromium", args: ["--no-sandbox", "--disable-gpu", "--no-zygote", "--use-gl=swiftshader", "--disable-dev-shm-usage", "--headless=new"] }, trace: "off", screenshot: "only-on-failure", navigationTimeout: 120_000, actionTimeout: 60_000 },
});
