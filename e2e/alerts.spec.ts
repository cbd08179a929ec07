// End to end, clinical alerting: a simulated deteriorating patient (the test's own bedside monitor over
// MQTT) rises to the top of the ward sorted by acuity, a high-priority alarm reaches the alert queue,
// the nurse acknowledges it in one click, and a second clinician's browser sees the acknowledgement live.
import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import { cli, connectDevice, mqttUrl, signIn } from "./support";

type PatientRow = { id: string; mrn: string; name: string; ward: string | null; bed: string | null };

const BED = "12";
const NORMAL = { heart_rate: 78, resp_rate: 16, spo2: 97, bp_sys: 124, bp_dia: 78, temp: 36.9, consciousness: 0, o2_supplement: 0 };
// Progressively worse, ending at NEWS2 17 (RR 26, SpO2 90, SBP 88, HR 135, temp 39.3, new confusion).
const WORSENING = [
  { heart_rate: 96, resp_rate: 20, spo2: 95, bp_sys: 112, bp_dia: 72, temp: 37.8 },
  { heart_rate: 114, resp_rate: 23, spo2: 93, bp_sys: 100, bp_dia: 64, temp: 38.6 },
];
const CRITICAL = { heart_rate: 135, resp_rate: 26, spo2: 90, bp_sys: 88, bp_dia: 55, temp: 39.3, consciousness: 1, o2_supplement: 0 };
/** Longer than the engine's longest confirmation delay (NEWS2 and SpO2: 15 s) at one frame per second. */
const MAX_CRITICAL_FRAMES = 30;

const rowOf = (page: Page, name: string) => page.locator('[data-testid="alert-row"]').filter({ hasText: name });
const highRow = (page: Page, name: string) => page.locator('[data-testid="alert-row"][data-priority="high"]').filter({ hasText: name });

