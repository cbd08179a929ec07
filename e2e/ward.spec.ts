import { expect, test } from "@playwright/test";
import { cli, mqttUrl, publishFrames, signIn } from "./support";

type PatientRow = { id: string; mrn: string; name: string; ward: string | null; bed: string | null };

test("a nurse signs in, sees the ward, and watches a value change when a device publishes", async ({ page, request }) => {
  await signIn(page, "nurse@demo.local");
  await expect(page).toHaveURL(/\/wards\/[^/]+$/);
  await expect(page.getByTestId("bed-tile")).toHaveCount(30); // 24 patients and 6 free beds

  const patient = cli<PatientRow[]>("patients", "list", "--ward", "4E").find((p) => p.bed === "6")!;
  const device = cli<{ id: string; secret: string }>("devices", "create", "--type", "bedside_monitor", "--patient", patient.id);
  const tile = page.locator('[data-testid="bed-tile"][data-bed="6"]');
  await expect(tile).toContainText(patient.name);

  const url = await mqttUrl(request);
  await publishFrames(url, device, [
    {
      seq: 1,
      values: { heart_rate: 77, spo2: 96, resp_rate: 15, bp_sys: 124, bp_dia: 78, temp: 36.8, consciousness: 0, o2_supplement: 0 },
    },
  ]);
  await expect(tile.locator('[data-metric="heart_rate"]')).toHaveText(/77/);
  await expect(tile.locator('[data-metric="spo2"]')).toHaveText(/96/);

  const published = Date.now();
  await publishFrames(url, device, [{ seq: 2, values: { heart_rate: 143 } }]);
  await expect(tile.locator('[data-metric="heart_rate"]')).toHaveText(/143/, { timeout: 2_000 });
  console.log(`device publish -> on screen: ${Date.now() - published} ms`);
});

test("the nurse opens a patient's chart from the ward", async ({ page, request }) => {
  const patient = cli<PatientRow[]>("patients", "list", "--ward", "4E").find((p) => p.bed === "8")!;
  const device = cli<{ id: string; secret: string }>("devices", "create", "--type", "bedside_monitor", "--patient", patient.id);
  await publishFrames(
    await mqttUrl(request),
    device,
    Array.from({ length: 5 }, (_, i) => ({ seq: i + 1, values: { heart_rate: 80 + i, spo2: 97 } })),
  );

  await signIn(page, "nurse@demo.local");
  await page.locator('[data-testid="bed-tile"][data-bed="8"]').click();
  await expect(page).toHaveURL(new RegExp(`/patients/${patient.id}$`));
  await expect(page.getByRole("heading", { name: patient.name })).toBeVisible();
  const chart = page.getByTestId("trend-heart_rate");
  await expect(chart).toBeVisible();
  await expect(chart.locator('path[data-trend-line="heart_rate"]')).toHaveAttribute("d", /L/);
  await page.getByRole("button", { name: "8 h" }).click();
  await expect(page.getByRole("button", { name: "8 h" })).toHaveAttribute("aria-pressed", "true");
});

test("a patient account sees its own record and is refused another patient's", async ({ page }) => {
  const patients = cli<PatientRow[]>("patients", "list", "--ward", "4E");
  const own = patients.find((p) => p.bed === "5")!;
  const other = patients.find((p) => p.bed === "6")!;
  await signIn(page, "patient@demo.local");
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByRole("link", { name: "My record" }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${own.id}$`));
  await expect(page.getByRole("heading", { name: own.name })).toBeVisible();

  const denied = await page.goto(`/patients/${other.id}`);
  expect(denied?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "No access to this patient" })).toBeVisible();
  await expect(page.getByText(other.name)).toHaveCount(0);

  const res = await page.request.get(`/api/v1/patients/${other.id}/observations?code=heart_rate`);
  expect(res.status()).toBe(403);
  const wards = await page.goto("/wards");
  expect(wards?.status()).toBe(403);
  await expect(page.getByText("This page is for clinical staff")).toBeVisible();
});

test("bad sign-in is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("nurse@demo.local");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await page.goto("/wards");
  await expect(page).toHaveURL(/\/login/);
});
