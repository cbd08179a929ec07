// A patient in the first minutes of a fresh demo: their own record opens with hours of history in every
// chart of the default range.
import { expect, test } from "@playwright/test";
import { appStartedAt, expectDeniedPage, expectPatientChartsHavePoints, saveScreenshot, signIn } from "./support";

test("patient: own charts with history", async ({ page }) => {
  await signIn(page, "patient@demo.local");
  await appStartedAt(page);
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByRole("link", { name: "My record" }).click();
  await expect(page).toHaveURL(/\/patients\//);
  const own = new URL(page.url()).pathname;
  await expectPatientChartsHavePoints(page, own);
  await saveScreenshot(page, "patient");
  await expectDeniedPage(page, "/wards", /Not available to your role/);
});
