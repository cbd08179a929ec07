import { describe, expect, it } from "vitest";
import { excursionsToCsv, EXCURSION_CSV_COLUMNS } from "./excursions-csv";
import { formatDuration, type ExcursionView } from "./excursion-types";

const base: ExcursionView = {
  id: "x1",
  deviceId: "fridge-1",
  kind: "high",
  profile: "vaccine_fridge",
  profileLabel: "Vaccine fridge (2–8 °C)",
  location: "Pharmacy",
  wardId: "ward-id",
  wardCode: "ICU",
  startedAt: "2026-11-23T18:00:00.000Z",
  endedAt: "2026-11-23T18:42:30.000Z",
  ongoing: false,
  durationMs: 42.5 * 60_000,
  minC: 8.2,
  maxC: 11,
  alertId: "a1",
  alertState: "resolved",
  correctiveAction: null,
  actionBy: null,
  actionAt: null,
};

describe("excursionsToCsv", () => {
  it("writes a header and one CRLF-terminated line per row with ISO times and minutes", () => {
    const csv = excursionsToCsv([base]);
    expect(csv).toBe(
      `${EXCURSION_CSV_COLUMNS.join(",")}\r\n` +
        "x1,fridge-1,Pharmacy,ICU,Vaccine fridge (2–8 °C),high,2026-11-23T18:00:00.000Z,2026-11-23T18:42:30.000Z,no,42.5,8.2,11,a1,,,\r\n",
    );
    expect(excursionsToCsv([])).toBe(`${EXCURSION_CSV_COLUMNS.join(",")}\r\n`);
  });

  it("leaves the end empty for an ongoing excursion and nulls empty for a logger gap", () => {
    const line = excursionsToCsv([
      { ...base, kind: "data_gap", endedAt: null, ongoing: true, durationMs: 95_000, minC: null, maxC: null, alertId: null },
    ]).split("\r\n")[1];
    expect(line).toBe("x1,fridge-1,Pharmacy,ICU,Vaccine fridge (2–8 °C),data_gap,2026-11-23T18:00:00.000Z,,yes,1.6,,,,,,");
  });

  it("quotes the corrective action and names, doubling quotes, keeping line breaks inside the field", () => {
    const row = {
      ...base,
      correctiveAction: 'Door left open, closed it.\nMoved doses; "do not use" label',
      actionBy: { id: "u1", name: "Smith, Ann" },
      actionAt: "2026-11-23T19:00:00.000Z",
    };
    const csv = excursionsToCsv([row]);
    expect(csv).toContain(',"Door left open, closed it.\nMoved doses; ""do not use"" label","Smith, Ann",2026-11-23T19:00:00.000Z\r\n');
  });

  it("defuses text a spreadsheet would run as a formula, but not negative temperatures", () => {
    const csv = excursionsToCsv([
      {
        ...base,
        profileLabel: null,
        profile: "vaccine_freezer",
        minC: -20.5,
        maxC: -12,
        correctiveAction: '=HYPERLINK("x")',
        location: "@home",
      },
    ]);
    const line = csv.split("\r\n")[1]!;
    expect(line).toContain(",-20.5,-12,");
    expect(line).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(line).toContain(",'@home,");
  });

  it("falls back to the ward id and the raw profile", () => {
    const line = excursionsToCsv([{ ...base, wardCode: null, profileLabel: null, profile: "blood_bank" }]).split("\r\n")[1];
    expect(line).toMatch(/^x1,fridge-1,Pharmacy,ward-id,blood_bank,high,/);
  });
});

describe("formatDuration", () => {
  it("reads as seconds, minutes, hours and days", () => {
    expect(formatDuration(-5)).toBe("0 s");
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(12 * 60_000 + 59_000)).toBe("12 min");
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000)).toBe("2 h 05 min");
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000 + 59 * 60_000)).toBe("3 d 4 h");
  });
});
