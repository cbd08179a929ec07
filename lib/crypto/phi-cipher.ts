// The one cipher for PHI at rest: AES-256-GCM (node:crypto), a fresh 96-bit IV per value, the key id
// stored with the value: `enc:v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url). Writers encrypt with
// encryptPhi; every reader decrypts through decryptPhi, which passes plain text through unchanged (rows
// written before encryption, until the start-up sweep has encrypted them).
import "server-only";
import crypto from "node:crypto";
import { dataKeyring, type Keyring } from "./data-keys";

const PREFIX = "enc:v1:";

export function isEncrypted(v: unknown): v is string {
  return typeof v === "string" && v.startsWith(PREFIX);
}

export function encryptPhi(plain: string, keyring: Keyring = dataKeyring()): string {
  const { id, key } = keyring.current;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${PREFIX}${id}:${iv.toString("base64url")}:${cipher.getAuthTag().toString("base64url")}:${ct.toString("base64url")}`;
}

export class PhiDecryptError extends Error {
  constructor(reason: string) {
    super(`encrypted value cannot be read: ${reason}`);
    this.name = "PhiDecryptError";
  }
}

export function decryptPhi(value: string, keyring: Keyring = dataKeyring()): string {
  if (!isEncrypted(value)) return value;
  const [kid, iv, tag, ct] = value.slice(PREFIX.length).split(":");
  const k = kid ? keyring.byId.get(kid) : undefined;
  if (!k || !iv || !tag || ct === undefined) throw new PhiDecryptError(k ? "malformed" : `unknown key id "${kid}" (DATA_KEY changed?)`);
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", k.key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new PhiDecryptError("authentication failed (altered, or the wrong key)");
  }
}

/** The key id a stored value is encrypted under (null when plain). */
export function keyIdOf(value: unknown): string | null {
  return isEncrypted(value) ? (value.slice(PREFIX.length).split(":")[0] ?? null) : null;
}
