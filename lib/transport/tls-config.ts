// What the servers use for TLS, from the environment: TLS_CERT/TLS_KEY (PEM files), else TLS=self-signed
// (generated into DATA_DIR/tls), else none. The platform CA is always the one trusted for device
// certificates (MQTT_CLIENT_CERTS).
import "server-only";
import fs from "node:fs";
import type { Env } from "@/lib/env";
import { platformCa, selfSignedServerCertificate, type Pem } from "./certificates";

export type TlsConfig = Pem & {
  /** The platform CA certificate: trusted for device certificates (mutual TLS). */
  clientCa: string;
  source: "files" | "self-signed";
};

export async function loadTlsConfig(e: Pick<Env, "TLS" | "TLS_CERT" | "TLS_KEY" | "dataDir">): Promise<TlsConfig | null> {
  if (e.TLS_CERT || e.TLS_KEY) {
    if (!e.TLS_CERT || !e.TLS_KEY) throw new Error("Invalid configuration:\n  TLS_CERT and TLS_KEY must be set together");
    const ca = await platformCa(e.dataDir);
    return { cert: fs.readFileSync(e.TLS_CERT, "utf8"), key: fs.readFileSync(e.TLS_KEY, "utf8"), clientCa: ca.cert, source: "files" };
  }
  if (e.TLS !== "self-signed") return null;
  const server = await selfSignedServerCertificate(e.dataDir);
  const ca = await platformCa(e.dataDir);
  // The chain (server + CA) so a client that trusts the CA can verify the server.
  return { cert: server.cert + ca.cert, key: server.key, clientCa: ca.cert, source: "self-signed" };
}
