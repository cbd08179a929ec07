import { describe, expect, it } from "vitest";
import { assetStatus, soiledAt, type AssetFacts } from "./asset-status";

const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 23, 12);
const idle: AssetFacts = {
  attachedToPatient: false,
  running: false,
  soiledAt: null,
  cleanedAt: null,
  serviceDueAt: null,
  locationState: "located",
};

describe("asset status", () => {
  it("is available when nothing else applies", () => {
    expect(assetStatus(idle, NOW)).toEqual({ status: "available", applies: ["available"] });
    expect(assetStatus({ ...idle, locationState: null, serviceDueAt: NOW + H }, NOW).status).toBe("available");
  });

  it("is in use when attached to a patient or running, even with its tag gone quiet", () => {
    expect(assetStatus({ ...idle, attachedToPatient: true }, NOW).status).toBe("in_use");
    expect(assetStatus({ ...idle, running: true, locationState: "missing" }, NOW)).toEqual({
      status: "in_use",
      applies: ["in_use", "missing"],
    });
  });

  it("missing beats service due, which beats needs cleaning; all are listed", () => {
    const all: AssetFacts = { ...idle, locationState: "missing", serviceDueAt: NOW - H, soiledAt: NOW - 2 * H };
    expect(assetStatus(all, NOW)).toEqual({ status: "missing", applies: ["missing", "service_due", "needs_cleaning"] });
    expect(assetStatus({ ...all, locationState: "moving" }, NOW).status).toBe("service_due");
    expect(assetStatus({ ...all, locationState: "located", serviceDueAt: NOW }, NOW).status).toBe("service_due");
    expect(assetStatus({ ...all, locationState: "located", serviceDueAt: null }, NOW).status).toBe("needs_cleaning");
  });

  it("needs cleaning until cleaned after it was soiled", () => {
    expect(assetStatus({ ...idle, soiledAt: NOW - H, cleanedAt: NOW - 2 * H }, NOW).status).toBe("needs_cleaning");
    expect(assetStatus({ ...idle, soiledAt: NOW - H, cleanedAt: NOW - H / 2 }, NOW).status).toBe("available");
  });
});

describe("when an asset became soiled", () => {
  const dirty = (at: number) => ({ roomType: "dirty_utility" as const, at });

  it("is its latest pass through a dirty utility room after a use", () => {
    const uses = [{ from: NOW - 10 * H, to: NOW - 8 * H }];
    expect(soiledAt({ uses, entries: [dirty(NOW - 7 * H), { roomType: "corridor", at: NOW - 6 * H }, dirty(NOW - 5 * H)] })).toBe(
      NOW - 5 * H,
    );
  });

  it("ignores a dirty utility room passed before any use ended, and other rooms", () => {
    expect(
      soiledAt({
        uses: [{ from: NOW - 4 * H, to: NOW - 2 * H }],
        entries: [dirty(NOW - 5 * H), { roomType: "patient_room", at: NOW - H }],
      }),
    ).toBeNull();
    expect(soiledAt({ uses: [{ from: NOW - 4 * H, to: null }], entries: [dirty(NOW - H)] })).toBeNull();
    expect(soiledAt({ uses: [], entries: [dirty(NOW - H)] })).toBeNull();
  });

  it("is the discharge of its patient when that is later", () => {
    const uses = [{ from: NOW - 10 * H, to: NOW - 8 * H }];
    expect(soiledAt({ uses, entries: [dirty(NOW - 7 * H)], dischargesWithPatient: [NOW - 3 * H] })).toBe(NOW - 3 * H);
    expect(soiledAt({ uses: [], entries: [], dischargesWithPatient: [NOW - 3 * H, NOW - 9 * H] })).toBe(NOW - 3 * H);
  });
});
