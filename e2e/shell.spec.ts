// The app's shell as a newcomer meets it: ward tiles sized to the screen (every name in full, the ward on
// one screen), a technical alarm banner that says what it means and goes when the device is back, the
// wards overview's alarm counts, denied pages that answer 403 and say where to go, the styled 404, the
// icons, and the alarm sound remembered per workstation.
import { expect, test, type Page } from "@playwright/test";
import { cli, connectDevice, mqttUrl, publishFrames, signIn } from "./support";

type PatientRow = { id: string; mrn: string; name: string; ward: string | null; bed: string | null };

/** Names that do not fit their element (scrollWidth beyond clientWidth), and whether the page scrolls. */
async function measureWard(page: Page) {
  return page.evaluate(() => {
    const names = [...document.querySelectorAll<HTMLElement>('[data-testid="tile-name"]')];
    const tiles = [...document.querySelectorAll<HTMLElement>('[data-testid="bed-tile"]')];
    return {
      names: names.map((n) => n.textContent ?? ""),
      cut: names.filter((n) => n.scrollWidth > n.clientWidth).map((n) => n.textContent),
      overflowing: tiles.filter((t) => t.scrollHeight > t.clientHeight + 1).map((t) => t.dataset.bed),
      pageScrolls: document.documentElement.scrollHeight > window.innerHeight,
    };
  });
}

test("ward tiles show every patient's name in full and the whole ward on one screen at 1440 and 1920 px", async ({ page }) => {
  const patients = cli<PatientRow[]>("patients", "list", "--ward", "4E").filter((p) => p.bed !== null);
  await signIn(page, "nurse@demo.local");
  await expect(page).toHaveURL(/\/wards\/[^/]+$/, { timeout: 30_000 });
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await page.reload();
    const grid = page.getByTestId("bed-grid");
    await expect(grid).toHaveAttribute("data-columns", /\d+/);
    await expect(page.getByTestId("bed-tile")).toHaveCount(30);
    const m = await measureWard(page);
    expect(m.cut, `names cut at ${viewport.width} px`).toEqual([]);
    expect(m.overflowing, `tiles overflowing at ${viewport.width} px`).toEqual([]);
    expect(m.pageScrolls, `the ward scrolls at ${viewport.width}×${viewport.height}`).toBe(false);
    // The full name, not an abbreviation, for every patient in a bed.
    expect([...m.names].sort()).toEqual(patients.map((p) => p.name).sort());
  }
});

test("an offline monitor's banner says so in words, counts on the wards overview, and goes when the monitor is back", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const patient = cli<PatientRow[]>("patients", "list", "--ward", "4E").find((p) => p.bed === "20")!;
  const device = cli<{ id: string; secret: string }>("devices", "create", "--type", "bedside_monitor", "--patient", patient.id);
  const url = await mqttUrl(request);
  await signIn(page, "nurse@demo.local");
  await page.setViewportSize({ width: 1440, height: 900 });
  const tile = page.locator('[data-testid="bed-tile"][data-bed="20"]');
  await expect(page.getByTestId("connection")).toHaveAttribute("data-status", "live"); // the screen follows the ward
  await publishFrames(url, device, [{ seq: 1, values: { heart_rate: 72, spo2: 97 } }]);
  await expect(tile.locator('[data-metric="heart_rate"]')).toHaveText(/72/);

  // Silent past the monitor's inactivity timeout (30 s): offline, a technical (INOP) alarm.
  const offlineAlarm = async () => {
    const res = await page.request.get(`/api/v1/alerts?patientId=${patient.id}&priority=technical`);
    const { alerts } = (await res.json()) as { alerts: { deviceId: string | null; rule: string; state: string }[] };
    return alerts.find((a) => a.deviceId === device.id && a.rule === "tech.offline")?.state ?? "none";
  };
  await expect.poll(offlineAlarm, { timeout: 60_000, intervals: [2_000] }).toBe("active");
  // The tile's banner says it in words, without the device id (the tile is the bed) and without a cut.
  const banner = tile.getByTestId("tile-alarm");
  await expect(banner).toHaveAttribute("data-priority", "technical");
  const text = (await banner.getByTestId("tile-alarm-text").textContent()) ?? "";
  expect(text).toMatch(/^Device offline/);
  expect(text).not.toMatch(/mon-|…$/);

  const admin = await browser.newPage();
  await signIn(admin, "admin@demo.local");
  await admin.goto("/wards");
  const ward = admin.locator('[data-testid="ward-card"][data-ward="4E"]');
  await expect(ward.locator('[data-priority="technical"]')).toContainText(/\d+ INOP/);
  await expect(admin.locator('[data-testid="ward-card"][data-ward="ICU"]').getByTestId("ward-alarms")).toBeVisible();
  await admin.close();

  // Back: the technical alarm does not latch, the banner goes by itself.
  const dev = await connectDevice(url, device);
  await dev.publish(2, { heart_rate: 74, spo2: 97 });
  await expect.poll(offlineAlarm, { timeout: 15_000 }).toBe("none"); // resolved: no longer open
  await expect(tile.locator(`[data-testid="tile-alarm"][title*="${device.id}"]`)).toHaveCount(0);
  await expect(tile.locator('[data-metric="heart_rate"]')).toHaveText(/74/);
  await dev.close();
});