test("a deteriorating patient rises to the top, raises a high alarm, and the acknowledgement reaches a second clinician live", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const consoleErrors: string[] = [];
  page.on("console", (m) => void (m.type() === "error" && consoleErrors.push(m.text())));
  const patient = cli<PatientRow[]>("patients", "list", "--ward", "4E").find((p) => p.bed === BED)!;
  const device = cli<{ id: string; secret: string }>("devices", "create", "--type", "bedside_monitor", "--patient", patient.id);

  // The nurse watches the ward sorted by acuity; the charge nurse has the alert queue open elsewhere.
  await signIn(page, "nurse@demo.local");
  await expect(page).toHaveURL(/\/wards\/[^/]+$/);
  await page.getByRole("button", { name: "Acuity" }).click();
  const chargeContext = await browser.newContext();
  const charge = await chargeContext.newPage();
  await signIn(charge, "charge@demo.local");
  await charge.goto("/alerts");
  await expect(charge.getByTestId("connection")).toHaveAttribute("data-status", "live");
  // Marks this page: a reload would lose it, so the acknowledgement must arrive live.
  await charge.evaluate(() => document.body.setAttribute("data-e2e-no-reload", "1"));

  // The patient deteriorates: one frame per second until the alarm is on screen.
  const dev = await connectDevice(await mqttUrl(request), device);
  let stop = false;
  const publishing = (async () => {
    let seq = 0;
    for (const values of [NORMAL, ...WORSENING]) {
      await dev.publish(++seq, values);
      await new Promise((r) => setTimeout(r, 1_000));
    }
    for (let i = 0; i < MAX_CRITICAL_FRAMES && !stop; i++) {
      await dev.publish(++seq, CRITICAL);
      await new Promise((r) => setTimeout(r, 1_000));
    }
  })();

  try {
    // Top of the ward by acuity, NEWS2 high, then the high alarm on the tile.
    const top = page.getByTestId("bed-tile").first();
    await expect(top).toHaveAttribute("data-bed", BED, { timeout: 15_000 });
    await expect(top).toHaveAttribute("data-news2", /^(1[0-9]|[7-9])$/, { timeout: 15_000 });
    const tileAlarm = top.getByTestId("tile-alarm");
    await expect(tileAlarm).toHaveAttribute("data-priority", "high", { timeout: 30_000 });
    await expect(tileAlarm).toHaveAttribute("data-flashing", "true");
    await expect(page.getByTestId("bed-tile").first()).toHaveAttribute("data-bed", BED);
    await expect(page.getByTestId("alert-count")).not.toHaveAttribute("data-count", "0");
    await page.screenshot({ path: test.info().outputPath("ward-with-alarm.png") });

    // The alarm is in both queues: live on the charge nurse's open page, and on the nurse's.
    await expect(highRow(charge, patient.name)).toHaveAttribute("data-state", "active", { timeout: 5_000 });
    await page.getByRole("link", { name: /^Alerts/ }).click();
    await expect(page).toHaveURL(/\/alerts$/);
    const row = highRow(page, patient.name);
    await expect(row).toHaveAttribute("data-state", "active");
    await expect(row.getByTestId("alert-priority")).toHaveAttribute("data-flashing", "true");
    await expect(page.locator('[data-testid="alert-row"]').first()).toHaveAttribute("data-priority", "high");
    stop = true;
    await page.screenshot({ path: test.info().outputPath("alert-queue.png") });

    // One click.
    await row.getByRole("button", { name: "Acknowledge" }).click();
    await expect(row).toHaveAttribute("data-state", "acknowledged");
    await expect(row.getByTestId("acknowledged-by")).toContainText("Nora Nurse");
    await expect(row.getByTestId("alert-priority")).not.toHaveAttribute("data-flashing", "true");

    // The second browser sees it without reloading.
    const seen = highRow(charge, patient.name);
    await expect(seen).toHaveAttribute("data-state", "acknowledged", { timeout: 5_000 });
    await expect(seen.getByTestId("acknowledged-by")).toContainText("Acknowledged by Nora Nurse");
    await expect(charge.locator("body")).toHaveAttribute("data-e2e-no-reload", "1");
    await charge.screenshot({ path: test.info().outputPath("alert-queue-acknowledged.png") });

    // IHE ACM receipts: the charge nurse's browser took delivery of the notification and displayed the alert.
    const alertId = (await seen.getAttribute("data-alert-id"))!;
    type Trail = { events: { type: string; actor: { name: string } | null; recipient: { name: string } | null }[] };
    await expect
      .poll(async () => {
        const trail = (await (await charge.request.get(`/api/v1/alerts/${alertId}`)).json()) as Trail;
        return trail.events
          .filter((e) => e.recipient?.name === "Chris Charge" || e.actor?.name === "Chris Charge")
          .map((e) => e.type)
          .sort();
      })
      .toEqual(["delivered", "read"]);

    // Keyboard: the acknowledged row is selected; j moves to the next one, a acknowledges it.
    await expect(row).toHaveAttribute("data-selected", "true");
    const secondId = (await page.locator('[data-testid="alert-row"]').nth(1).getAttribute("data-alert-id"))!;
    await page.keyboard.press("j");
    const target = page.locator(`[data-alert-id="${secondId}"]`);
    await expect(target).toHaveAttribute("data-selected", "true");
    await page.keyboard.press("a");
    await expect(target).toHaveAttribute("data-state", "acknowledged");

    // IEC flashing, and a steady indicator for users who ask for reduced motion.
    const flashing = page.locator('[data-testid="alert-priority"][data-flashing="true"]').first();
    const animation = () => flashing.evaluate((el) => getComputedStyle(el).animationName);
    expect(await animation()).toBe("alarm-flash");
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await animation()).toBe("none");
    await page.emulateMedia({ reducedMotion: null });

    // Filters live in the URL.
    await page.goto("/alerts?priority=high&state=acknowledged");
    await expect(highRow(page, patient.name)).toBeVisible();
    await expect(page.locator('[data-testid="alert-row"]:not([data-priority="high"])')).toHaveCount(0);
    expect(consoleErrors, consoleErrors.join("\n")).toEqual([]);
  } finally {
    stop = true;
    await publishing;
    await dev.close();
    await chargeContext.close();
  }
});

