// Firmware version strings: what a valid version looks like and how two versions are ordered.
// Ordering is semver-like: dot-separated parts compared numerically when both are numbers, a
// pre-release ("2.0.0-rc.1") sorts before its release, build metadata ("+b7") is ignored.

export const VERSION_PATTERN = /^[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}$/;

function compareParts(a: string[], b: string[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) {
      if (nx !== ny) return nx < ny ? -1 : 1;
    } else if (!Number.isNaN(nx))
      return -1; // numbers sort before words
    else if (!Number.isNaN(ny)) return 1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Negative when a is older than b, positive when newer, 0 when equal in order. */
export function compareVersions(a: string, b: string): number {
  const [mainA = "", preA] = a.split("+")[0]!.split(/-(.*)/s);
  const [mainB = "", preB] = b.split("+")[0]!.split(/-(.*)/s);
  const main = compareParts(mainA.split("."), mainB.split("."));
  if (main !== 0) return main;
  if (preA && !preB) return -1;
  if (!preA && preB) return 1;
  if (preA && preB) return compareParts(preA.split("."), preB.split("."));
  return 0;
}

/** The newest of the given versions, or null for none. */
export function newestVersion(versions: Iterable<string>): string | null {
  let best: string | null = null;
  for (const v of versions) if (best === null || compareVersions(v, best) > 0) best = v;
  return best;
}
