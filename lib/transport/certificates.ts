// lib/transport owns encryption in transit: the platform's own certificate authority (for device
// certificates, mutual TLS), the server certificate (TLS_CERT/TLS_KEY, or TLS=self-signed generated
// here), HTTPS with its HTTP→HTTPS redirect, and MQTT over TLS options for the embedded broker.
// This file: generating and keeping the key material under DATA_DIR/tls (keys mode 0600).
import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generate } from "selfsigned";

export type Pem = { cert: string; key: string };

const YEAR_MS = 365 * 86_400_000;

export function tlsDir(dataDir: string): string {
  return path.join(dataDir, "tls");
}

function writeKeyPair(dir: string, name: string, pem: Pem): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dir, `${name}.crt`), pem.cert, { mode: 0o644 });
  fs.writeFileSync(path.join(dir, `${name}.key`), pem.key, { mode: 0o600 });
  fs.chmodSync(path.join(dir, `${name}.key`), 0o600);
}

function readKeyPair(dir: string, name: string): Pem | null {
  const cert = path.join(dir, `${name}.crt`);
  const key = path.join(dir, `${name}.key`);
  if (!fs.existsSync(cert) || !fs.existsSync(key)) return null;
  return { cert: fs.readFileSync(cert, "utf8"), key: fs.readFileSync(key, "utf8") };
}

/** The platform CA (DATA_DIR/tls/ca.crt, ca.key mode 0600), created at first use. It signs device
 *  certificates and the self-signed server certificate. */
export async function platformCa(dataDir: string): Promise<Pem> {
  const dir = tlsDir(dataDir);
  const existing = readKeyPair(dir, "ca");
  if (existing) return existing;
  const r = await generate([{ name: "commonName", value: "IoMT Ward platform CA" }], {
    keyType: "ec",
    curve: "P-256",
    notAfterDate: new Date(Date.now() + 10 * YEAR_MS),
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const pem = { cert: r.cert, key: r.private };
  writeKeyPair(dir, "ca", pem);
  return pem;
}

/** TLS=self-signed: a server certificate for localhost, 127.0.0.1, ::1 and this host's name, signed
 *  by the platform CA (DATA_DIR/tls/server.crt, server.key), created at first use. */
export async function selfSignedServerCertificate(dataDir: string): Promise<Pem> {
  const dir = tlsDir(dataDir);
  const existing = readKeyPair(dir, "server");
  if (existing) return existing;
  const ca = await platformCa(dataDir);
  const r = await generate([{ name: "commonName", value: "localhost" }], {
    keyType: "ec",
    curve: "P-256",
    ca: { cert: ca.cert, key: ca.key },
    notAfterDate: new Date(Date.now() + 2 * YEAR_MS),
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 2, value: os.hostname() },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  const pem = { cert: r.cert, key: r.private };
  writeKeyPair(dir, "server", pem);
  return pem;
}

/** A device certificate for mutual TLS: CN = the device id, client authentication only, signed by the
 *  platform CA. The key is returned to the caller (shown once), never kept by the platform. */
export async function issueDeviceCertificate(dataDir: string, deviceId: string, validDays = 825): Promise<Pem & { ca: string }> {
  const ca = await platformCa(dataDir);
  const r = await generate([{ name: "commonName", value: deviceId }], {
    keyType: "ec",
    curve: "P-256",
    ca: { cert: ca.cert, key: ca.key },
    notAfterDate: new Date(Date.now() + validDays * 86_400_000),
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, critical: true },
      { name: "extKeyUsage", clientAuth: true },
    ],
  });
  return { cert: r.cert, key: r.private, ca: ca.cert };
}
