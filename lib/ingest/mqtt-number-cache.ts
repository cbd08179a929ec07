// mqtt-packet (under aedes and the mqtt client) writes each 16-bit number of a packet (packet ids, lengths) from
// a table of 65,536 two-byte Buffers that it builds on first use and keeps for good: about 6 MiB of JS heap in
// every thread that writes MQTT (bench:memory). Turned off, it allocates the two bytes per number instead.
import mqttPacket from "mqtt-packet";

/** Before the first MQTT packet is written in this thread. */
export function skipMqttNumberCache(): void {
  mqttPacket.writeToStream.cacheNumbers = false;
}
