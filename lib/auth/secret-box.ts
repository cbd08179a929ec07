// Small secrets kept by the server that must be read back (TOTP seeds): AES-256-GCM with a key derived
// (HKDF-SHA-256) from the session key (AUTH_SECRET or DATA_DIR/auth-secret) and a purpose label. Never
// logged; a changed session key makes them unreadable (users enrol again).
import "server-only";
import crypto from "node:crypto";
import { authSecret } from "./auth-secret";

function key(purpose: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", authSecret(), "iomt-secret-box", purpose, 32));
}

export function sealSecret(plain: string, purpose: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(purpose), iv);
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
}

/** The clear secret, or null when it was sealed with another key or altered. */
export function openSecret(sealed: string, purpose: string): string | null {
  const [v, iv, tag, ct] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || !ct) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key(purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
