// Uploading a firmware package: one per (device type, version). The raw bytes are hashed (SHA-256)
// and their Ed25519 signature is checked against the trusted keys; an unsigned, badly encoded or
// tampered package, a duplicate version or an oversized file is refused with the field at fault.
import "server-only";
import { getPrisma } from "@/lib/db/database";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuditBy } from "@/lib/audit/record-audit";
import { DEVICE_TYPE_KEYS, isDeviceType } from "@/lib/domain/device-types";
import { Refusal } from "@/lib/errors/refusal";
import { sha256Hex, verifyPackageSignature, type TrustedKey } from "./signature";
import { trustedSigningKeys } from "./trusted-keys";
import { VERSION_PATTERN } from "./versions";

export const MAX_PACKAGE_BYTES = 32 * 1024 * 1024;

export type UploadInput = {
  deviceType: string;
  version: string;
  content: Uint8Array;
  /** Base64 Ed25519 signature of the raw bytes. */
  signature?: string | null;
  /** Optional: the SHA-256 (hex) the uploader expects; a mismatch is refused. */
  sha256?: string | null;
  uploadedById?: string | null;
};

export type PackageSummary = {
  id: string;
  deviceType: string;
  version: string;
  sha256: string;
  signature: string;
  sizeBytes: number;
  createdAt: string;
  flaggedAt: string | null;
  flagReason: string | null;
};

export function toPackageSummary(
  p: Omit<PackageSummary, "createdAt" | "flaggedAt"> & { createdAt: Date; flaggedAt: Date | null },
): PackageSummary {
  return {
    id: p.id,
    deviceType: p.deviceType,
    version: p.version,
    sha256: p.sha256,
    signature: p.signature,
    sizeBytes: p.sizeBytes,
    createdAt: p.createdAt.toISOString(),
    flaggedAt: p.flaggedAt?.toISOString() ?? null,
    flagReason: p.flagReason,
  };
}

function keysOrRefusal(keys: TrustedKey[] | undefined): TrustedKey[] {
  if (keys) return keys;
  try {
    return trustedSigningKeys();
  } catch (err) {
    throw new Refusal("invalid", `cannot be checked: ${(err as Error).message}`, { field: "signature" });
  }
}

async function validate(input: UploadInput, keys: TrustedKey[] | undefined): Promise<{ sha256: string; keyId: string }> {
  if (!isDeviceType(input.deviceType)) {
    throw new Refusal("invalid", `unknown device type "${input.deviceType}" (one of: ${DEVICE_TYPE_KEYS.join(", ")})`, {
      field: "deviceType",
    });
  }
  const version = input.version.trim();
  if (!version) throw new Refusal("invalid", "is required", { field: "version" });
  if (!VERSION_PATTERN.test(version))
    throw new Refusal("invalid", "use letters, digits and . + _ - (at most 64), e.g. 2.5.0", { field: "version" });
  if (input.content.byteLength === 0) throw new Refusal("invalid", "is empty", { field: "file" });
  if (input.content.byteLength > MAX_PACKAGE_BYTES) {
    throw new Refusal("too_large", `is ${input.content.byteLength} bytes; the limit is ${MAX_PACKAGE_BYTES} bytes (32 MiB)`, {
      field: "file",
    });
  }
  const sha256 = sha256Hex(input.content);
  const expected = input.sha256?.trim().toLowerCase();
  if (expected) {
    if (!/^[0-9a-f]{64}$/.test(expected)) throw new Refusal("invalid", "must be 64 hexadecimal digits", { field: "sha256" });
    if (expected !== sha256)
      throw new Refusal("invalid", `does not match the package bytes (computed ${sha256}; package may be corrupted or tampered)`, {
        field: "sha256",
      });
  }
  const check = verifyPackageSignature(input.content, input.signature, keysOrRefusal(keys));
  if (!check.ok) throw new Refusal("invalid", check.reason, { field: check.field });
  const prisma = await getPrisma();
  const existing = await prisma.firmwarePackage.findUnique({
    where: { deviceType_version: { deviceType: input.deviceType, version } },
    select: { id: true },
  });
  if (existing) throw new Refusal("conflict", `${input.deviceType} already has a package with version ${version}`, { field: "version" });
  return { sha256, keyId: check.keyId };
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === "P2002";
}

export async function uploadFirmwarePackage(
  input: UploadInput,
  opts: { trustedKeys?: TrustedKey[]; audit?: AuditBy } = {},
): Promise<PackageSummary & { keyId: string }> {
  const version = input.version.trim();
  let checked: { sha256: string; keyId: string };
  try {
    checked = await validate(input, opts.trustedKeys);
  } catch (err) {
    if (err instanceof Refusal && opts.audit) {
      await recordAudit([
        {
          ...opts.audit,
          action: "firmware.upload_refused",
          detail: { deviceType: input.deviceType, version, sizeBytes: input.content.byteLength, refused: err.message },
        },
      ]);
    }
    throw err;
  }
  const prisma = await getPrisma();
  let created;
  try {
    created = await prisma.firmwarePackage.create({
      data: {
        deviceType: input.deviceType,
        version,
        sha256: checked.sha256,
        signature: input.signature!.trim(),
        sizeBytes: input.content.byteLength,
        content: new Uint8Array(input.content),
        uploadedById: input.uploadedById ?? null,
      },
      select: {
        id: true,
        deviceType: true,
        version: true,
        sha256: true,
        signature: true,
        sizeBytes: true,
        createdAt: true,
        flaggedAt: true,
        flagReason: true,
      },
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new Refusal("conflict", `${input.deviceType} already has a package with version ${version}`, { field: "version" });
    throw err;
  }
  if (opts.audit) {
    await recordAudit([
      {
        ...opts.audit,
        action: "firmware.upload",
        detail: {
          packageId: created.id,
          deviceType: created.deviceType,
          version,
          sha256: created.sha256,
          sizeBytes: created.sizeBytes,
          keyId: checked.keyId,
        },
      },
    ]);
  }
  return { ...toPackageSummary(created), keyId: checked.keyId };
}
