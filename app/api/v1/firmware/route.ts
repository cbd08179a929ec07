// Firmware packages (admin, biomed). GET lists them (metadata, never the bytes). POST uploads one:
// multipart/form-data (deviceType, version, signature, sha256?, file) or JSON with contentBase64.
// The signature is Ed25519 over the raw package bytes, checked against the trusted keys; a refused
// package answers 400 (409 duplicate version, 413 over 32 MiB) naming the field, e.g.
// "signature: does not verify against any trusted key (package may be tampered)".
import { z } from "zod";
import { listPackages } from "@/lib/firmware/package-queries";
import { readUpload } from "@/lib/firmware/read-upload";
import { registryRoute } from "@/lib/http/registry-route";
import { uploadFirmwarePackage } from "@/lib/firmware/upload-package";

export const dynamic = "force-dynamic";

export const GET = registryRoute({ query: z.object({ deviceType: z.string().max(40).optional() }) }, async ({ query }) => {
  return { packages: await listPackages(query) };
});

export const POST = registryRoute({}, async ({ req, principal, meta }) => {
  const upload = await readUpload(req);
  const pkg = await uploadFirmwarePackage({ ...upload, uploadedById: principal.userId }, { audit: { actor: principal, meta } });
  return Response.json({ package: pkg }, { status: 201 });
});
