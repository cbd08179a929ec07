// Hospital operations end to end in a real Chromium: an admin admits a new patient to a free bed,
// attaches a bedside monitor to that bed in the device registry, and the ward screen shows the new
// patient's live vitals; after the discharge the bed shows empty and the monitor reports for nobody.
import { expect, test } from "@playwright/test";
import { connectDevice, mqttUrl, signIn } from "./support";

test("an admin admits to a free bed, attaches a monitor, sees live vitals on the ward, discharges, and the bed is empty", async ({
  page,
  request,
}) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/admissions");
  await page.getByLabel("MRN").fill("E2E-ADT-1");
  await page.getByLabel("Given name").fill("Edith");
  await page.getByLabel("Family name").fill("Newcomer");
  await page.getByLabel("Birth date").fill("1958-03-14");
  await page.getByLabel("Sex").selectOption("F");
  await page.getByLabel("Bed", { exact: true }).selectOption({ label: "4E / bed 25" });
  await page.getByRole("button", { name: "Admit" }).click();
  await expect(page.getByText("Admitted to 4E / bed 25.")).toBeVisible();
  const row = page.locator('[data-bed="4E/25"]');
  await expect(row).toContainText("Edith Newcomer");
  // The same bed cannot take a second patient: it is no longer offered.
  await expect(page.getByLabel("Bed", { exact: true }).locator("option", { hasText: "4E / bed 25" })).toHaveCount(0);

  // Attach a bedside monitor to the bed (devices follow the bed).
  await page.goto("/admin/devices");
  await page.getByRole("button", { name: "New device" }).click();
  await page.locator("#prov-type").selectOption({ label: "Bedside monitor" });
  await page.locator("#prov-id").fill("mon-e2e-adt");
  await page.locator("#prov-kind").selectOption("bed");
  await page.locator("#prov-bed").fill("4E/25");
  await page.getByRole("button", { name: "Provision" }).click();
  const secret = await page.getByLabel("Secret of mon-e2e-adt").inputValue();
  expect(secret.length).toBeGreaterThan(20);

  // The ward screen shows the new patient in bed 25 with live vitals from the monitor.
  await page.goto("/wards");
  await page
    .getByRole("link", { name: /4 East/ })
    .first()
    .click();
  const tile = page.locator('[data-testid="bed-tile"][data-bed="25"]');
  await expect(tile).toContainText("Edith Newcomer");
  const device = await connectDevice(await mqttUrl(request), { id: "mon-e2e-adt", secret });
  let seq = 0;
  const beat = setInterval(() => void device.publish(++seq, { heart_rate: 71 + (seq % 3), spo2: 98 }).catch(() => undefined), 500);
  try {
    await expect(tile.locator('[data-metric="heart_rate"]')).toHaveText(/7[1-3]/);
    await expect(tile.locator('[data-metric="spo2"]')).toHaveText(/98/);
  } finally {
    clearInterval(beat);
  }

  // Discharge home: the bed shows empty on the ward screen.
  await page.goto("/admissions");
  await row.getByLabel(/Disposition of Edith Newcomer/).selectOption("01");
  await row.getByRole("button", { name: "Discharge" }).click();
  await expect(page.locator('[data-bed="4E/25"]')).toContainText("free");
  await page.goto("/wards");
  await page
    .getByRole("link", { name: /4 East/ })
    .first()
    .click();
  await expect(page.locator('[data-testid="bed-tile"][data-bed="25"]')).toHaveAttribute("data-empty", "true");
  // The monitor still sends, but its data belongs to nobody now.
  await device.publish(++seq, { heart_rate: 90, spo2: 97 });
  await device.close();
  await expect(page.locator('[data-testid="bed-tile"][data-bed="25"]')).not.toContainText("Edith");
});
