// The listener against a real MLLP client library (@medplum/hl7's Hl7Client) and, for what a library client
// will not do on purpose (two frames in one TCP write, a frame split over writes, broken framing), a raw
// TCP socket. Every ACK is read back with the library's parser.
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Hl7Message } from "@medplum/core";
import { Hl7Client } from "@medplum/hl7";
import { startMllpListener, type MllpListener, type MllpListenerOptions } from "./mllp-listener";
import { MllpFrameDecoder, encodeMllpFrame, VT, FS } from "./mllp-frame-decoder";
import { parseAdtMessage } from "./parse-adt";
import { buildAck } from "./build-ack";
import { buildAdtText } from "./sample-messages";

const patient = { mrn: "M100", familyName: "Novak", givenName: "Tomasz", birthDate: "1961-04-09", sex: "M" as const };
const bed = { wardCode: "4W", room: "401", bedLabel: "A" };
const at = new Date("2026-11-23T08:00:00Z");
const admit = (controlId: string) => buildAdtText({ event: "A01", controlId, at, patient, visitNumber: "V100", bed });

/** What the later wiring will do, minus the database: parse, then ACK AA or the refusal. */
async function answer(text: string): Promise<string> {
  const result = parseAdtMessage(text);
  if (result.ok) return buildAck(text, { code: "AA" });
  return buildAck(text, { code: result.refusal.ack, errors: result.refusal.errors, text: result.refusal.text });
}

let listener: MllpListener | undefined;
const clients: Hl7Client[] = [];
const sockets: net.Socket[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  for (const s of sockets.splice(0)) s.destroy();
  await listener?.close(100);
  listener = undefined;
});

async function start(overrides: Partial<MllpListenerOptions> = {}): Promise<MllpListener> {
  listener = await startMllpListener({ port: 0, host: "127.0.0.1", onMessage: answer, ...overrides });
  return listener;
}

function client(l: MllpListener): Hl7Client {
  const c = new Hl7Client({ host: l.host, port: l.port, connectTimeout: 5000 });
  clients.push(c);
  return c;
}

const msa = (ack: Hl7Message) => ({
  code: ack.getSegment("MSA")?.getComponent(1, 1),
  controlId: ack.getSegment("MSA")?.getComponent(2, 1),
  text: ack.getSegment("MSA")?.getComponent(3, 1),
  errors: ack.getAllSegments("ERR").map((e) => e.getField(2).toString()),
});

