// End to end, issue 12 items 6 and 7: a privacy officer (admin) reads the audit log with patients as name
// and MRN, one row for a list read naming every patient, picks the action from a select and downloads the
// filtered rows as CSV; biomedical engineering opens a device's page from the sorted registry, sees the
// demo device's model, serial and UDI, records a new device's identity (a bad UDI is refused naming the
// field) and sees its own telemetry charted.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { cli, mqttUrl, publishFrames, signIn } from "./support";

const MIN = 60_000;

test("admin reads the audit log by patient name and MRN, filters by action and downloads CSV", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  // A list read: one audit row naming every patient listed.
  const listed = (await (await page.request.get("/api/v1/patients")).json()) as { patients: { id: string; mrn: string; name: string }[] };
  expect(listed.patients.length).toBeGreaterThan(1);
  const someone = listed.patients[0]!;

  await page.goto("/admin/audit");
  const action = page.getByLabel("Action", { exact: true });
  await expect(action.locator("option", { hasText: "patient.list" })).toHaveCount(1);
  await action.selectOption("patient.list");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=patient\.list/);

  // Newest first: this test's list read is the top row.
  const row = page.locator("tbody tr").first();
  await expect(row).toContainText("admin@demo.local");
  await row.getByText(`${listed.patients.length} patients`).click();
  await expect(row).toContainText(someone.name);
  await expect(row).toContainText(someone.mrn);

  // The patient filter takes an MRN and still finds the list read.
  await page.getByLabel("Patient (MRN or id)").fill(someone.mrn);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.locator("tbody tr").first()).toContainText(`${listed.patients.length} patients`);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toMatch(/^id,at,actor_email,actor_role,action,patient_names,patient_mrns/);
  expect(lines.length).toBeGreaterThanOrEqual(2);
  expect(lines[1]).toContain("patient.list");
  expect(lines[1]).toContain(someone.name);
  expect(lines[1]).toContain(someone.mrn);
});

test("biomed opens device pages: identity of a demo pump, a new pump's identity and its telemetry chart", async ({ page, request }) => {
  test.setTimeout(90_000);
  const device = cli<{ id: string; secret: string }>(
    "devices",
    "create",
    "--type",
    "infusion_pump",
    "--location",
    `E2E bench ${Date.now()}`,
  );
  const start = Date.now() - 15 * MIN;
  await publishFrames(
    await mqttUrl(request),
    device,
    Array.from({ length: 15 }, (_, i) => ({
      seq: i + 1,
      ts: new Date(start + i * MIN),
      values: { device_temp: 31 + i / 10, vibration: 0.3 + i / 100, power: 12, battery: 96 - i / 5 },
    })),
  );

  await signIn(page, "biomed@demo.local");
  await page.goto("/admin/devices?q=pump-000&sort=lastSeen&dir=desc");
  await expect(page.getByTestId("registry-range")).toContainText("page 1 of 1");
  await page
    .getByTestId("device-link")
    .filter({ hasText: /^pump-0001$/ })
    .click();
  await expect(page).toHaveURL(/\/devices\/pump-0001$/);
  const identity = page.getByTestId("device-identity");
  await expect(identity).toContainText("OpenWard LP-900 volumetric pump");
  await expect(identity).toContainText(/LP9-24\d{6}/);
  await expect(identity).toContainText(/\(01\)\d{14}\(11\)\d{6}\(21\)LP9-24\d{6}/);

  await page.goto(`/devices/${device.id}`);
  await expect(page.getByTestId("device-identity")).toContainText("not recorded");
  await page.getByRole("button", { name: "Edit identity" }).click();
  await page.getByLabel("Model").fill("LP-900 volumetric pump");
  await page.getByLabel("Serial number").fill("LP9-24999001");
  await page.getByLabel("UDI").fill("(01)00614141999995(21)LP9-24999001");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "udi:" })).toContainText("udi: GTIN 00614141999995 has a wrong check digit");
  await page.getByLabel("UDI").fill("(01)00614141999996(21)LP9-24999001");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("device-identity")).toContainText("(01)00614141999996(21)LP9-24999001");
  await expect(page.getByTestId("device-identity")).toContainText("LP9-24999001");

  const vibration = page.getByTestId("device-trend-vibration");
  await expect(vibration).toBeVisible();
  await expect(vibration.locator('path[data-series="v"]')).toHaveAttribute("d", /L/);
  await expect(page.getByTestId("connectivity-timeline")).toBeVisible();
});

test("biomed gives a logger a home ward on its device page, so its alarms go to that ward", async ({ page }) => {
  const logger = cli<{ id: string; secret: string }>("devices", "create", "--type", "env_sensor", "--location", `E2E store ${Date.now()}`);
  await signIn(page, "biomed@demo.local");
  await page.goto(`/devices/${logger.id}`);
  const home = page.getByTestId("device-home-ward");
  await expect(home).toContainText("no home ward");
  await home.getByLabel("Ward", { exact: true }).selectOption({ label: "4E · 4 East · Acute Medicine" });
  await home.getByRole("button", { name: "Set home ward" }).click();
  await expect(home).toContainText("Saved: its alarms now go to this ward.");
  await expect(home.locator("p").first()).toContainText("4E");
  const res = await page.request.get(`/api/v1/devices/${logger.id}`);
  expect(((await res.json()) as { device: { homeWardId: string | null } }).device.homeWardId).not.toBeNull();
});
