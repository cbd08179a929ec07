import { describe, expect, it } from "vitest";
import { densityFor, TILE, wardGridLayout } from "./ward-grid-layout";

// The grid's box on a 1920×1080 wall screen and a 1440×900 desktop (viewport less nav, ward header, padding).
const WALL = { width: 1920 - 24, height: 1080 - 117 };
const DESK = { width: 1440 - 24, height: 900 - 117 };

function usedHeight(l: ReturnType<typeof wardGridLayout>): number {
  return l.rows * l.tileHeight + (l.rows - 1) * TILE.gap;
}
function usedWidth(l: ReturnType<typeof wardGridLayout>): number {
  return l.columns * l.tileWidth + (l.columns - 1) * TILE.gap;
}

describe("wardGridLayout", () => {
  it("fits 64 beds on a 1920×1080 wall screen, every tile wide enough for a full name", () => {
    const l = wardGridLayout({ beds: 64, ...WALL });
    expect(l.fits).toBe(true);
    expect(l.columns * l.rows).toBeGreaterThanOrEqual(64);
    expect(usedHeight(l)).toBeLessThanOrEqual(WALL.height);
    expect(usedWidth(l)).toBeLessThanOrEqual(WALL.width + 0.01);
    expect(l.tileWidth).toBeGreaterThanOrEqual(TILE.minWidth);
    expect(l.tileHeight).toBeGreaterThanOrEqual(TILE.height.dense);
  });

  it("uses the wall screen for the demo ward (30 beds): not 8 narrow columns over half the screen", () => {
    const l = wardGridLayout({ beds: 30, ...WALL });
    expect(l).toMatchObject({ fits: true, density: "comfortable" });
    expect(l.columns).toBeLessThanOrEqual(7);
    expect(usedHeight(l)).toBeGreaterThan(WALL.height * 0.9); // the screen is filled, not 40 % empty
    expect(l.tileWidth).toBeGreaterThan(250);
  });

  it("keeps tiles readable at 1440×900 with 30 beds (compact, all visible)", () => {
    const l = wardGridLayout({ beds: 30, ...DESK });
    expect(l.fits).toBe(true);
    expect(l.density).not.toBe("dense");
    expect(l.tileWidth).toBeGreaterThanOrEqual(220);
    expect(usedHeight(l)).toBeLessThanOrEqual(DESK.height);
  });

  it("does not blow a small ward up to giant tiles", () => {
    const l = wardGridLayout({ beds: 8, ...WALL });
    expect(l.tileHeight).toBeLessThanOrEqual(TILE.maxHeight);
    expect(l.columns).toBeGreaterThanOrEqual(4);
  });

  it("scrolls rather than shrink tiles below a readable size when the beds cannot all fit", () => {
    const l = wardGridLayout({ beds: 120, ...DESK });
    expect(l.fits).toBe(false);
    expect(l.tileWidth).toBeGreaterThanOrEqual(TILE.minWidth);
    expect(l.columns).toBe(Math.floor((DESK.width + TILE.gap) / (TILE.minWidth + TILE.gap)));
    expect(l.rows).toBe(Math.ceil(120 / l.columns));
  });

  it("handles an empty ward and a phone-width screen", () => {
    expect(wardGridLayout({ beds: 0, ...WALL })).toMatchObject({ rows: 0, fits: true });
    const phone = wardGridLayout({ beds: 12, width: 340, height: 600 });
    expect(phone.columns).toBe(1);
    expect(phone.fits).toBe(false);
  });

  it("names the density from the tile height", () => {
    expect(densityFor(TILE.height.comfortable)).toBe("comfortable");
    expect(densityFor(TILE.height.comfortable - 1)).toBe("compact");
    expect(densityFor(TILE.height.compact - 1)).toBe("dense");
  });
});
