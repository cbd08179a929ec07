// MLLP framing (HL7 v2 over TCP): each message is 0x0B <message> 0x1C 0x0D. The decoder takes TCP chunks
// as they come (a frame split across chunks, several frames in one chunk) and yields whole frames, or a
// "malformed" event for a frame that breaks the framing, so the listener can answer it with an AR and
// carry on with the next frame. Memory is bounded: a frame over the limit is reported and its bytes are
// dropped until its end.

export const VT = 0x0b;
export const FS = 0x1c;
export const CR = 0x0d;

export type MllpEvent =
  | { kind: "frame"; payload: Buffer }
  /** `payload` holds at most the first bytes of the frame (enough to find its MSH). */
  | { kind: "malformed"; reason: string; payload: Buffer };

const PREFIX_BYTES = 4096;
const isBlank = (byte: number) => byte === 0x20 || byte === 0x09 || byte === CR || byte === 0x0a;

export function encodeMllpFrame(text: string, encoding: BufferEncoding = "utf8"): Buffer {
  const body = Buffer.from(text, encoding);
  const out = Buffer.allocUnsafe(body.length + 3);
  out[0] = VT;
  body.copy(out, 1);
  out[body.length + 1] = FS;
  out[body.length + 2] = CR;
  return out;
}

export class MllpFrameDecoder {
  private inFrame = false;
  private parts: Buffer[] = [];
  private size = 0;
  private oversize = false;
  private pendingFs = false;
  private junkReported = false;

  constructor(private readonly maxFrameBytes: number) {}

  push(chunk: Buffer): MllpEvent[] {
    const out: MllpEvent[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (this.pendingFs) {
        this.pendingFs = false;
        if (chunk[i] === CR) {
          i += 1;
          this.finish(out);
        } else {
          this.fail(out, "end byte 0x1C not followed by 0x0D");
        }
        continue;
      }
      if (!this.inFrame) {
        const vt = chunk.indexOf(VT, i);
        const end = vt === -1 ? chunk.length : vt;
        for (let j = i; j < end && !this.junkReported; j += 1) {
          if (!isBlank(chunk[j] ?? CR)) {
            this.junkReported = true;
            out.push({
              kind: "malformed",
              reason: "data outside an MLLP frame (a frame starts with 0x0B)",
              payload: chunk.subarray(j, Math.min(end, j + PREFIX_BYTES)),
            });
          }
        }
        if (vt === -1) break;
        this.start();
        i = vt + 1;
        continue;
      }
      const stop = this.nextControl(chunk, i);
      this.append(chunk.subarray(i, stop), out);
      if (stop === chunk.length) break;
      if (chunk[stop] === VT) {
        this.fail(out, "a new frame (0x0B) started before this one ended (0x1C 0x0D)");
        this.start();
        i = stop + 1;
        continue;
      }
      // FS: the frame ends if CR follows (possibly in the next chunk).
      if (stop + 1 === chunk.length) {
        this.pendingFs = true;
        i = stop + 1;
      } else if (chunk[stop + 1] === CR) {
        this.finish(out);
        i = stop + 2;
      } else {
        this.fail(out, "end byte 0x1C not followed by 0x0D");
        i = stop + 1;
      }
    }
    return out;
  }

  /** Bytes held for an unfinished frame (0 between frames). */
  get buffered(): number {
    return this.oversize ? 0 : this.size;
  }

  private nextControl(chunk: Buffer, from: number): number {
    const fs = chunk.indexOf(FS, from);
    const vt = chunk.indexOf(VT, from);
    if (fs === -1 && vt === -1) return chunk.length;
    if (fs === -1) return vt;
    if (vt === -1) return fs;
    return Math.min(fs, vt);
  }

  private start(): void {
    this.inFrame = true;
    this.parts = [];
    this.size = 0;
    this.oversize = false;
    this.junkReported = false;
  }

  private append(part: Buffer, out: MllpEvent[]): void {
    if (part.length === 0) return;
    if (this.oversize) return;
    if (this.size + part.length > this.maxFrameBytes) {
      const prefix = Buffer.concat([...this.parts, part]).subarray(0, PREFIX_BYTES);
      out.push({ kind: "malformed", reason: `frame larger than ${this.maxFrameBytes} bytes`, payload: Buffer.from(prefix) });
      this.oversize = true;
      this.parts = [];
      return;
    }
    // Copy: the socket may reuse its chunk buffers.
    this.parts.push(Buffer.from(part));
    this.size += part.length;
  }

  private finish(out: MllpEvent[]): void {
    if (!this.oversize) {
      const payload = Buffer.concat(this.parts, this.size);
      if (payload.length === 0 || payload.every(isBlank)) out.push({ kind: "malformed", reason: "empty frame", payload });
      else out.push({ kind: "frame", payload });
    }
    this.reset();
  }

  private fail(out: MllpEvent[], reason: string): void {
    if (!this.oversize) out.push({ kind: "malformed", reason, payload: Buffer.concat(this.parts).subarray(0, PREFIX_BYTES) });
    this.reset();
    // The rest of the broken frame, up to the next 0x0B, belongs to the frame already answered.
    this.junkReported = true;
  }

  private reset(): void {
    this.inFrame = false;
    this.parts = [];
    this.size = 0;
    this.oversize = false;
    this.junkReported = false;
  }
}
