// Ed25519 signatures of firmware packages. What is signed: the raw package bytes, exactly as
// uploaded and as served to devices (pure Ed25519, no pre-hash, no envelope). A signature is the
// 64-byte Ed25519 signature, base64-encoded. With OpenSSL:
//   openssl genpkey -algorithm ed25519 -out signing-key.pem
//   openssl pkey -in signing-key.pem -pubout -outform DER | base64 -w0     # -> FIRMWARE_TRUSTED_KEYS
//   openssl pkeyutl -sign -rawin -inkey signing-key.pem -in firmware.bin | base64 -w0
import "server-only";
import crypto from "node:crypto";

export type TrustedKey = { id: string; key: crypto.KeyObject; source: string };

export type SignatureCheck = { ok: true; keyId: string } | { ok: false; field: "signature"; reason: string };

/** Short stable id of a public key: the first 16 hex digits of the SHA-256 of its SPKI DER. */
export function keyFingerprint(key: crypto.KeyObject): string {
  return crypto
    .createHash("sha256")
    .update(key.export({ type: "spki", format: "der" }))
    .digest("hex")
    .slice(0, 16);
}

export function trustedKey(key: crypto.KeyObject, source: string): TrustedKey {
  if (key.type !== "public" || key.asymmetricKeyType !== "ed25519") {
    throw new Error(`${source}: not an Ed25519 public key (got ${key.asymmetricKeyType ?? key.type})`);
  }
  return { id: keyFingerprint(key), key, source };
}

/** Parses one base64 SPKI DER or PEM public key. Throws with `source` named on a bad key. */
export function parsePublicKey(text: string, source: string): TrustedKey {
  const t = text.trim().replace(/\\n/g, "\n");
  let key: crypto.KeyObject;
  try {
    key = t.includes("-----BEGIN")
      ? crypto.createPublicKey(t)
      : crypto.createPublicKey({ key: Buffer.from(strictBase64(t) ?? "", "base64"), format: "der", type: "spki" });
  } catch {
    throw new Error(`${source}: not a readable public key (expected base64 SPKI DER or PEM)`);
  }
  return trustedKey(key, source);
}

/** Comma-separated keys, as in FIRMWARE_TRUSTED_KEYS. */
export function parseTrustedKeys(list: string | undefined, name = "FIRMWARE_TRUSTED_KEYS"): TrustedKey[] {
  if (!list?.trim()) return [];
  return list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s, i) => parsePublicKey(s, `${name}[${i}]`));
}

/** The canonical base64 text of a strictly valid base64 (or base64url) string, else null. */
function strictBase64(text: string): string | null {
  const s = text.trim().replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(s)) return null;
  const bare = s.replace(/=+$/, "");
  if (bare.length % 4 === 1 || (s.length > bare.length && s.length % 4 !== 0)) return null;
  return bare.padEnd(Math.ceil(bare.length / 4) * 4, "=");
}

export function decodeSignature(signature: string | null | undefined): { ok: true; bytes: Buffer } | { ok: false; reason: string } {
  if (!signature || !signature.trim()) return { ok: false, reason: "is required: packages must be signed with a trusted Ed25519 key" };
  const b64 = strictBase64(signature);
  if (!b64) return { ok: false, reason: "is not valid base64" };
  const bytes = Buffer.from(b64, "base64");
  if (bytes.length !== 64) return { ok: false, reason: `must be a 64-byte Ed25519 signature, got ${bytes.length} bytes` };
  return { ok: true, bytes };
}

export function verifyPackageSignature(
  content: Uint8Array,
  signature: string | null | undefined,
  keys: readonly TrustedKey[],
): SignatureCheck {
  const decoded = decodeSignature(signature);
  if (!decoded.ok) return { ok: false, field: "signature", reason: decoded.reason };
  if (keys.length === 0) {
    return {
      ok: false,
      field: "signature",
      reason: "cannot be checked: no trusted firmware signing keys are configured (set FIRMWARE_TRUSTED_KEYS)",
    };
  }
  for (const k of keys) {
    if (crypto.verify(null, content, k.key, decoded.bytes)) return { ok: true, keyId: k.id };
  }
  return { ok: false, field: "signature", reason: "does not verify against any trusted key (package may be tampered)" };
}

export function sha256Hex(content: Uint8Array): string {
  return crypto.createHash("sha256").update(content).digest("hex");
}
