// An admin in the first minutes of a fresh demo: a patient's charts hold hours of history in the default range
// and the environment page shows every sensor's current reading and 24 h chart, with no logger gap.
import { test } from "@playwright/test";
import {
  appStartedAt,
  expectEnvironmentLive,
  expectPatientChartsHavePoints,
  expectWardNamesInFull,
  findPatient,
  saveScreenshot,
  signIn,
} from "./support";

test("admin: charts with history, every sensor live, no logger gap", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await appStartedAt(page);
  const patient = await findPatient(page, "ICU", "2");
  await expectPatientChartsHavePoints(page, `/patients/${patient.id}`);
  await expectEnvironmentLive(page, ["env-fridge-4e-meds", "env-fridge-pharm-a"]);
  await saveScreenshot(page, "admin");
  await expectWardNamesInFull(page, `/wards/${patient.ward!.id}`);
});
