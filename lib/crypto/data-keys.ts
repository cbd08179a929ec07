// lib/crypto owns encryption of PHI at rest: the data keys (this file), the AES-256-GCM cipher every
// writer encrypts with and every reader decrypts through (phi-cipher.ts), and the decryption of
// database results (decrypt-results.ts).
//
// Keys: DATA_KEY (32 bytes, base64 or hex) when set, with DATA_KEY_PREVIOUS (comma-separated) still
// readable during a rotation; else DATA_DIR/data-keys.json (mode 0600), generated at first use like the
// auth secret, holding the current key and any older ones. A key's id (first 8 hex of its SHA-256) is
// stored with each value, so values under an older key stay readable until `db rotate-key` rewrites them.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { processSingleton, setProcessSingleton } from "@/lib/process-singleton";

export type DataKey = { id: string; key: Buffer };
export type Keyring = { current: DataKey; byId: Map<string, DataKey>; source: "env" | "file"; file: string | null };

type KeyFile = { current: string; keys: string[] };

export function keyId(key: Buffer): string {
  return crypto.createHash("sha256").update(key).digest("hex").slice(0, 8);
}

export function parseKey(text: string, name = "DATA_KEY"): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (key.length !== 32) throw new Error(`Invalid configuration:\n  ${name}: must be 32 bytes, base64 or hex (openssl rand -base64 32)`);
  return key;
}

function ring(current: Buffer, others: Buffer[], source: Keyring["source"], file: string | null): Keyring {
  const byId = new Map<string, DataKey>();
  for (const key of [current, ...others]) byId.set(keyId(key), { id: keyId(key), key });
  return { current: byId.get(keyId(current))!, byId, source, file };
}

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, "data-keys.json");
}

function writeKeyFile(file: string, k: KeyFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(k, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, file);
  fs.chmodSync(file, 0o600);
}

function loadKeyring(): Keyring {
  const e = env();
  if (e.DATA_KEY) {
    const previous = (e.DATA_KEY_PREVIOUS ?? "")
      .split(",")
      .filter((s) => s.trim())
      .map((s) => parseKey(s, "DATA_KEY_PREVIOUS"));
    return ring(parseKey(e.DATA_KEY), previous, "env", null);
  }
  if (e.NODE_ENV === "production" && e.DATABASE_URL)
    throw new Error("Invalid configuration:\n  DATA_KEY: required with DATABASE_URL in production (the key that encrypts PHI at rest)");
  const file = keyFilePath(e.dataDir);
  if (!fs.existsSync(file)) writeKeyFile(file, { current: crypto.randomBytes(32).toString("base64"), keys: [] });
  const k = JSON.parse(fs.readFileSync(file, "utf8")) as KeyFile;
  return ring(
    parseKey(k.current),
    k.keys.map((s) => parseKey(s)),
    "file",
    file,
  );
}

export function dataKeyring(): Keyring {
  return processSingleton("dataKeyring", loadKeyring);
}

/** Rotation, first step: a new current key. From DATA_DIR's key file: generated here (older keys kept
 *  for reading until the rewrite is done). With DATA_KEY: the operator has set the new DATA_KEY and the
 *  old one in DATA_KEY_PREVIOUS; nothing to generate. */
export function startKeyRotation(): Keyring {
  const current = dataKeyring();
  if (current.source === "env" || !current.file) return current;
  const fresh = crypto.randomBytes(32);
  const others = [...current.byId.values()].map((k) => k.key);
  writeKeyFile(current.file, { current: fresh.toString("base64"), keys: others.map((k) => k.toString("base64")) });
  const next = ring(fresh, others, "file", current.file);
  setProcessSingleton("dataKeyring", next);
  return next;
}

/** Rotation, last step: every value is under the current key; older keys are dropped from the file. */
export function finishKeyRotation(): void {
  const current = dataKeyring();
  if (current.source !== "file" || !current.file) return;
  writeKeyFile(current.file, { current: current.current.key.toString("base64"), keys: [] });
  setProcessSingleton("dataKeyring", ring(current.current.key, [], "file", current.file));
}
