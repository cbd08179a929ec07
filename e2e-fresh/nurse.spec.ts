// A 4E nurse in the first minutes of a fresh demo: bed 3's deterioration shows (NEWS2 above 0 on the ward
// tile within 10 minutes of start), the patient's charts hold hours of history in the default range, and the
// 4E medication fridge (a sensor of her ward) shows its current reading, with no logger gap.
import { expect, test } from "@playwright/test";
import {
  appStartedAt,
  expectDeniedPage,
  expectEnvironmentLive,
  expectPatientChartsHavePoints,
  expectWardNamesInFull,
  findPatient,
  saveScreenshot,
  signIn,
} from "./support";

const MIN = 60_000;

test("nurse: deterioration visible within 10 minutes, charts with history, the ward's fridge live", async ({ page }) => {
  await signIn(page, "nurse@demo.local");
  const startedAt = await appStartedAt(page);
  const bed3 = await findPatient(page, "4E", "3");

  await page.goto(`/wards/${bed3.ward!.id}`);
  const tile = page.locator('[data-testid="bed-tile"][data-bed="3"]');
  await expect(tile).toBeVisible();
  const deadline = startedAt + 10 * MIN;
  await expect
    .poll(async () => Number((await tile.getAttribute("data-news2")) || 0), {
      message: "bed 3's NEWS2 within 10 minutes of start",
      timeout: Math.max(30_000, deadline - Date.now()),
      intervals: [5_000],
    })
    .toBeGreaterThan(0);
  expect(Date.now()).toBeLessThanOrEqual(deadline + 30_000);

  await expectWardNamesInFull(page, `/wards/${bed3.ward!.id}`);
  await expectPatientChartsHavePoints(page, `/patients/${bed3.id}`);
  await saveScreenshot(page, "nurse-patient");
  await page.goto(`/wards/${bed3.ward!.id}`);
  await saveScreenshot(page, "nurse");

  await expectEnvironmentLive(page, ["env-fridge-4e-meds"]);
  // the pharmacy's fridge belongs to no ward of hers
  await expect(page.getByTestId("sensor-env-fridge-pharm-a")).toHaveCount(0);
  await expectDeniedPage(page, "/admin/audit", /Not available to your role/);
});
