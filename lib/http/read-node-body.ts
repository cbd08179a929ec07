// readBodyWithLimit (read-body.ts) for a Node request: the body up to a byte limit; a larger one is
// refused (BodyTooLargeError, with its beginning kept for quarantine) without reading it all.
// It runs for every HTTP frame on the server's direct path, so it keeps to three listeners and takes a
// body that came in one chunk (nearly every one-frame request) without copying it.
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
    if (declaredTooLarge && keepBytes === 0) return reject(refuseRest(req, limit, chunks, keepBytes, declared));
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      chunks.push(chunk);
      if (size > limit || (declaredTooLarge && size >= keepBytes)) {
        done = true;
        reject(refuseRest(req, limit, chunks, keepBytes, declaredTooLarge ? declared : size));
      }
    });
    req.on("end", () => {
      if (done) return;
      done = true;
      if (declaredTooLarge) return reject(refuseRest(req, limit, chunks, keepBytes, declared));
      resolve(chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", (err) => {
      if (done) return;
      done = true;
      reject(err);
    });
  });
}

/** A body over the limit: the rest is discarded (the connection stays usable for the answer) and its
 *  beginning kept for quarantine. */
function refuseRest(req: http.IncomingMessage, limit: number, chunks: Buffer[], keepBytes: number, size: number): BodyTooLargeError {
  req.resume();
  return new BodyTooLargeError(limit, Buffer.concat(chunks).subarray(0, keepBytes), size);
}
