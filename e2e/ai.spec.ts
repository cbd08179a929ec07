// End to end, the governed AI: admin A edits the handover prompt (a typo in a variable is refused by
// name), saves a new version and sees the word-level diff against production; admin A may not approve
// it; admin B approves and promotes it; admin A prices the demo model; a 4E nurse asks for the handover summary of a patient with
// fresh vitals and gets it from that version (labelled decision support, with the demo-model notice,
// the data it was given) and marks it useful; the call is in the log with its tokens and cost; the
// spend page counts it.
import { expect, test, type Page } from "@playwright/test";
import { cli, mqttUrl, publishFrames, signIn } from "./support";

type PatientRow = { id: string; mrn: string; name: string; ward: string | null; bed: string | null };

const PROMPT = "/admin/ai/prompts/handover-summary";
const ADDED = "Lead with the single most urgent finding.";

const versionRow = (page: Page, v: number) => page.locator(`[data-testid="version-row"][data-version="${v}"]`);

test("an admin edits the handover prompt, a second admin approves and promotes it, a nurse gets the summary, the call is logged and costed", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));

  // A 4E patient with a few minutes of vital signs.
  const patient = cli<PatientRow[]>("patients", "list", "--ward", "4E").find((p) => p.bed === "3")!;
  const device = cli<{ id: string; secret: string }>("devices", "create", "--type", "bedside_monitor", "--patient", patient.id);
  const now = Date.now();
  await publishFrames(
    await mqttUrl(request),
    device,
    [0, 1, 2, 3].map((i) => ({
      seq: i + 1,
      ts: new Date(now - (4 - i) * 60_000),
      values: {
        heart_rate: 88 + i * 6,
        resp_rate: 18 + i,
        spo2: 96 - i,
        bp_sys: 122 - i * 4,
        bp_dia: 76,
        temp: 37.4 + i * 0.2,
        consciousness: 0,
        o2_supplement: 0,
      },
    })),
  );

  // Admin A: the AI section from the nav, the handover prompt, a new version.
  await signIn(page, "admin@demo.local");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "AI" }).click();
  await expect(page).toHaveURL(/\/admin\/ai\/prompts$/);
  await expect(page.locator('[data-testid="prompt-row"]')).toHaveCount(4);
  await page.getByRole("link", { name: "handover-summary" }).click();
  await expect(page).toHaveURL(new RegExp(`${PROMPT}$`));
  await expect(versionRow(page, 1)).toContainText("production");

  const system = page.getByLabel("Message 1 text");
  const user = page.getByLabel("Message 2 text");
  await system.fill(`${await system.inputValue()} ${ADDED}`);
  // A misspelt variable is refused, named on its message.
  const userText = await user.inputValue();
  await user.fill(`${userText}\n\nPatient: {{patient_nme}}`);
  await page.getByLabel("Commit message").fill("Lead with the most urgent finding");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.locator("#message-1-error")).toContainText('unknown variable "patient_nme"');
  await expect(versionRow(page, 2)).toHaveCount(0);

  await user.fill(userText);
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText("Saved version 2.")).toBeVisible();
  await expect(versionRow(page, 2)).toContainText("awaiting approval");
  // The page has read the save back and the editor starts afresh on it; the confirmation stays.
  await expect(page.getByText("Saving creates version 3")).toBeVisible();
  await expect(page.getByText("Saved version 2.")).toBeVisible();

  // The diff opens on production (v1) against the new version, word by word.
  const diff = page.getByTestId("prompt-diff");
  await expect(diff).toContainText("From v1 (production) to v2 (latest)");
  await expect(diff.locator("ins").filter({ hasText: "urgent" }).first()).toBeVisible();
  await expect(diff.locator("del")).toHaveCount(1); // only the legend's "removed": nothing was taken out

  // Four eyes: the author cannot approve it, and the page says why.
  await expect(versionRow(page, 2).getByRole("button", { name: "Approve" })).toBeDisabled();
  await expect(versionRow(page, 2)).toContainText("another admin must approve it");
  await expect(versionRow(page, 2).getByRole("button", { name: "Promote to production" })).toBeDisabled();

  // Admin B approves and promotes.
  const bContext = await browser.newContext();
  const b = await bContext.newPage();
  await signIn(b, "admin2@demo.local");
  await b.goto(PROMPT);
  await versionRow(b, 2).getByRole("button", { name: "Approve" }).click();
  await expect(b.getByText("Version 2 approved.")).toBeVisible();
  await expect(versionRow(b, 2).getByTestId("approval")).toContainText("Sam Second-Admin");
  await versionRow(b, 2).getByRole("button", { name: "Promote to production" }).click();
  await expect(b.getByText("production moved from v1 to v2.")).toBeVisible();
  await expect(versionRow(b, 2)).toContainText("production");
  await expect(versionRow(b, 1).getByRole("button", { name: "Roll back to v1" })).toBeEnabled();
  await bContext.close();

  // Admin A prices the built-in demo model (free by default) like gpt-4o-mini, from now on.
  await page.goto("/admin/ai/spend");
  const priceForm = page.getByRole("form", { name: "Add a price" });
  await priceForm.getByLabel("Model or pattern").fill("demo-template");
  await priceForm.getByLabel("Input / 1M", { exact: true }).fill("0.15");
  await priceForm.getByLabel("Cached input / 1M").fill("0.075");
  await priceForm.getByLabel("Output / 1M").fill("0.60");
  await priceForm.getByRole("button", { name: "Add price" }).click();
  await expect(page.getByText(/Price for demo-template from \d{4}-\d{2}-\d{2} saved\./)).toBeVisible();
  await expect(page.locator('[data-testid="price-row"][data-model="demo-template"][data-in-force]')).toContainText("$0.6");

  // A 4E nurse asks for the handover summary on the patient page.
  const nContext = await browser.newContext();
  const nurse = await nContext.newPage();
  nurse.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
  await signIn(nurse, "nurse@demo.local");
  await nurse.goto(`/patients/${patient.id}`);
  await nurse.getByRole("button", { name: "Handover summary" }).click();
  const answer = nurse.getByTestId("ai-answer");
  await expect(answer).toBeVisible({ timeout: 60_000 });
  await expect(answer).toContainText("Decision support");
  await expect(answer.getByTestId("ai-prompt-version")).toHaveText("handover-summary version 2");
  await expect(answer.getByTestId("ai-demo-notice")).toContainText("not a language model");
  await expect(answer.getByTestId("ai-parameters")).toContainText("patient.vitals_window (");
  expect((await answer.getByTestId("ai-text").innerText()).length).toBeGreaterThan(40);
  // De-identified before it left: the device id and the reading times were replaced.
  await expect(answer.getByTestId("ai-redactions")).not.toHaveText("nothing to remove");
  const callId = await answer.getAttribute("data-call-id");
  expect(callId).toBeTruthy();
  await answer.getByRole("button", { name: "Useful", exact: true }).click();
  await expect(answer.getByText("recorded as useful")).toBeVisible();
  await nContext.close();

  // The call is in the log, with its tokens and cost, by version.
  await page.goto("/admin/ai/calls?feature=handover-summary");
  const row = page.locator(`[data-testid="call-row"][data-call-id="${callId}"]`);
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute("data-status", "ok");
  await expect(row).toContainText("handover-summary v2");
  await expect(row).toContainText("Nora Nurse");
  const cost = (await row.getByTestId("call-cost").innerText()).trim();
  expect(cost).toMatch(/^\$0\.\d{6}$/);
  expect(cost).not.toBe("$0.000000");
  await expect(page.locator('[data-testid="metrics-row"][data-prompt="handover-summary"][data-version="2"]')).toContainText("1 / 0");
  await row.click();
  await expect(page.getByText("useful", { exact: true })).toBeVisible();
  const csv = await page.request.get((await page.getByTestId("calls-csv").getAttribute("href"))!);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(callId!);

  // The spend page counts it.
  await page.goto("/admin/ai/spend");
  await expect(page.getByTestId("spend-calls")).not.toHaveText("0");
  await expect(page.getByTestId("spend-total")).not.toHaveText("$0");
  await expect(page.getByTestId("forecast-total")).not.toHaveText("$0");

  expect(errors.filter((e) => !e.includes("favicon"))).toEqual([]);
});
