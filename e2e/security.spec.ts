// Sessions, sign-in and headers in a real Chromium: a copied session cookie is dead after sign-out (API,
// page and socket); security headers and the CSP nonce on a real page; a denied page is a 403 that says why;
// repeated wrong passwords lock the account with a clear message; an admin enrols TOTP and sign-in then
// asks for the code. (The idle timeout is proven in lib/auth/user-sessions.test.ts and the socket sweep in
// lib/socket/socket-access.test.ts: this run's server keeps the default 15 minutes.)
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { io as ioClient } from "socket.io-client";
import { cli, signIn } from "./support";

async function signInAs(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a session cookie copied before sign-out is dead afterwards (API, page and socket)", async ({ page, baseURL }) => {
  await signIn(page, "nurse@demo.local");
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeTruthy();
  const cookie = `${session!.name}=${session!.value}`;

  // The copy works while the session is open...
  const thief = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie } });
  expect((await thief.get("/api/v1/patients")).status()).toBe(200);
  const before = await thief.get("/wards", { maxRedirects: 0 });
  expect([200, 307]).toContain(before.status());
  expect(before.headers()["location"] ?? "").not.toMatch(/\/login/);

  const socket = ioClient(baseURL!, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const dropped = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  const api = await thief.get("/api/v1/patients");
  expect(api.status()).toBe(401);
  const pageLoad = await thief.get("/wards", { maxRedirects: 0 });
  expect(pageLoad.status()).toBe(307);
  expect(pageLoad.headers()["location"]).toMatch(/\/login/);
  await thief.dispose();
  // The socket opened with the copied cookie was dropped at sign-out, and a new one is refused.
  expect(await dropped).toBe("io server disconnect");
  const again = ioClient(baseURL!, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
  await expect(
    new Promise<void>((resolve, reject) => {
      again.once("connect", () => resolve());
      again.once("connect_error", reject);
    }),
  ).rejects.toThrow(/unauthorized/);
  again.close();

  // The same cookie put back into a browser is signed out too.
  const context = await page.context().browser()!.newContext();
  await context.addCookies([session!]);
  const replay = await context.newPage();
  await replay.goto("/wards");
  await expect(replay).toHaveURL(/\/login/);
  await context.close();
});

test("pages and API answers carry the security headers; scripts run under a nonce CSP", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await signIn(page, "nurse@demo.local");
  const res = await page.goto("/wards", { waitUntil: "networkidle" });
  expect(res?.status()).toBe(200);
  const h = res!.headers();
  const csp = h["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("no-referrer");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["cache-control"]).toContain("no-store");
  expect(h["strict-transport-security"]).toBeUndefined(); // plain HTTP here: HSTS only on TLS
  // Next's own scripts carry this request's nonce, and the page ran (the ward dashboard is interactive).
  const scriptNonces = await page.locator("script[nonce]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(violations).toEqual([]);

  const api = await page.request.get("/api/v1/patients");
  expect(api.headers()["cache-control"]).toContain("no-store");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("a page outside the role answers 403 and says why", async ({ page }) => {
  await signIn(page, "nurse@demo.local");
  const res = await page.goto("/admin/audit");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
  await expect(page.getByText("This page is for administrators; you are signed in as nurse.")).toBeVisible();
});

test("repeated wrong passwords lock the account with a clear message", async ({ page }) => {
  const email = `lock-${Date.now()}@e2e.local`;
  const password = "e2e-only-password-4410";
  cli("users", "create", "--email", email, "--password", password, "--role", "nurse", "--ward", "4E");
  for (let i = 0; i < 4; i++) {
    await signInAs(page, email, "wrong-password");
    await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  }
  await signInAs(page, email, "wrong-password");
  await expect(page.getByRole("alert").filter({ hasText: "Too many failed sign-ins for this account" })).toBeVisible();
  await signInAs(page, email, password);
  await expect(page.getByRole("alert").filter({ hasText: /locked for 15 minutes/ })).toBeVisible();
});

test("an admin enrols TOTP on the account page; sign-in then asks for the code", async ({ page }) => {
  const email = `totp-${Date.now()}@e2e.local`;
  const password = "e2e-only-password-9902";
  cli("users", "create", "--email", email, "--password", password, "--role", "admin");
  await signInAs(page, email, password);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/account");
  await page.getByRole("button", { name: "Set up" }).click();
  const uri = await page.getByLabel("otpauth URI").inputValue();
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  const secret = new URL(uri).searchParams.get("secret")!;
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  await page.getByLabel("First code from the app").fill(totp.generate({ timestamp: Date.now() - 30_000 }));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("Two-step sign-in is on")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  await signInAs(page, email, password);
  await expect(page.getByRole("alert").filter({ hasText: "Enter the 6-digit code" })).toBeVisible();
  await page.getByLabel("Code from your authenticator app").fill(totp.generate());
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
});
