import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeSignature, parsePublicKey, parseTrustedKeys, verifyPackageSignature } from "./signature";

const pair = () => crypto.generateKeyPairSync("ed25519");
const spkiB64 = (k: crypto.KeyObject) => k.export({ type: "spki", format: "der" }).toString("base64");
const pem = (k: crypto.KeyObject) => k.export({ type: "spki", format: "pem" }).toString();

describe("firmware signatures (Ed25519 over the raw package bytes)", () => {
  const vendor = pair();
  const other = pair();
  const content = crypto.randomBytes(4096);
  const signature = crypto.sign(null, content, vendor.privateKey).toString("base64");
  const keys = parseTrustedKeys(`${spkiB64(other.publicKey)}, ${spkiB64(vendor.publicKey)}`);

  it("accepts a package signed by any trusted key and names that key", () => {
    const r = verifyPackageSignature(content, signature, keys);
    expect(r).toEqual({ ok: true, keyId: keys[1]!.id });
  });

  it("refuses tampered bytes", () => {
    const tampered = Buffer.from(content);
    tampered[100] = tampered[100]! ^ 0x01;
    expect(verifyPackageSignature(tampered, signature, keys)).toEqual({
      ok: false,
      field: "signature",
      reason: "does not verify against any trusted key (package may be tampered)",
    });
  });

  it("refuses a signature by an untrusted key", () => {
    const rogue = crypto.sign(null, content, pair().privateKey).toString("base64");
    expect(verifyPackageSignature(content, rogue, keys)).toMatchObject({ ok: false, reason: expect.stringContaining("does not verify") });
  });

  it("refuses a missing, garbage or wrong-length signature with the reason", () => {
    expect(verifyPackageSignature(content, "", keys)).toMatchObject({ ok: false, reason: expect.stringContaining("is required") });
    expect(verifyPackageSignature(content, null, keys)).toMatchObject({ ok: false, reason: expect.stringContaining("is required") });
    expect(verifyPackageSignature(content, "not base64!!", keys)).toMatchObject({ ok: false, reason: "is not valid base64" });
    expect(verifyPackageSignature(content, Buffer.alloc(32).toString("base64"), keys)).toMatchObject({
      ok: false,
      reason: "must be a 64-byte Ed25519 signature, got 32 bytes",
    });
    expect(decodeSignature("A")).toEqual({ ok: false, reason: "is not valid base64" });
  });

  it("accepts base64url and unpadded signatures", () => {
    const url = crypto.sign(null, content, vendor.privateKey).toString("base64url");
    expect(verifyPackageSignature(content, url, keys).ok).toBe(true);
  });

  it("refuses everything when no key is trusted", () => {
    expect(verifyPackageSignature(content, signature, [])).toMatchObject({
      ok: false,
      reason: expect.stringContaining("FIRMWARE_TRUSTED_KEYS"),
    });
  });
});

describe("trusted key configuration", () => {
  it("reads base64 SPKI DER and PEM (also with escaped newlines)", () => {
    const a = pair().publicKey;
    const b = pair().publicKey;
    const keys = parseTrustedKeys(`${spkiB64(a)},${pem(b).replace(/\n/g, "\\n")}`);
    expect(keys.map((k) => k.source)).toEqual(["FIRMWARE_TRUSTED_KEYS[0]", "FIRMWARE_TRUSTED_KEYS[1]"]);
    expect(keys[0]!.id).toMatch(/^[0-9a-f]{16}$/);
    expect(parseTrustedKeys(" ")).toEqual([]);
  });

  it("names the entry that is not an Ed25519 public key", () => {
    const rsa = crypto.generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey;
    expect(() => parseTrustedKeys(`${spkiB64(pair().publicKey)},${spkiB64(rsa)}`)).toThrow(
      "FIRMWARE_TRUSTED_KEYS[1]: not an Ed25519 public key (got rsa)",
    );
    expect(() => parsePublicKey("garbage", "k")).toThrow("k: not a readable public key");
  });
});
