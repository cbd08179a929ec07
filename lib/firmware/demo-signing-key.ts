// Demo mode only: an Ed25519 key pair generated on first use under DATA_DIR/firmware-signing, so the
// demo can sign its own packages (`npm run cli -- firmware sign --file F`). The private key file is
// mode 0600 in a 0700 directory; the public key is trusted in demo mode beside FIRMWARE_TRUSTED_KEYS.
// Never used outside demo mode: production packages are signed offline with the vendor's key.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { trustedKey, type TrustedKey } from "./signature";

export type DemoSigningKey = { privateKey: crypto.KeyObject; publicKey: TrustedKey; privateKeyPath: string; publicKeyPath: string };

const DIR = "firmware-signing";
const PRIVATE_FILE = "demo-ed25519-private.pem";
const PUBLIC_FILE = "demo-ed25519-public.pem";

/** Creates `file` with `data` atomically (never half-written, never overwritten). False if it existed. */
function createOnce(file: string, data: string, mode: number): boolean {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(tmp, data, { mode, flag: "wx" });
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    fs.unlinkSync(tmp);
  }
}

export function ensureDemoSigningKey(dataDir: string): DemoSigningKey {
  const dir = path.join(dataDir, DIR);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const privateKeyPath = path.join(dir, PRIVATE_FILE);
  const publicKeyPath = path.join(dir, PUBLIC_FILE);
  if (!fs.existsSync(privateKeyPath)) {
    const pair = crypto.generateKeyPairSync("ed25519");
    createOnce(privateKeyPath, pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(), 0o600);
  }
  const privateKey = crypto.createPrivateKey(fs.readFileSync(privateKeyPath, "utf8"));
  const publicKey = crypto.createPublicKey(privateKey);
  const publicPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  if (!fs.existsSync(publicKeyPath)) createOnce(publicKeyPath, publicPem, 0o644);
  return { privateKey, publicKey: trustedKey(publicKey, "demo key"), privateKeyPath, publicKeyPath };
}

/** Base64 Ed25519 signature of the raw package bytes with the demo key. */
export function signWithDemoKey(dataDir: string, content: Uint8Array): string {
  return crypto.sign(null, content, ensureDemoSigningKey(dataDir).privateKey).toString("base64");
}
