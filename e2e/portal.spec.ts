// The patient portal on a phone (390×844): each demo home patient's devices upload their 14 days (the
// simulator's own scenarios, thinned to keep the upload quick) over the real HTTP ingest with their own
// rotated secrets; the patient signs in, lands on /portal, acknowledges the urgent low, and sees their glucose (current, TIR, AGP), home
// blood pressure, or asthma page, with no horizontal scroll.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createHomeSource, type HomeScenario } from "../lib/simulator/home-scenarios";
import { cli, signIn } from "./support";

const PHONE = { width: 390, height: 844 };
const DAY = 86_400_000;

test.use({ viewport: PHONE });

/** Uploads `scenario`'s last 14 days (keeping every `every`-th reading, and all of the last hour) as the device. */
async function upload(request: APIRequestContext, deviceId: string, scenario: HomeScenario, every: number) {
  const { secret } = cli<{ id: string; secret: string }>("devices", "rotate", deviceId);
  const now = Date.now();
  // Anchored 30 min ago: the CGM's demo urgent low (51 mg/dL from 10 to 30 minutes after its anchor) is now.
  const readings = createHomeSource({ scenario, seed: 7, anchorMs: now - 30 * 60_000 })
    .readings(now - 14 * DAY, now)
    .filter((r, i) => i % every === 0 || now - r.ts < 3_600_000);
  // Newest first, as the simulator uploads (lib/simulator/run-home): only the newest reading is judged now.
  const frames = readings.map((r, i) => ({ seq: i + 1, ts: new Date(r.ts).toISOString(), values: r.values })).reverse();
  for (let i = 0; i < frames.length;) {
    const res = await request.post(`/api/v1/devices/${deviceId}/telemetry`, {
      headers: { authorization: `Bearer ${secret}` },
      data: frames.slice(i, i + 80),
    });
    if (res.status() === 429) {
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    expect(res.status(), await res.text()).toBe(202);
    i += 80;
  }
}

async function expectNoHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll, "the page scrolls sideways at 390 px").toBeLessThanOrEqual(widths.client);
}

test("a patient with diabetes sees current glucose, time in range and the AGP on a phone", async ({ page, request }) => {
  test.setTimeout(120_000);
  await upload(request, "cgm-h1001", "cgm-diabetes", 6);
  await signIn(page, "maya@demo.local");
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole("heading", { name: "My health at home", level: 1 })).toBeVisible();
  await expect(page.getByTestId("card-glucose")).toContainText("Time in range (14 days)");
  // The urgent low now (51 mg/dL) raised an alert: the patient sees it with what to do.
  const urgent = page.locator('[data-testid="own-alert"][data-rule="glucose.urgent_low"]');
  await expect(urgent).toHaveCount(1);
  await expect(urgent).toContainText("What to do: Take 15 g of fast-acting sugar now");
  await expectNoHorizontalScroll(page);
  // The patient acknowledges it: the care team sees it was seen (and the 15-minute escalation stops).
  await urgent.getByRole("button", { name: "Acknowledge" }).click();
  await expect(urgent).toHaveAttribute("data-state", "acknowledged");
  await expect(urgent).toContainText("Acknowledged: your care team can see you have seen it.");
  await page.reload();
  await expect(page.locator('[data-testid="own-alert"][data-rule="glucose.urgent_low"]')).toHaveAttribute("data-state", "acknowledged");

  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Glucose" }).click();
  await expect(page.getByRole("heading", { name: "Glucose", level: 1 })).toBeVisible();
  await expect(page.getByTestId("current-glucose")).toContainText("51");
  await expect(page.getByTestId("current-glucose")).toContainText("Very low");
  const tir = page.getByTestId("time-in-range");
  await expect(tir.locator('[data-range="in_range"]')).toContainText("%");
  await expect(tir.locator('[data-target="tbr_54"]')).toBeVisible();
  await expect(page.getByTestId("agp-chart").locator('path[data-range="innerLo-innerHi"]')).toHaveAttribute("d", /Z/);
  await expect(page.getByTestId("agp-chart").locator('path[data-series="median"]')).toHaveAttribute("d", /L/);
  await page.getByRole("button", { name: "Today" }).click();
  await expect(page.getByRole("button", { name: "Today" })).toHaveAttribute("aria-pressed", "true");
  await expectNoHorizontalScroll(page);
});

test("a patient with hypertension sees the 7-day average above 135/85 and the readings", async ({ page, request }) => {
  await upload(request, "bp-h1002", "bp-rising", 1);
  await signIn(page, "samuel@demo.local");
  await expect(page.getByTestId("card-bp")).toContainText("Above the home target of under 135/85");
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Blood pressure" }).click();
  await expect(page.getByTestId("bp-averages")).toContainText("at or above the home target of 135/85");
  await expect(page.getByTestId("bp-readings").locator("li").first()).toContainText("mmHg");
  await expect(page.getByTestId("home-bp-chart").locator('path[data-series="sys"]')).toHaveAttribute("d", /M/);
  await expectNoHorizontalScroll(page);
});

test("a patient with asthma sees controller adherence, rescue use and its link to pollen", async ({ page, request }) => {
  test.setTimeout(120_000);
  await upload(request, "inh-h1003-controller", "inhaler-controller", 1);
  await upload(request, "inh-h1003-rescue", "inhaler-rescue", 1);
  await upload(request, "air-h1003", "air-pollen-week", 4);
  await signIn(page, "clara@demo.local");
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Asthma" }).click();
  await expect(page.getByRole("heading", { name: "Asthma", level: 1 })).toBeVisible();
  await expect(page.getByTestId("controller-adherence")).toContainText("Last 7 days");
  await expect(page.getByTestId("rescue-use")).toContainText("This week");
  await expect(page.getByTestId("trigger-finding")).toContainText("High pollen or poor air seems to make your asthma worse");
  await expect(page.getByTestId("asthma-days")).toContainText("High pollen");
  await expectNoHorizontalScroll(page);
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Devices" }).click();
  await expect(page.getByTestId("portal-device")).toHaveCount(3);
  await expect(page.getByTestId("portal-devices")).toContainText("Home air sensor");
  await expectNoHorizontalScroll(page);
});
