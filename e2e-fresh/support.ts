// Helpers for the fresh-start suite: the demo accounts of its own data directory, signing in, finding a demo
// patient, waiting for the uploaded day to reach the charts, and the per-role screenshot kept by CI.
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

const DATA_DIR = ".data/e2e-fresh";
export const ARTIFACTS_DIR = "e2e-artifacts";
const MIN = 60_000;

export async function signIn(page: Page, email: string): Promise<void> {
  const creds = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "demo-credentials.json"), "utf8")) as { email: string; password: string }[];
  const account = creds.find((c) => c.email === email);
  if (!account) throw new Error(`no demo account ${email}`);
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** When the app under test started (GET /api/health). */
export async function appStartedAt(page: Page): Promise<number> {
  const health = (await (await page.request.get("/api/health")).json()) as { startedAt: string | null; simulator: boolean };
  expect(health.simulator, "the fresh-start suite runs with the simulator on").toBe(true);
  return health.startedAt ? Date.parse(health.startedAt) : Date.now();
}

type PatientRow = { id: string; bed: string | null; ward: { id: string; code: string } | null };

/** A patient in the caller's scope by ward code and bed label (the session's own API). */
export async function findPatient(page: Page, ward: string, bed: string): Promise<PatientRow> {
  const res = await page.request.get("/api/v1/patients");
  expect(res.status()).toBe(200);
  const { patients } = (await res.json()) as { patients: PatientRow[] };
  const p = patients.find((x) => x.ward?.code === ward && x.bed === bed);
  if (!p) throw new Error(`no patient at ${ward}/${bed} in scope`);
  return p;
}

const TRENDS = ["heart_rate", "spo2", "resp_rate", "bp", "temp", "news2"] as const;

/** "1,234 values stored · 300 drawn" under a trend → 1234 (0 while loading or empty). */
async function storedValues(page: Page, trend: string): Promise<number> {
  const footnote = page.getByTestId(`trend-${trend}`).getByText(/values stored/);
  if ((await footnote.count()) === 0) return 0;
  const m = /^\s*([\d,]+) values stored/.exec((await footnote.first().textContent()) ?? "");
  return m ? Number(m[1]!.replace(/,/g, "")) : 0;
}

/**
 * Opens the patient page (default range) until the uploaded day has reached it (the pulse trend holds hours
 * of readings, not minutes), then checks every trend draws a line and none says it has no readings.
 */
export async function expectPatientChartsHavePoints(page: Page, patientPath: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.goto(patientPath);
        await expect(page.getByTestId("trend-heart_rate")).not.toContainText("Loading");
        return storedValues(page, "heart_rate");
      },
      { timeout: 4 * MIN, intervals: [5_000, 10_000] },
    )
    // one reading a minute for the hours of the default range: far more than the live minutes alone give
    .toBeGreaterThanOrEqual(300);
  for (const trend of TRENDS) {
    const card = page.getByTestId(`trend-${trend}`);
    await expect(card, trend).not.toContainText("Loading");
    await expect(card, trend).not.toContainText("No readings in this range");
    // a drawn line of more than one point (the trend SVG's path: M, then L or, for a step, H/V)
    await expect(card.locator("path[data-trend-line]").first(), trend).toHaveAttribute("d", /[LHV]/);
  }
  // the vitals hold hours of readings in the default range (a reading a minute at least), not a sliver
  for (const trend of ["heart_rate", "spo2", "resp_rate"]) expect(await storedValues(page, trend), trend).toBeGreaterThanOrEqual(300);
}

/** The environment page: every sensor shows a current reading and a chart with points; no logger gap anywhere. */
export async function expectEnvironmentLive(page: Page, sensorIds: readonly string[]): Promise<void> {
  await page.goto("/environment");
  for (const id of sensorIds) {
    const card = page.getByTestId(`sensor-${id}`);
    await expect(card.getByTestId("sensor-current"), id).toContainText("°C");
    const chart = card.getByTestId(`environment-chart-${id}`);
    await expect.poll(async () => Number((await chart.getAttribute("data-points")) ?? 0), { message: id }).toBeGreaterThan(48);
  }
  await expect(page.locator('[data-testid="excursion-row"][data-kind="data_gap"]')).toHaveCount(0);
  await expect(page.getByRole("link", { name: /logger gaps in the last/ })).toContainText(/^0/);
}

/**
 * A full-page screenshot in e2e-artifacts/. The viewport is first grown to the page's height so responsive
 * charts lay out at their real size (a capture beyond the viewport would catch them mid-resize, blank).
 */
export async function saveScreenshot(page: Page, role: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), 8000) });
  await page.waitForTimeout(750);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `fresh-start-${role}.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

/** A page the role may not open answers 403 and says why and what the role can do instead. */
export async function expectDeniedPage(page: Page, path: string, title: RegExp): Promise<void> {
  const res = await page.goto(path);
  expect(res?.status(), `${path} answers 403`).toBe(403);
  const denied = page.getByTestId("forbidden");
  await expect(denied.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(denied.getByRole("heading", { name: "What you can do" })).toBeVisible();
  await expect(denied.getByRole("list", { name: "Pages you can open" }).getByRole("link").first()).toBeVisible();
}

/** At 1440 px no patient name on the ward screen is cut (its text fits its element). */
export async function expectWardNamesInFull(page: Page, wardPath: string): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(wardPath);
  await expect(page.getByTestId("tile-name").first()).toBeVisible();
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="tile-name"]')]
      .filter((n) => n.scrollWidth > n.clientWidth || n.textContent?.includes("…"))
      .map((n) => n.textContent),
  );
  expect(cut, "names cut at 1440 px").toEqual([]);
  if (viewport) await page.setViewportSize(viewport);
}