/** A raw TCP peer that collects ACK frames. */
async function rawPeer(l: MllpListener) {
  const socket = net.connect({ host: l.host, port: l.port });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  const decoder = new MllpFrameDecoder(1 << 20);
  const acks: Hl7Message[] = [];
  let waiters: (() => void)[] = [];
  socket.on("data", (chunk: Buffer) => {
    for (const e of decoder.push(chunk)) if (e.kind === "frame") acks.push(Hl7Message.parse(e.payload.toString()));
    waiters.forEach((w) => w());
    waiters = [];
  });
  return {
    socket,
    write: (bytes: Buffer) => new Promise<void>((resolve) => socket.write(bytes, () => resolve())),
    async acks(n: number, timeoutMs = 5000): Promise<Hl7Message[]> {
      const deadline = Date.now() + timeoutMs;
      while (acks.length < n) {
        if (Date.now() > deadline) throw new Error(`got ${acks.length} ACKs, expected ${n}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return acks.slice(0, n);
    },
  };
}

describe("startMllpListener with a real MLLP client", () => {
  it("answers good messages with AA quoting their control id, several on one connection", async () => {
    const l = await start();
    const c = client(l);
    for (const id of ["C1", "C2", "C3"]) {
      const ack = await c.sendAndWait(Hl7Message.parse(admit(id)), { timeoutMs: 5000 });
      expect(msa(ack)).toMatchObject({ code: "AA", controlId: id });
    }
    expect(l.connectionCount()).toBe(1);
  });

  it("answers an unsupported message with AR and bad content with AE naming the field", async () => {
    const c = client(await start());
    const order = admit("C4").replace("ADT^A01^ADT_A01", "ORM^O01^ORM_O01");
    expect(msa(await c.sendAndWait(Hl7Message.parse(order), { timeoutMs: 5000 }))).toMatchObject({ code: "AR", controlId: "C4" });
    const noMrn = admit("C5").replace("|M100^^^GENHOSP^MR|", "||");
    const ae = msa(await c.sendAndWait(Hl7Message.parse(noMrn), { timeoutMs: 5000 }));
    expect(ae).toMatchObject({ code: "AE", controlId: "C5", errors: ["PID^1^3"] });
    expect(ae.text).toContain("PID-3");
  });

  it("answers AE when the handler fails, and goes on", async () => {
    let calls = 0;
    const errors: string[] = [];
    const c = client(
      await start({
        onMessage: async (text) => {
          calls += 1;
          if (calls === 1) throw new Error("database down");
          return answer(text);
        },
        onError: (err) => errors.push(err.message),
      }),
    );
    expect(msa(await c.sendAndWait(Hl7Message.parse(admit("C6")), { timeoutMs: 5000 }))).toMatchObject({ code: "AE", controlId: "C6" });
    expect(msa(await c.sendAndWait(Hl7Message.parse(admit("C7")), { timeoutMs: 5000 }))).toMatchObject({ code: "AA", controlId: "C7" });
    expect(errors).toEqual(["database down"]);
  });

  it("passes the peer's address to the handler", async () => {
    const peers: string[] = [];
    const c = client(await start({ onMessage: async (text, peer) => (peers.push(peer.remoteAddress), answer(text)) }));
    await c.sendAndWait(Hl7Message.parse(admit("C8")), { timeoutMs: 5000 });
    expect(peers).toEqual(["127.0.0.1"]);
  });
});

describe("startMllpListener framing, over a raw socket", () => {
  it("answers two messages sent in one TCP write, in order", async () => {
    const peer = await rawPeer(await start());
    await peer.write(Buffer.concat([encodeMllpFrame(admit("R1")), encodeMllpFrame(admit("R2"))]));
    expect((await peer.acks(2)).map(msa).map((a) => `${a.code}:${a.controlId}`)).toEqual(["AA:R1", "AA:R2"]);
  });

  it("answers a message split across writes once it is whole", async () => {
    const received: string[] = [];
    const peer = await rawPeer(await start({ onMessage: async (t) => (received.push(t), answer(t)) }));
    const bytes = encodeMllpFrame(admit("R3"));
    for (const [from, to] of [
      [0, 1],
      [1, 40],
      [40, bytes.length - 1],
      [bytes.length - 1, bytes.length],
    ]) {
      await peer.write(bytes.subarray(from, to));
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(msa((await peer.acks(1))[0]!)).toMatchObject({ code: "AA", controlId: "R3" });
    expect(received).toEqual([admit("R3")]);
  });

  it("answers a malformed frame with AR and keeps the connection for the next message", async () => {
    const malformed: string[] = [];
    const peer = await rawPeer(await start({ onMalformed: (e) => malformed.push(e.reason) }));
    const broken = Buffer.concat([Buffer.from([VT]), Buffer.from(admit("R4")), Buffer.from([FS]), Buffer.from("junk")]);
    await peer.write(Buffer.concat([broken, encodeMllpFrame(admit("R5"))]));
    const [ar, aa] = (await peer.acks(2)).map(msa);
    expect(ar).toMatchObject({ code: "AR", controlId: "R4" });
    expect(ar?.text).toContain("malformed MLLP frame");
    expect(aa).toMatchObject({ code: "AA", controlId: "R5" });
    expect(malformed).toEqual(["end byte 0x1C not followed by 0x0D"]);
  });

  it("answers unframed data and an empty frame with AR", async () => {
    const peer = await rawPeer(await start());
    await peer.write(Buffer.concat([Buffer.from("hello\r"), encodeMllpFrame(""), encodeMllpFrame(admit("R6"))]));
    expect((await peer.acks(3)).map(msa).map((a) => `${a.code}:${a.controlId}`)).toEqual(["AR:", "AR:", "AA:R6"]);
  });

  it("answers a message over the size limit with AR without buffering it, then serves the next", async () => {
    const l = await start({ maxMessageBytes: 2048 });
    const peer = await rawPeer(l);
    const huge = admit("R7").replace("Novak", "N".repeat(10_000));
    await peer.write(Buffer.concat([encodeMllpFrame(huge), encodeMllpFrame(admit("R8"))]));
    const [ar, aa] = (await peer.acks(2)).map(msa);
    expect(ar).toMatchObject({ code: "AR", controlId: "R7" });
    expect(ar?.text).toContain("larger than 2048 bytes");
    expect(aa).toMatchObject({ code: "AA", controlId: "R8" });
  });

  it("keeps ACKs in order when the handler is slow and pauses reading past the pending limit", async () => {
    const delays = [60, 5, 30, 0, 10, 0, 20, 0];
    let i = 0;
    const peer = await rawPeer(
      await start({
        maxPendingPerConnection: 2,
        onMessage: async (t) => {
          await new Promise((r) => setTimeout(r, delays[i++ % delays.length]));
          return answer(t);
        },
      }),
    );
    const ids = Array.from({ length: 8 }, (_, n) => `P${n}`);
    await peer.write(Buffer.concat(ids.map((id) => encodeMllpFrame(admit(id)))));
    expect((await peer.acks(8)).map((a) => msa(a).controlId)).toEqual(ids);
  });

  it("closes connections from addresses not allowed", async () => {
    const l = await start({ allowFrom: ["10.1.2.3"] });
    const socket = net.connect({ host: l.host, port: l.port });
    sockets.push(socket);
    await new Promise<void>((resolve) => socket.once("close", () => resolve()).on("error", () => undefined));
    expect(l.connectionCount()).toBe(0);
  });

  it("on close, sends the ACKs it owes, then ends the connection", async () => {
    const l = await start({ onMessage: async (t) => (await new Promise((r) => setTimeout(r, 150)), answer(t)) });
    const peer = await rawPeer(l);
    await peer.write(encodeMllpFrame(admit("Z1")));
    await new Promise((r) => setTimeout(r, 20));
    const closed = new Promise<void>((resolve) => peer.socket.once("close", () => resolve()));
    await l.close(2000);
    listener = undefined;
    expect(msa((await peer.acks(1))[0]!)).toMatchObject({ code: "AA", controlId: "Z1" });
    await closed;
  });

  it("turns away connections past maxConnections", async () => {
    const l = await start({ maxConnections: 1 });
    const first = await rawPeer(l);
    await first.write(encodeMllpFrame(admit("M1")));
    await first.acks(1);
    const second = net.connect({ host: l.host, port: l.port });
    sockets.push(second);
    await new Promise<void>((resolve) => second.once("close", () => resolve()).on("error", () => undefined));
    expect(l.connectionCount()).toBe(1);
  });

  it("reads and writes Latin-1 when told to", async () => {
    const received: string[] = [];
    const peer = await rawPeer(await start({ encoding: "latin1", onMessage: async (t) => (received.push(t), answer(t)) }));
    const text = admit("L1").replace("Novak", "Müller");
    await peer.write(encodeMllpFrame(text, "latin1"));
    expect(msa((await peer.acks(1))[0]!)).toMatchObject({ code: "AA", controlId: "L1" });
    expect(received[0]).toContain("Müller");
  });

  it("refuses to start on a port in use", async () => {
    const l = await start();
    await expect(startMllpListener({ port: l.port, host: "127.0.0.1", onMessage: answer })).rejects.toThrow(/EADDRINUSE/);
  });
});
