// The HL7 v2 listener end to end with a real MLLP client library (node-hl7-client): ADT messages built as
// a PAS sends them, applied to the database, answered with AA/AE/AR; a duplicate control id; an unknown
// bed; a malformed frame (raw socket: a library client will not break framing on purpose).
import net from "node:net";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, Message, type Connection } from "node-hl7-client";
import { setDatabase } from "@/lib/db/database";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/support/test-database";
import { buildAdtText, encodeMllpFrame, MllpFrameDecoder, type MllpListener } from "@/lib/adt";
import { startHl7Listener } from "./start-hl7-listener";

type Ack = { code: string; controlId: string; text: string; err: string };

describe.each(testDatabaseKinds)("HL7 v2 listener over MLLP on %s", (kind) => {
  let db: TestDatabase;
  let listener: MllpListener;
  let client: Client;
  let conn: Connection;
  const acks: Ack[] = [];
  const waiters: (() => void)[] = [];
  const tag = crypto.randomBytes(2).toString("hex").toUpperCase();
  const ward = `H${tag}`;
  const patient = { mrn: `MRN${tag}1`, familyName: "Novak", givenName: "Tomasz", birthDate: "1961-04-09", sex: "M" as const };
  const bed = (label: string) => ({ wardCode: ward, room: "401", bedLabel: label });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    setDatabase(db);
    await db.prisma.ward.create({
      data: { code: ward, name: "HL7 ward", beds: { create: ["A", "B"].map((label) => ({ label, room: "401" })) } },
    });
    listener = await startHl7Listener({ port: 0, log: () => {} });
    client = new Client({ host: listener.host, version: "2.5.1" });
    conn = client.createConnection({ port: listener.port, waitAck: true, version: "2.5.1" }, async (res) => {
      const m = res.getMessage();
      acks.push({
        code: m.get("MSA.1").toString(),
        controlId: m.get("MSA.2").toString(),
        text: m.get("MSA.3").toString(),
        err: m.get("ERR.8").toString() || m.get("ERR.1").toString(),
      });
      waiters.shift()?.();
    });
  }, 60_000);
  afterAll(async () => {
    await conn?.close();
    client?.closeAll();
    await listener?.close(100);
    await db?.destroy();
  });

  const send = async (text: string): Promise<Ack> => {
    const got = new Promise<void>((resolve) => waiters.push(resolve));
    await conn.sendMessage(new Message({ text }));
    await got;
    return acks.at(-1)!;
  };
  const at = () => new Date(Date.now() - 60_000);

  it("admits on A01 (AA), keeps the message in the inbound log, and answers a duplicate control id without applying it twice", async () => {
    const text = buildAdtText({ event: "A01", controlId: `C${tag}-1`, at: at(), patient, visitNumber: `V${tag}`, bed: bed("A") });
    const first = await send(text);
    expect(first).toMatchObject({ code: "AA", controlId: `C${tag}-1` });
    const p = await db.prisma.patient.findUnique({ where: { mrn: patient.mrn }, include: { bed: true, encounters: true } });
    expect(p).toMatchObject({ givenName: "Tomasz", familyName: "Novak", sex: "M", bed: { label: "A" } });
    expect(p?.encounters).toHaveLength(1);
    expect(p?.encounters[0]).toMatchObject({ visitNumber: `V${tag}`, source: "hl7", status: "admitted" });

    const again = await send(text);
    expect(again.code).toBe("AA");
    expect(again.text).toMatch(/duplicate/);
    expect(await db.prisma.encounter.count({ where: { patientId: p!.id } })).toBe(1);
    const log = await db.prisma.hl7InboundMessage.findMany({ where: { controlId: `C${tag}-1` } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ outcome: "AA", messageType: "ADT^A01", encounterId: p!.encounters[0]!.id });
  });

  it("answers AE naming PV1-3 for an unknown bed, and an occupied bed", async () => {
    const other = { ...patient, mrn: `MRN${tag}2`, givenName: "Anna" };
    const unknown = await send(
      buildAdtText({ event: "A01", controlId: `C${tag}-2`, at: at(), patient: other, visitNumber: `W${tag}`, bed: bed("Z") }),
    );
    expect(unknown.code).toBe("AE");
    expect(unknown.text).toMatch(/PV1-3: no bed/);
    const taken = await send(
      buildAdtText({ event: "A01", controlId: `C${tag}-3`, at: at(), patient: other, visitNumber: `W${tag}`, bed: bed("A") }),
    );
    expect(taken).toMatchObject({ code: "AE" });
    expect(taken.text).toMatch(/PV1-3: bed .* is occupied/);
    expect((await db.prisma.hl7InboundMessage.findUnique({ where: { controlId: `C${tag}-2` } }))?.outcome).toBe("AE");
  });

  it("transfers on A02 and discharges on A03 with the disposition", async () => {
    const t = await send(
      buildAdtText({ event: "A02", controlId: `C${tag}-4`, at: at(), patient, visitNumber: `V${tag}`, bed: bed("B"), priorBed: bed("A") }),
    );
    expect(t.code).toBe("AA");
    expect((await db.prisma.patient.findUnique({ where: { mrn: patient.mrn }, include: { bed: true } }))?.bed?.label).toBe("B");
    const d = await send(
      buildAdtText({
        event: "A03",
        controlId: `C${tag}-5`,
        at: new Date(),
        patient,
        visitNumber: `V${tag}`,
        bed: bed("B"),
        disposition: "01",
      }),
    );
    expect(d.code).toBe("AA");
    const e = await db.prisma.encounter.findUnique({ where: { visitNumber: `V${tag}` } });
    expect(e).toMatchObject({ status: "discharged", disposition: "01" });
  });

  it("answers AR for an unsupported message and for a malformed frame", async () => {
    const bad = buildAdtText({ event: "A01", controlId: `C${tag}-6`, at: at(), patient, visitNumber: "X", bed: bed("A") }).replace(
      "ADT^A01",
      "ORU^R01",
    );
    const r = await send(bad);
    expect(r.code).toBe("AR");
    // Raw socket: a frame with no end block, then a new start block.
    const socket = net.connect({ host: listener.host, port: listener.port });
    await new Promise<void>((resolve) => socket.once("connect", resolve));
    const decoder = new MllpFrameDecoder(1 << 20);
    const got = new Promise<string>((resolve) =>
      socket.on("data", (chunk: Buffer) => {
        for (const ev of decoder.push(chunk)) resolve(ev.payload.toString());
      }),
    );
    socket.write(Buffer.concat([Buffer.from([0x0b]), Buffer.from("MSH|^~\\&|broken"), encodeMllpFrame("MSH|x")]));
    const ack = await got;
    socket.destroy();
    expect(ack).toMatch(/MSA\|AR\|/);
  });
});
