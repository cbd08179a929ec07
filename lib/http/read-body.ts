// Reads a request body up to a byte limit; a larger body is refused without reading it all. The
// refusal keeps the body's beginning (up to `keepBytes`) so it can be quarantined.
import "server-only";

export class BodyTooLargeError extends Error {
  constructor(
    readonly limit: number,
    /** The beginning of the body, as far as it was read. */
    readonly head: Buffer,
    /** The body's size as declared (Content-Length) or as far as it was read. */
    readonly size: number,
  ) {
    super(`body is larger than ${limit} bytes`);
  }
}

export async function readBodyWithLimit(req: Request, limit: number, keepBytes = 64 * 1024): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  const declaredTooLarge = Number.isFinite(declared) && declared > limit;
  if (!req.body) {
    if (declaredTooLarge) throw new BodyTooLargeError(limit, Buffer.alloc(0), declared);
    return "";
  }
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    // A body declared too large is read only as far as the part kept for quarantine.
    if (declaredTooLarge && size >= keepBytes) break;
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    chunks.push(value);
    if (size > limit) break;
  }
  if (declaredTooLarge || size > limit) {
    await reader.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limit, Buffer.concat(chunks).subarray(0, keepBytes), declaredTooLarge ? declared : size);
  }
  return Buffer.concat(chunks).toString("utf8");
}
