// High-entropy secrets (device secrets, personal API tokens): shown once, stored as SHA-256.
// A KDF adds nothing for 192-bit random secrets and would cost a hash per MQTT connect.
import "server-only";
import crypto from "node:crypto";

export function generateSecret(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(24).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
  // One-shot crypto.hash: the same digest without a Hash object per call (every HTTP frame checks one).
  return `sha256$${crypto.hash("sha256", secret, "hex")}`;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret));
  const b = Buffer.from(storedHash);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
