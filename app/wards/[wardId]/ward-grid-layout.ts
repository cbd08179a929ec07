// How the central station fills the screen (pure): given the number of beds and the space under the ward
// header, the column count whose tiles are closest to a readable card shape while every bed stays on
// screen, and the tile density that fits that height. Tiles never get narrower than a full patient name
// needs (TILE.minWidth); when even the densest tiles cannot show every bed, the grid keeps that width
// and the page scrolls (`fits: false`).

export type TileDensity = "comfortable" | "compact" | "dense";

export type WardGridLayout = {
  columns: number;
  rows: number;
  /** Pixel size of one tile (the grid's column width and row height). */
  tileWidth: number;
  tileHeight: number;
  density: TileDensity;
  /** Every bed is visible without scrolling. */
  fits: boolean;
};

/** Pixel sizes the tile design needs (bed-tile.tsx): below `dense` height nothing fits. */
export const TILE = {
  minWidth: 176,
  maxWidth: 380,
  maxHeight: 210,
  gap: 6,
  /** Minimum tile height of each density (content of that density fits, a name on one line). */
  height: { comfortable: 176, compact: 138, dense: 112 } satisfies Record<TileDensity, number>,
  /** Width : height the layout aims for; a dense tile costs a little (smaller numbers). */
  idealAspect: 1.45,
  densePenalty: 0.15,
} as const;

export function densityFor(tileHeight: number): TileDensity {
  if (tileHeight >= TILE.height.comfortable) return "comfortable";
  if (tileHeight >= TILE.height.compact) return "compact";
  return "dense";
}

function size(total: number, count: number, gap: number): number {
  return (total - (count - 1) * gap) / count;
}

/** `width` and `height`: the grid's box in CSS pixels (height: what is left of the viewport below the header). */
export function wardGridLayout(input: { beds: number; width: number; height: number; gap?: number }): WardGridLayout {
  const gap = input.gap ?? TILE.gap;
  const beds = Math.max(0, Math.floor(input.beds));
  const width = Math.max(0, input.width);
  const height = Math.max(0, input.height);
  if (beds === 0) return { columns: 1, rows: 0, tileWidth: width, tileHeight: TILE.height.comfortable, density: "comfortable", fits: true };

  let best: (WardGridLayout & { score: number }) | null = null;
  for (let columns = 1; columns <= beds; columns++) {
    const tileWidth = size(width, columns, gap);
    if (tileWidth < TILE.minWidth && columns > 1) break;
    const rows = Math.ceil(beds / columns);
    const room = size(height, rows, gap);
    if (room < TILE.height.dense) continue;
    const tileHeight = Math.min(room, TILE.maxHeight);
    const density = densityFor(tileHeight);
    const aspect = Math.min(tileWidth, TILE.maxWidth) / tileHeight;
    const score = Math.abs(Math.log(aspect / TILE.idealAspect)) + (density === "dense" ? TILE.densePenalty : 0);
    if (!best || score < best.score) best = { columns, rows, tileWidth, tileHeight, density, fits: true, score };
  }
  if (best) {
    const { score: _score, ...layout } = best;
    return layout;
  }
  // Too many beds for the height: as many readable columns as the width allows, compact tiles, scrolling.
  const columns = Math.max(1, Math.floor((width + gap) / (TILE.minWidth + gap)));
  return {
    columns,
    rows: Math.ceil(beds / columns),
    tileWidth: size(width, columns, gap),
    tileHeight: TILE.height.compact,
    density: "compact",
    fits: false,
  };
}
