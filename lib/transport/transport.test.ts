// Issue 11 item 5 (transport): real TLS clients against HTTPS, the HTTP→HTTPS redirect and the embedded
// broker's MQTT over TLS, with device certificates from the platform CA (mutual TLS).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import https from "node:https";
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mqtt from "mqtt";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "iomt-tls-"));
process.env.DATA_DIR = dataDir;

const { setDatabase } = await import("@/lib/db/database");
const { createTestDatabase } = await import("@/test/support/test-database");
const { createDevice } = await import("@/lib/devices/manage-devices");
const { frameJson } = await import("@/test/support/fixtures");
const { startEmbeddedBroker } = await import("@/lib/ingest/embedded-broker");
const { telemetryTopic } = await import("@/lib/ingest/mqtt-topics");
const { runCliCommand } = await import("@/lib/cli/commands");
const { loadTlsConfig } = await import("./tls-config");
const { issueDeviceCertificate, platformCa } = await import("./certificates");
const { createWebServer, startHttpsRedirect } = await import("./web-server");

type TlsConfig = NonNullable<Awaited<ReturnType<typeof loadTlsConfig>>>;
const mode = (file: string) => fs.statSync(file).mode & 0o777;
const listen = (server: net.Server) =>
  new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)));

describe("TLS material", () => {
  it("TLS=self-signed generates a CA and a server certificate into DATA_DIR/tls, keys mode 0600, reused at the next start", async () => {
    const a = await loadTlsConfig({ TLS: "self-signed", dataDir });
    const b = await loadTlsConfig({ TLS: "self-signed", dataDir });
    expect(a?.source).toBe("self-signed");
    expect(b?.cert).toBe(a?.cert);
    expect(mode(path.join(dataDir, "tls", "ca.key"))).toBe(0o600);
    expect(mode(path.join(dataDir, "tls", "server.key"))).toBe(0o600);
    expect(await loadTlsConfig({ TLS: "off", dataDir })).toBeNull();
  });
});

describe("HTTPS and the redirect", () => {
  let tls: TlsConfig;
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    tls = (await loadTlsConfig({ TLS: "self-signed", dataDir }))!;
    server = createWebServer(tls, (req, res) => res.end(`hello ${req.url}`));
    port = await listen(server);
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const get = (opts: https.RequestOptions) =>
    new Promise<{ status: number; body: string; protocol: string }>((resolve, reject) => {
      let protocol = "";
      const req = https.get({ host: "127.0.0.1", servername: "localhost", port, path: "/x", agent: false, ...opts }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode!, body, protocol }));
      });
      req.on("socket", (socket) =>
        socket.on("secureConnect", () => (protocol = (socket as import("node:tls").TLSSocket).getProtocol() ?? "")),
      );
      req.on("error", reject);
    });

  it("serves HTTPS to a client that trusts the platform CA, with TLS 1.2 or later", async () => {
    const r = await get({ ca: tls.clientCa });
    expect(r).toMatchObject({ status: 200, body: "hello /x" });
    expect(["TLSv1.2", "TLSv1.3"]).toContain(r.protocol);
  });

  it("is refused by a client that does not trust the certificate, and a plain-HTTP request gets no page", async () => {
    await expect(get({})).rejects.toThrow(/certificate/i);
    const plain = await new Promise<string>((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => s.write("GET /x HTTP/1.1\r\nHost: localhost\r\n\r\n"));
      let got = "";
      s.on("data", (c) => (got += c.toString("latin1")));
      s.on("close", () => resolve(got));
      s.on("error", () => resolve(got));
    });
    expect(plain).not.toContain("hello");
  });

  it("redirects plain HTTP to the same path on HTTPS", async () => {
    const redirect = await startHttpsRedirect(0, "127.0.0.1", port);
    try {
      const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
        http
          .get({ host: "127.0.0.1", port: redirect.port, path: "/wards?x=1", headers: { host: "ward.example:8080" } }, resolve)
          .on("error", reject),
      );
      res.resume();
      expect(res.statusCode).toBe(308);
      expect(res.headers.location).toBe(`https://ward.example:${port}/wards?x=1`);
    } finally {
      await redirect.close();
    }
  });
});

