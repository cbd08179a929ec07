// Reads an upload request for POST /api/v1/firmware under the size limit: multipart/form-data
// (fields deviceType, version, signature, sha256?, file) or JSON {deviceType, version, signature,
// sha256?, contentBase64}. The body is never read past the limit (413).
import "server-only";
import { z } from "zod";
import { Refusal } from "@/lib/errors/refusal";
import { MAX_PACKAGE_BYTES, type UploadInput } from "./upload-package";

const BODY_LIMIT = MAX_PACKAGE_BYTES + 1024 * 1024; // the package plus room for the multipart envelope
const JSON_LIMIT = Math.ceil((MAX_PACKAGE_BYTES * 4) / 3) + 64 * 1024;

const tooLarge = () =>
  new Refusal("too_large", `the package is larger than the limit of ${MAX_PACKAGE_BYTES} bytes (32 MiB)`, { field: "file" });

async function readBytes(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : undefined);

const jsonSchema = z
  .object({
    deviceType: z.string(),
    version: z.string(),
    signature: z.string().optional(),
    sha256: z.string().optional(),
    contentBase64: z.string().min(1),
  })
  .strict();

export async function readUpload(req: Request): Promise<Omit<UploadInput, "uploadedById">> {
  const type = req.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const raw = await readBytes(req, BODY_LIMIT);
    const form = await new Response(new Uint8Array(raw), { headers: { "content-type": type } }).formData().catch(() => {
      throw new Refusal("invalid", "not readable multipart/form-data", { field: "body" });
    });
    const file = form.get("file");
    if (!(file instanceof Blob)) throw new Refusal("invalid", 'attach the package as the form field "file"', { field: "file" });
    return {
      deviceType: text(form.get("deviceType")) ?? text(form.get("type")) ?? "",
      version: text(form.get("version")) ?? "",
      signature: text(form.get("signature")) ?? null,
      sha256: text(form.get("sha256")) || null,
      content: new Uint8Array(await file.arrayBuffer()),
    };
  }
  if (type.startsWith("application/json")) {
    const raw = await readBytes(req, JSON_LIMIT);
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(raw).toString("utf8"));
    } catch {
      throw new Refusal("invalid", "not valid JSON", { field: "body" });
    }
    const r = jsonSchema.safeParse(json);
    if (!r.success) {
      const issues = r.error.issues.map((i) => ({ field: i.path.join(".") || "body", reason: i.message }));
      throw new Refusal("invalid", issues.map((i) => `${i.field}: ${i.reason}`).join("; "), { issues });
    }
    return {
      deviceType: r.data.deviceType,
      version: r.data.version,
      signature: r.data.signature ?? null,
      sha256: r.data.sha256 ?? null,
      content: Buffer.from(r.data.contentBase64, "base64"),
    };
  }
  throw new Refusal("unsupported", "send multipart/form-data (fields deviceType, version, signature, file) or JSON with contentBase64");
}
