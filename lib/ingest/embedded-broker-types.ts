// What a running embedded broker is, whichever transport carries it (inline-broker.ts on the main event
// loop, broker-thread/ on a worker): the face embedded-broker.ts hands out and both implementations return.
export type MqttTransport = "worker" | "inline";

export type EmbeddedBroker = {
  port: number;
  /** MQTT over TLS port, when TLS is configured. */
  tlsPort: number | null;
  url: string;
  /** Where the broker runs. */
  transport: MqttTransport;
  /** Publishes from the platform itself (OTA commands), QoS 1. */
  publish(topic: string, payload: string, opts?: { retain?: boolean }): Promise<void>;
  close(): Promise<void>;
};