describe("MQTT over TLS with device certificates", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let broker: Awaited<ReturnType<typeof startEmbeddedBroker>>;
  let tls: TlsConfig;
  let device: { id: string; secret: string };
  let other: { id: string; secret: string };
  const clients: mqtt.MqttClient[] = [];
  const logs: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    setDatabase(db);
    device = await createDevice({ type: "bedside_monitor", location: "test bench" });
    other = await createDevice({ type: "bedside_monitor", location: "test bench" });
    tls = (await loadTlsConfig({ TLS: "self-signed", dataDir }))!;
    broker = await startEmbeddedBroker({
      port: 0,
      tlsHost: "127.0.0.1",
      log: (_l, m) => logs.push(m),
      tls: { cert: tls.cert, key: tls.key, clientCa: tls.clientCa, port: 0, clientCerts: "optional" },
    });
  });
  afterAll(async () => {
    for (const c of clients) c.end(true);
    await broker?.close();
    await db?.destroy();
  });

  const connect = (o: mqtt.IClientOptions) =>
    new Promise<mqtt.MqttClient>((resolve, reject) => {
      const c = mqtt.connect(`mqtts://127.0.0.1:${broker.tlsPort}`, {
        ca: tls.clientCa,
        servername: "localhost",
        reconnectPeriod: 0,
        connectTimeout: 5000,
        ...o,
      });
      clients.push(c);
      c.once("connect", () => resolve(c));
      c.once("error", reject);
      // A refused TLS connection may be closed before its CONNACK arrives.
      c.once("close", () => reject(new Error("connection closed without CONNACK (refused)")));
    });
  const stored = async (id: string, seq: number) =>
    (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM device_frames WHERE device_id=$1 AND seq=$2`, [id, seq]))[0]!.n;

  it("authenticates a device by its certificate (CN = device id), without a secret", async () => {
    const pem = await issueDeviceCertificate(dataDir, device.id);
    const c = await connect({ clientId: device.id, username: device.id, cert: pem.cert, key: pem.key });
    await c.publishAsync(telemetryTopic(device.id), frameJson(1, { heart_rate: 70 }), { qos: 1 });
    expect(await stored(device.id, 1)).toBe(1);
  });

  it("refuses a certificate whose CN is another device", async () => {
    const pem = await issueDeviceCertificate(dataDir, device.id);
    await expect(connect({ clientId: other.id, username: other.id, cert: pem.cert, key: pem.key })).rejects.toThrow(/Not authorized/i);
  });

  it("ignores a certificate from a foreign CA (the secret is needed then), and accepts the secret over TLS", async () => {
    const foreignDir = fs.mkdtempSync(path.join(os.tmpdir(), "iomt-foreign-"));
    const foreign = await issueDeviceCertificate(foreignDir, other.id);
    await expect(connect({ clientId: other.id, username: other.id, cert: foreign.cert, key: foreign.key })).rejects.toThrow(
      /Bad username or password|refused/i,
    );
    expect(logs.at(-1)).toBe(`[mqtt] refused device "${other.id}": bad secret`);
    const c = await connect({ clientId: other.id, username: other.id, password: other.secret });
    await c.publishAsync(telemetryTopic(other.id), frameJson(5, { heart_rate: 70 }), { qos: 1 });
    expect(await stored(other.id, 5)).toBe(1);
  });

  it("binds the plain port to loopback by default", async () => {
    expect(broker.url).toMatch(/^mqtt:\/\/127\.0\.0\.1:/);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === "IPv4" && !i.internal)?.address;
    if (!external) return; // a machine with loopback only: nothing else to reach
    await expect(
      new Promise<void>((resolve, reject) => {
        const s = net.connect(broker.port, external, () => (s.destroy(), resolve()));
        s.on("error", reject);
      }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });

  it("devices issue-cert writes the device certificate (CN = id), its key mode 0600 and the CA", async () => {
    const out = path.join(dataDir, "issued");
    const r = await runCliCommand(["devices", "issue-cert", device.id, `--out=${out}`]);
    const files = r.json as { cert: string; key: string; ca: string };
    expect(mode(files.key)).toBe(0o600);
    expect(fs.readFileSync(files.ca, "utf8")).toBe((await platformCa(dataDir)).cert);
    const { X509Certificate } = await import("node:crypto");
    const x = new X509Certificate(fs.readFileSync(files.cert));
    expect(x.subject).toBe(`CN=${device.id}`);
    expect(x.checkIssued(new X509Certificate(fs.readFileSync(files.ca)))).toBe(true);
    await expect(runCliCommand(["devices", "issue-cert", "nope"])).rejects.toThrow(/no device "nope"/);
  });
});
