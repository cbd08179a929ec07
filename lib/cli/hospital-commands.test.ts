import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { runCliCommand } from "./commands";

describe.each(testDatabaseKinds)("CLI hospital operations on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    await db.prisma.ward.create({ data: { code: "CL", name: "CLI ward", beds: { create: [{ label: "1" }, { label: "2" }] } } });
  });
  afterAll(async () => db?.destroy());
  const run = async (...argv: string[]) => (await runCliCommand(argv)).json as Record<string, unknown>;

  it("creates a patient, admits, transfers and discharges with the same rules as the API", async () => {
    const p = await run(
      "patients",
      "create",
      "--mrn",
      "C-1",
      "--given",
      "Ida",
      "--family",
      "Stone",
      "--birth-date",
      "1944-05-06",
      "--sex",
      "F",
    );
    const e = await run("encounters", "admit", "--patient", String(p.id), "--bed", "CL/1");
    expect(e).toMatchObject({ status: "admitted", source: "cli", bed: { label: "1" } });
    await expect(run("encounters", "admit", "--patient", String(p.id), "--bed", "CL/2")).rejects.toThrow(
      /patientId: the patient is already admitted/,
    );
    expect(await run("encounters", "transfer", String(e.id), "--bed", "CL/2")).toMatchObject({ bed: { label: "2" } });
    await expect(run("encounters", "discharge", String(e.id), "--disposition", "zz")).rejects.toThrow(
      /disposition: must be a discharge disposition code/,
    );
    expect(await run("encounters", "discharge", String(e.id), "--disposition", "01")).toMatchObject({ status: "discharged" });
  });

  it("invites and disables users, and reports wards with nobody on duty", async () => {
    const invited = await run("users", "invite", "--email", "cli.nurse@test.local", "--role", "nurse", "--ward", "CL");
    expect((invited.invite as { path: string }).path).toMatch(/^\/invite\//);
    expect(invited.user).toMatchObject({ email: "cli.nurse@test.local", invitePending: true });
    await run("users", "disable", "--email", "cli.nurse@test.local");
    expect((await run("users", "list")) as unknown as { email: string; disabledAt: string | null }[]).toEqual(
      expect.arrayContaining([expect.objectContaining({ email: "cli.nurse@test.local", disabledAt: expect.any(String) })]),
    );
    const gaps = (await runCliCommand(["duty", "gaps"])).json as { wardCode: string; duties: string[] }[];
    expect(gaps).toEqual([expect.objectContaining({ wardCode: "CL", duties: ["charge", "on_call"] })]);
  });
});
