// The keys a firmware package must be signed with: FIRMWARE_TRUSTED_KEYS, plus the demo key in demo
// mode. A misconfigured key list is reported by name and refuses every upload until fixed.
import "server-only";
import { env } from "@/lib/env";
import { ensureDemoSigningKey } from "./demo-signing-key";
import { parseTrustedKeys, type TrustedKey } from "./signature";

export function trustedSigningKeys(): TrustedKey[] {
  const e = env();
  const keys = parseTrustedKeys(e.FIRMWARE_TRUSTED_KEYS);
  if (e.demo) keys.push(ensureDemoSigningKey(e.dataDir).publicKey);
  return keys;
}

/** For pages and start-up checks: the keys, or the configuration error as text. */
export function describeTrustedKeys(): { keys: { id: string; source: string }[]; error: string | null } {
  try {
    return { keys: trustedSigningKeys().map((k) => ({ id: k.id, source: k.source })), error: null };
  } catch (err) {
    return { keys: [], error: (err as Error).message };
  }
}
