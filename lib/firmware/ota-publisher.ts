// The one way firmware code reaches devices over MQTT. The MQTT side (embedded broker or external
// connection) is owned elsewhere; at start-up it installs a publisher here, e.g.
//   setOtaPublisher((topic, payload) => broker.publish(topic, payload, { qos: 1, retain: true }))
// OTA commands are published QoS 1 and retained per device (a device that was offline gets its
// pending command when it subscribes). An empty payload clears the retained command.
// One per process (lib/process-singleton.ts): server.ts and the Next bundles share it.
import "server-only";
import { processSingleton } from "@/lib/process-singleton";

export type OtaPublisher = (topic: string, payload: string) => Promise<void>;

const holder = processSingleton<{ publisher: OtaPublisher | null }>("otaPublisher", () => ({ publisher: null }));

export function setOtaPublisher(p: OtaPublisher | null): void {
  holder.publisher = p;
}

export function getOtaPublisher(): OtaPublisher | null {
  return holder.publisher;
}
