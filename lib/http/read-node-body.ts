// readBodyWithLimit (read-body.ts) for a Node request: the body up to a byte limit; a larger one is
// refused (BodyTooLargeError, with its beginning kept for quarantine) without reading it all.
import "server-only";
import type http from "node:http";
import { BodyTooLargeError } from "./read-body";

export function readNodeBodyWithLimit(req: http.IncomingMessage, limit: number, keepBytes = 64 * 1024): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? NaN);
  const declaredTooLarge = Number.isFinite(declared) && declared > limit;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err: Error | null) => {
      if (done) return;
      done = true;
      req.off("data", onData).off("end", onEnd).off("error", onError);
      if (err) return reject(err);
      resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const tooLarge = () => {
      // The rest of the body is discarded; the connection stays usable for the answer.
      req.resume();
      finish(new BodyTooLargeError(limit, Buffer.concat(chunks).subarray(0, keepBytes), declaredTooLarge ? declared : size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size > limit || (declaredTooLarge && size >= keepBytes)) tooLarge();
    };
    const onEnd = () => (declaredTooLarge ? tooLarge() : finish(null));
    const onError = (err: Error) => finish(err);
    if (declaredTooLarge && keepBytes === 0) return tooLarge();
    req.on("data", onData).on("end", onEnd).on("error", onError);
  });
}
