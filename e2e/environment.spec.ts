// End to end, equipment alerting: a vaccine fridge's logger (the test's own env_sensor over MQTT) sends
// its last minutes of readings, warming past 8 °C; biomedical engineering sees the excursion alarm arrive
// live in the alert queue, finds the ongoing excursion in the compliance record, and records the
// corrective action, which is then final.
import { expect, test } from "@playwright/test";
import { cli, mqttUrl, publishFrames, signIn } from "./support";

const MIN = 60_000;
// One reading a minute: in range, then above 8 °C for six minutes (an excursion once it has lasted 5).
const BACKLOG = [5.1, 8.9, 9.4, 9.9, 10.3, 10.8, 11.2, 11.5];

test("a warm vaccine fridge raises an excursion alarm for biomed, who records the corrective action", async ({ page, request }) => {
  test.setTimeout(60_000);
  const location = `E2E fridge ${Date.now()}`;
  const device = cli<{ id: string; secret: string }>(
    "devices",
    "create",
    "--type",
    "env_sensor",
    "--environment",
    "vaccine_fridge",
    "--location",
    location,
  );

  await signIn(page, "biomed@demo.local");
  await page.goto("/alerts");
  await expect(page.getByTestId("connection")).toHaveAttribute("data-status", "live");
  await page.evaluate(() => document.body.setAttribute("data-e2e-no-reload", "1"));

  const start = Date.now() - BACKLOG.length * MIN;
  await publishFrames(
    await mqttUrl(request),
    device,
    BACKLOG.map((c, i) => ({ seq: i + 1, ts: new Date(start + i * MIN), values: { env_temp: c } })),
  );

  const row = page.locator('[data-testid="alert-row"]').filter({ hasText: location });
  await expect(row).toContainText(`Vaccine fridge (${location}) above 8 °C`, { timeout: 15_000 });
  await expect(row).toHaveAttribute("data-priority", "medium");
  await expect(page.locator("body")).toHaveAttribute("data-e2e-no-reload", "1"); // it arrived live

  await page.getByRole("link", { name: "Environment" }).first().click();
  const record = page.locator(`[data-testid="excursion-row"][data-device="${device.id}"]`);
  await expect(record).toContainText("ONGOING");
  await expect(record).toContainText("11.5");
  await record.getByRole("button", { name: "Record action" }).click();
  await record
    .getByLabel(`Corrective action for ${device.id}`)
    .fill("Door found ajar and closed; stock quarantined pending manufacturer advice");
  await record.getByRole("button", { name: "Save" }).click();
  await expect(record).toContainText("Door found ajar and closed");
  await expect(record).toContainText("Bo Biomed");
  await expect(record.getByRole("button", { name: "Record action" })).toHaveCount(0);
});
