import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// The demo's care team (lib/seed/demo-programs.ts): the physician triages the three home patients, writes
// to Maya (H-1001, diabetes); Maya reads it on her phone and answers; the answer is in the physician's panel.
test("care team triage, messages both ways, the portal invite and pairing a device", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const question = `Your nights look low: please check in tomorrow (${stamp}).`;
  const answer = `Will do, it was 51 at 3 am (${stamp}).`;
  const clinician = await browser.newPage();
  await signIn(clinician, "physician@demo.local");
  await clinician.getByRole("link", { name: "My remote patients" }).click();
  await expect(clinician).toHaveURL(/\/remote$/);
  for (const program of ["Diabetes (CGM)", "Hypertension (home BP)", "Asthma / COPD (smart inhaler)"]) {
    await expect(clinician.getByRole("heading", { name: program })).toBeVisible();
  }
  const maya = clinician.getByRole("row").filter({ hasText: "H-1001" });
  await expect(maya.getByRole("link", { name: "Maya Lindgren" })).toBeVisible();
  await maya.getByRole("button", { name: "Messages & invite" }).click();
  await clinician.getByLabel("Write to the patient").fill(question);
  await clinician.getByRole("button", { name: "Send" }).click();
  await expect(clinician.getByRole("list", { name: "Messages" }).getByText(question)).toBeVisible();
  // Maya already has her portal account: the invite is refused, saying why.
  await clinician.getByRole("textbox", { name: /the patient.s email/ }).fill("maya.other@demo.local");
  await clinician.getByRole("button", { name: "Invite patient" }).click();
  await expect(clinician.getByText(/already has a portal account/)).toBeVisible();
  // Onboarding: a spare CGM is paired to Maya; its id and secret are shown once.
  await clinician.getByLabel("Pair a new home device").selectOption("cgm");
  await clinician.getByRole("button", { name: "Pair device" }).click();
  await expect(clinician.getByTestId("paired-device")).toContainText(/Paired cgm-\S+\. Its secret \(shown once\): \S+/);

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(phone, "maya@demo.local");
  await phone.goto("/portal/messages");
  await expect(phone.getByText(question)).toBeVisible();
  await phone.getByLabel("Write to your care team").fill(answer);
  await phone.getByRole("button", { name: "Send" }).click();
  await expect(phone.getByRole("list", { name: "Messages" }).getByText(answer)).toBeVisible();
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);

  // Live: the answer arrives in the open panel without a reload.
  await expect(clinician.getByRole("list", { name: "Messages" }).getByText(answer)).toBeVisible();

  // The care team opens the home patient's page like a ward patient's.
  await maya.getByRole("link", { name: "Maya Lindgren" }).click();
  await expect(clinician).toHaveURL(/\/patients\/[^/]+$/);
  await expect(clinician.getByRole("heading", { name: "Maya Lindgren" })).toBeVisible();
});
