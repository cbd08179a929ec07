// The asset side of the simulator: each demo BLE gateway is a real MQTT client with its own id and secret
// that publishes, every 2 s, what it heard of the demo tags (lib/simulator/asset-movement) as a sightings
// batch on devices/{gatewayId}/sightings (QoS 1). seq is the wall clock in ms: it only grows, across restarts too.
import "server-only";
import type { MqttClient } from "mqtt";
import { seededRandom } from "@/lib/assets/location/testing/synthetic-sightings";
import { connectDevice, describeError, endClient, firstOutcome } from "./device-client";
import { gatewayReports, tagRoomAt, type DemoGateway, type DemoRoom, type DemoTag } from "./asset-movement";

export type AssetSimulation = {
  brokerUrl: string;
  gateways: (DemoGateway & { secret: string })[];
  rooms: DemoRoom[];
  tags: DemoTag[];
  intervalMs?: number;
  log: (msg: string) => void;
};

export async function startAssetTags(sim: AssetSimulation): Promise<{ stop(): Promise<void> }> {
  const rooms = new Map(sim.rooms.map((r) => [r.id, r]));
  const clients = new Map<string, MqttClient>();
  let inFlight = 0;
  for (const g of sim.gateways) {
    const c = connectDevice(sim.brokerUrl, g.id, g.secret);
    c.on("error", (err) => sim.log(`gateway ${g.id}: ${describeError(err)}`));
    clients.set(g.id, c);
  }
  await Promise.all([...clients.values()].map(firstOutcome));
  const rand = seededRandom(Date.now() % 1_000_000);
  let lastSeq = 0;
  const publish = () => {
    const t = Date.now();
    const seq = Math.max(t, lastSeq + 1);
    lastSeq = seq;
    const reports = gatewayReports(sim.gateways, rooms, sim.tags, (tag) => tagRoomAt(tag, sim.rooms, t), rand);
    for (const [gatewayId, sightings] of reports) {
      const c = clients.get(gatewayId);
      if (!c?.connected || sightings.length === 0) continue;
      inFlight++;
      c.publish(
        `devices/${gatewayId}/sightings`,
        JSON.stringify({ seq, ts: new Date(t).toISOString(), sightings }),
        { qos: 1 },
        () => inFlight--,
      );
    }
  };
  const timer = setInterval(publish, sim.intervalMs ?? 2_000);
  sim.log(`${sim.gateways.length} BLE gateways reporting ${sim.tags.length} asset tags`);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all([...clients.values()].map((c) => endClient(c, () => inFlight > 0)));
    },
  };
}
