import { describe, expect, it } from "vitest";
import { CR, FS, MllpFrameDecoder, VT, encodeMllpFrame, type MllpEvent } from "./mllp-frame-decoder";

const frame = (text: string) => encodeMllpFrame(text);
const summary = (events: MllpEvent[]) =>
  events.map((e) => (e.kind === "frame" ? `frame:${e.payload.toString()}` : `malformed:${e.reason}:${e.payload.toString()}`));

describe("MllpFrameDecoder", () => {
  it("yields one frame per VT … FS CR", () => {
    expect(summary(new MllpFrameDecoder(1000).push(frame("MSH|a")))).toEqual(["frame:MSH|a"]);
  });

  it("yields several frames from one chunk, in order", () => {
    const d = new MllpFrameDecoder(1000);
    expect(summary(d.push(Buffer.concat([frame("MSH|1"), frame("MSH|2"), frame("MSH|3")])))).toEqual([
      "frame:MSH|1",
      "frame:MSH|2",
      "frame:MSH|3",
    ]);
  });

  it("reassembles a frame split at every possible byte, including between FS and CR", () => {
    const bytes = Buffer.concat([frame("MSH|first\rPID|1"), frame("MSH|second")]);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const d = new MllpFrameDecoder(1000);
      const events = [...d.push(bytes.subarray(0, cut)), ...d.push(bytes.subarray(cut))];
      expect(summary(events), `cut at ${cut}`).toEqual(["frame:MSH|first\rPID|1", "frame:MSH|second"]);
      expect(d.buffered).toBe(0);
    }
  });

  it("reassembles a frame fed one byte at a time", () => {
    const d = new MllpFrameDecoder(1000);
    const events = [...frame("MSH|slow")].flatMap((b) => d.push(Buffer.from([b])));
    expect(summary(events)).toEqual(["frame:MSH|slow"]);
  });

  it("ignores blank bytes between frames but reports other data outside a frame once, then resyncs", () => {
    const d = new MllpFrameDecoder(1000);
    expect(summary(d.push(Buffer.concat([Buffer.from("\r\n"), frame("MSH|1"), Buffer.from("\n")])))).toEqual(["frame:MSH|1"]);
    const events = d.push(Buffer.concat([Buffer.from("MSH|unframed\rPID|x"), frame("MSH|2")]));
    expect(summary(events)).toEqual(["malformed:data outside an MLLP frame (a frame starts with 0x0B):MSH|unframed\rPID|x", "frame:MSH|2"]);
  });

  it("reports a frame cut short by a new VT, and keeps the new one", () => {
    const d = new MllpFrameDecoder(1000);
    const bytes = Buffer.concat([Buffer.from([VT]), Buffer.from("MSH|cut"), frame("MSH|next")]);
    expect(summary(d.push(bytes))).toEqual([
      "malformed:a new frame (0x0B) started before this one ended (0x1C 0x0D):MSH|cut",
      "frame:MSH|next",
    ]);
  });

  it("reports FS not followed by CR (in the same chunk or the next), answering the broken frame once", () => {
    const d = new MllpFrameDecoder(1000);
    const bytes = Buffer.concat([
      Buffer.from([VT]),
      Buffer.from("MSH|bad"),
      Buffer.from([FS]),
      Buffer.from("rest"),
      Buffer.from([FS, CR]),
      frame("MSH|ok"),
    ]);
    expect(summary(d.push(bytes))).toEqual(["malformed:end byte 0x1C not followed by 0x0D:MSH|bad", "frame:MSH|ok"]);
    const d2 = new MllpFrameDecoder(1000);
    const first = d2.push(Buffer.concat([Buffer.from([VT]), Buffer.from("MSH|bad"), Buffer.from([FS])]));
    expect(first).toEqual([]);
    expect(summary(d2.push(Buffer.concat([Buffer.from("X"), frame("MSH|ok")])))).toEqual([
      "malformed:end byte 0x1C not followed by 0x0D:MSH|bad",
      "frame:MSH|ok",
    ]);
  });

  it("reports an empty frame", () => {
    expect(summary(new MllpFrameDecoder(1000).push(Buffer.concat([frame(""), frame("\r\n")])))).toEqual([
      "malformed:empty frame:",
      "malformed:empty frame:\r\n",
    ]);
  });

  it("reports a frame over the limit at once, keeps only a prefix, and decodes the next frame", () => {
    const d = new MllpFrameDecoder(100);
    const big = `MSH|${"x".repeat(500)}`;
    const bytes = frame(big);
    const first = d.push(bytes.subarray(0, 300));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ kind: "malformed", reason: "frame larger than 100 bytes" });
    expect(first[0]?.payload.toString().startsWith("MSH|xxx")).toBe(true);
    expect(d.buffered).toBe(0); // nothing of the big frame is held
    expect(summary(d.push(Buffer.concat([bytes.subarray(300), frame("MSH|small")])))).toEqual(["frame:MSH|small"]);
  });

  it("accepts a frame of exactly the limit", () => {
    expect(summary(new MllpFrameDecoder(10).push(frame("MSH|123456")))).toEqual(["frame:MSH|123456"]);
    expect(new MllpFrameDecoder(9).push(frame("MSH|123456"))[0]?.kind).toBe("malformed");
  });

  it("keeps multi-byte characters whole across a split", () => {
    const bytes = frame("MSH|Müller^Zoë");
    const split = bytes.indexOf(0xc3) + 1; // inside the two-byte ü
    const d = new MllpFrameDecoder(1000);
    expect(summary([...d.push(bytes.subarray(0, split)), ...d.push(bytes.subarray(split))])).toEqual(["frame:MSH|Müller^Zoë"]);
  });
});