test("a denied page answers 403, says what the role may do and links to where it can go", async ({ page, browser }) => {
  await signIn(page, "nurse@demo.local");
  const res = await page.goto("/admin/users");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
  await expect(page.getByText("This page is for administrators; you are signed in as nurse.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "What you can do" })).toBeVisible();
  const pages = page.getByRole("list", { name: "Pages you can open" });
  await expect(pages.getByRole("link", { name: "Wards" })).toHaveAttribute("href", "/wards");
  await expect(pages.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await page.getByRole("link", { name: "Go to your start page" }).click();
  await expect(page).toHaveURL(/\/wards/);

  const wardDenied = await page.goto("/wards/not-a-ward-of-mine");
  expect(wardDenied?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "No access to this ward" })).toBeVisible();

  const biomed = await browser.newPage();
  await signIn(biomed, "biomed@demo.local");
  const denied = await biomed.goto("/wards");
  expect(denied?.status()).toBe(403);
  await expect(biomed.getByText("Patient records are not part of your role.")).toBeVisible();
  await expect(biomed.getByRole("list", { name: "Pages you can open" }).getByRole("link", { name: "Devices" })).toBeVisible();
  await biomed.close();
});

test("an unknown address shows the styled 404; the favicon and app icons are served", async ({ page }) => {
  const res = await page.goto("/no-such-page/anywhere");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "There is no page at this address" })).toBeVisible();
  await expect(page.getByText("/no-such-page/anywhere")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe("rgb(5, 7, 10)"); // the app's dark canvas, not the stock white page

  const icon = await page.request.get("/icon.svg");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/icon/);
  const apple = await page.request.get("/apple-icon.png");
  expect(apple.status()).toBe(200);
  expect(apple.headers()["content-type"]).toContain("image/png");
  await page.goto("/login");
  await expect(page.locator('head link[rel="icon"][href*="icon.svg"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="apple-touch-icon"]')).toHaveCount(1);
});

test("the alarm sound is on by default, labelled, and its setting survives a reload at this workstation", async ({ page }) => {
  await signIn(page, "nurse@demo.local");
  const sound = page.getByTestId("sound-toggle").first();
  // On by default: playing, or waiting for the browser's first user gesture ("Click to enable sound").
  await expect(sound).toHaveAttribute("aria-pressed", "true");
  await expect(sound).toHaveText(/^(Sound on|Click to enable sound)$/);
  await page.getByRole("heading").first().click(); // a user gesture: the browser lets audio start
  await expect(sound).toHaveAttribute("data-state", "on");
  await expect(sound).toHaveText("Sound on");

  await sound.click();
  await expect(sound).toHaveText("Sound off");
  await expect(sound).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  const header = page.getByRole("banner");
  await expect(header.getByRole("button", { name: "Sound off" })).toHaveAttribute("aria-pressed", "false"); // visible in the header

  await header.getByRole("button", { name: "Sound off" }).click();
  await expect(sound).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(sound).toHaveAttribute("aria-pressed", "true");
  await expect(sound).toHaveText(/^(Sound on|Click to enable sound)$/);
});
