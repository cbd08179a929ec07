// Assets discharged with a patient need cleaning: on `patient:discharged` (lib/encounters publishes it after
// the discharge is committed) the assets in the map room holding the patient's bed (a room listing the bed
// by id or "WARD/label", else the ward's patient room named like the bed's room) and the assets of devices
// attached to the patient are marked soiled, the same fact a dirty utility room sets.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import type { PatientDischargedEvent } from "@/lib/events";
import type { LocationService } from "./location-service";

export async function soilDischargedAssets(service: LocationService, e: PatientDischargedEvent): Promise<string[]> {
  const bed = e.bed;
  let roomIds: string[] = [];
  if (bed) {
    const rooms = await (await getPrisma()).mapRoom.findMany({ select: { id: true, beds: true } });
    roomIds = rooms.filter((r) => Array.isArray(r.beds) && r.beds.some((b) => b === bed.id || b === bed.ref)).map((r) => r.id);
  }
  return service.soilDischarged({ roomIds, wardId: bed?.wardId, roomName: bed?.room ?? null, deviceIds: e.deviceIds }, e.at);
}
