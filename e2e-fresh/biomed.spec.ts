// A biomedical engineer in the first minutes of a fresh demo: the environment page shows every fridge's current
// reading and a 24 h chart with points, and the uploaded day left no false logger gap to explain.
import { expect, test } from "@playwright/test";
import { appStartedAt, expectDeniedPage, expectEnvironmentLive, saveScreenshot, signIn } from "./support";

test("biomed: every sensor live with 24 h of history, no logger gap", async ({ page }) => {
  await signIn(page, "biomed@demo.local");
  await appStartedAt(page);
  await expect(page).toHaveURL(/\/admin\/devices/);
  await expectEnvironmentLive(page, ["env-fridge-4e-meds", "env-fridge-pharm-a"]);
  await saveScreenshot(page, "biomed");
  await expectDeniedPage(page, "/admin/audit", /Not available to your role/);
});
