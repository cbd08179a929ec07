// The demo hospital's floor plans as shipped data files, one in each import form:
//   demo/ward-4e.geojson.json  Ward 4E (GeoJSON): two corridor segments, 12 two-bed rooms (beds 4E/1–24),
//                              nurse station, dirty and clean utility, equipment store, stairwell exit
//   demo/icu.floor.json        ICU (SVG-derived JSON): clinical corridor, 8 single bays (beds ICU/1–8),
//                              nurse station, clean and dirty utility, equipment store, stairwell exit
// The demo seed imports them through importFloor like any admin upload.
import type { Floor } from "./floor-model";
import { importFloor } from "./import-floor";
import ward4e from "./demo/ward-4e.geojson.json";
import icu from "./demo/icu.floor.json";

export const DEMO_FLOOR_SOURCES: readonly { file: string; body: unknown }[] = [
  { file: "lib/assets/floors/demo/ward-4e.geojson.json", body: ward4e },
  { file: "lib/assets/floors/demo/icu.floor.json", body: icu },
];

/** The demo floors as Floor models; throws if a shipped file no longer imports cleanly. */
export function demoFloors(): Floor[] {
  return DEMO_FLOOR_SOURCES.map(({ file, body }) => {
    const r = importFloor(body);
    if (!r.ok) throw new Error(`${file}: ${r.error}`);
    return r.floor;
  });
}