test("an alarm raised while the queue is disconnected appears when it reconnects", async ({ page, request }) => {
  const patient = cli<PatientRow[]>("patients", "list", "--ward", "4E").find((p) => p.bed === "14")!;
  const device = cli<{ id: string; secret: string }>("devices", "create", "--type", "bedside_monitor", "--patient", patient.id);

  // The browser's socket goes through a switch: "offline" closes it and fails new ones the way an
  // unreachable server does (an error, not a clean close, so the client retries with its usual backoff).
  let offline = false;
  const open: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (offline) return void ws.send("unreachable");
    open.push({ page: ws, server: ws.connectToServer() });
  });
  await signIn(page, "nurse@demo.local");
  await page.goto("/alerts");
  await expect(page.getByTestId("connection")).toHaveAttribute("data-status", "live");

  offline = true;
  await page.context().setOffline(true);
  for (const ws of open.splice(0)) await Promise.all([ws.page.close(), ws.server.close()]);
  await expect(page.getByTestId("connection")).toHaveAttribute("data-status", "reconnecting");

  // Systolic BP below its limit raises a medium alarm at once (no confirmation delay).
  const dev = await connectDevice(await mqttUrl(request), device);
  await dev.publish(1, { heart_rate: 88, bp_sys: 82, bp_dia: 50 });
  await dev.close();
  // Stored on the server (the API call runs outside the offline browser), not on the disconnected screen.
  await expect
    .poll(async () =>
      ((await (await page.request.get(`/api/v1/alerts?patientId=${patient.id}`)).json()) as { alerts: { rule: string }[] }).alerts.map(
        (a) => a.rule,
      ),
    )
    .toEqual(["bp_sys.low"]);
  await expect(rowOf(page, patient.name)).toHaveCount(0);

  offline = false;
  await page.context().setOffline(false);
  await expect(page.getByTestId("connection")).toHaveAttribute("data-status", "live", { timeout: 15_000 });
  await expect(rowOf(page, patient.name).first()).toHaveAttribute("data-priority", "medium", { timeout: 10_000 });

  // The audible cue is on by default (the browser may hold it until a click); switched off, it stays off
  // at this workstation (e2e/shell.spec.ts covers the states in detail).
  await page.getByRole("heading").first().click(); // a user gesture: the browser lets audio start
  const sound = page.getByTestId("sound-toggle").first();
  await expect(sound).toHaveAttribute("data-state", "on");
  await sound.click();
  await page.reload();
  await expect(page.getByRole("button", { name: "Sound off" }).first()).toHaveAttribute("aria-pressed", "false");
});

test("silence, escalate and resolve ask what they need and show it", async ({ page, request }) => {
  const patient = cli<PatientRow[]>("patients", "list", "--ward", "4E").find((p) => p.bed === "16")!;
  const device = cli<{ id: string; secret: string }>("devices", "create", "--type", "bedside_monitor", "--patient", patient.id);
  await signIn(page, "nurse@demo.local");
  await page.goto("/alerts");
  await expect(page.getByTestId("connection")).toHaveAttribute("data-status", "live");
  const dev = await connectDevice(await mqttUrl(request), device);
  await dev.publish(1, { heart_rate: 84, bp_sys: 84, bp_dia: 52 });
  await dev.close();
  const row = rowOf(page, patient.name).first();
  await expect(row).toHaveAttribute("data-state", "active");

  await row.getByRole("button", { name: "Silence…" }).click();
  const silence = page.getByRole("dialog", { name: "Silence alert" });
  await silence.getByLabel("Reason").fill("Patient being repositioned");
  await silence.getByLabel("For").selectOption("10");
  await page.screenshot({ path: test.info().outputPath("silence-dialog.png") });
  await silence.getByRole("button", { name: "Silence" }).click();
  await expect(silence).toBeHidden();
  await expect(row).toContainText(/Silenced until \d\d:\d\d \(Patient being repositioned\)/);

  await row.getByRole("button", { name: "Escalate" }).click();
  await expect(row.getByTestId("escalation")).toHaveAttribute("data-level", "1");
  await expect(row.getByTestId("escalation")).toContainText("Charge nurse");

  await row.getByRole("button", { name: "Resolve…" }).click();
  const resolve = page.getByRole("dialog", { name: "Resolve alert" });
  await resolve.getByRole("button", { name: "Resolve" }).click();
  await expect(resolve).toBeVisible(); // a reason is required
  await resolve.getByLabel("Reason").fill("Cuff re-sited, repeat BP normal");
  await resolve.getByRole("button", { name: "Resolve" }).click();
  await expect(resolve).toBeHidden();
  await expect(rowOf(page, patient.name)).toHaveCount(0);

  await page.getByLabel("State").selectOption("resolved");
  await expect(page).toHaveURL(/state=resolved/);
  const resolved = rowOf(page, patient.name).first();
  await expect(resolved).toHaveAttribute("data-state", "resolved");
  await expect(resolved).toContainText("Resolved by Nora Nurse");
  await expect(resolved).toContainText("Cuff re-sited, repeat BP normal");
  await page.screenshot({ path: test.info().outputPath("resolved.png") });
});
