// End to end, "one query and one audit row per page load": a nurse of one ward (created for this test,
// so every audit row of hers comes from it) opens her ward and then the alert queue. Each page load
// makes one catch-up request after the socket joins (the page's and the nav count's, shared), and the
// audit log holds one row per patient read, none from a catch-up when nothing changed.
import { expect, test, type Page } from "@playwright/test";
import { cli, connectDevice, demoAccount, mqttUrl } from "./support";

type PatientRow = { id: string; mrn: string; name: string; ward: string | null; bed: string | null };
type AuditRow = { action: string; patientId: string | null; detail: { via?: string; patientIds?: string[] } | null };

/** Server-function calls (POST with a Next-Action header) the page makes from now on. */
function countServerCalls(page: Page) {
  const calls: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) calls.push(r.url());
  });
  return calls;
}

test("a ward load and a queue load each read the alerts once and audit each patient once", async ({ page, browser, request }) => {
  const email = `icu-nurse-${Date.now()}@e2e.local`;
  const password = "e2e-only-password-7731";
  cli("users", "create", "--email", email, "--password", password, "--role", "nurse", "--ward", "ICU", "--name", "Ines ICU");
  const patients = cli<PatientRow[]>("patients", "list", "--ward", "ICU");
  const patient = patients.find((p) => p.bed === "4")!;
  const device = cli<{ id: string; secret: string }>("devices", "create", "--type", "bedside_monitor", "--patient", patient.id);
  // Systolic BP below its limit raises a medium alarm at once.
  const dev = await connectDevice(await mqttUrl(request), device);
  await dev.publish(1, { heart_rate: 86, bp_sys: 80, bp_dia: 50 });
  await dev.close();

  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await adminPage.goto("/login");
  await adminPage.getByLabel("Email").fill("admin@demo.local");
  await adminPage.getByLabel("Password").fill(demoAccount("admin@demo.local").password);
  await adminPage.getByRole("button", { name: "Sign in" }).click();
  await expect(adminPage).not.toHaveURL(/\/login/);
  await expect
    .poll(async () =>
      ((await (await adminPage.request.get(`/api/v1/alerts?patientId=${patient.id}`)).json()) as { alerts: { rule: string }[] }).alerts.map(
        (a) => a.rule,
      ),
    )
    .toEqual(["bp_sys.low"]);
  const auditOf = async (action: string) =>
    (
      (await (await adminPage.request.get(`/api/v1/audit?${new URLSearchParams({ actorEmail: email, action, limit: "200" })}`)).json()) as {
        events: AuditRow[];
      }
    ).events;

  // Signing in lands on her only ward.
  const calls = countServerCalls(page);
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/wards\/[^/]+$/);
  await expect(page.getByTestId("connection")).toHaveAttribute("data-status", "live");
  await expect(page.locator('[data-testid="bed-tile"]').filter({ hasText: patient.name }).getByTestId("tile-alarm")).toHaveAttribute(
    "data-priority",
    "medium",
  );
  await expect.poll(() => calls.length).toBe(1);
  await page.waitForTimeout(1_000);
  expect(calls).toHaveLength(1);
  const wardViews = await auditOf("ward.view");
  const onWard = patients
    .filter((p) => p.bed !== null)
    .map((p) => p.id)
    .sort();
  // One row for the page load, naming every patient it showed.
  expect(wardViews).toHaveLength(1);
  expect(wardViews[0]!.detail?.patientIds).toEqual(onWard);
  expect(await auditOf("alerts.read")).toEqual([]);

  // The queue: one row for her patient's alarm, one audit row for it, one catch-up that found nothing new.
  await page.getByRole("link", { name: /^Alerts/ }).click();
  await expect(page).toHaveURL(/\/alerts$/);
  await expect(page.getByTestId("connection")).toHaveAttribute("data-status", "live");
  await expect(page.locator('[data-testid="alert-row"]').filter({ hasText: patient.name })).toHaveAttribute("data-state", "active");
  await expect.poll(() => calls.length).toBe(2);
  await page.waitForTimeout(1_000);
  expect(calls).toHaveLength(2);
  const reads = await auditOf("alerts.read");
  expect(reads.map((r) => [r.patientId, r.detail?.via])).toEqual([[patient.id, "queue"]]);
  await admin.close();
});
