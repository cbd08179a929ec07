// A local push service speaking the Web Push protocol (RFC 8030) over HTTPS, for tests: it checks each
// request's VAPID Authorization (RFC 8292: `vapid t=<ES256 JWT>, k=<public key>`, signature, audience,
// expiry, subject) and decrypts the aes128gcm body (RFC 8188 / RFC 8291) with the keys of a subscription
// the test created the way a browser does (a P-256 key pair and a 16-byte auth secret). An endpoint path
// can be set to answer another status (410 Gone: the browser unsubscribed).
import crypto from "node:crypto";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { platformCa, selfSignedServerCertificate } from "@/lib/transport/certificates";

export type BrowserSubscription = {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** The browser's private side, to decrypt what it receives. */
  ecdh: crypto.ECDH;
  authSecret: Buffer;
};

export type ReceivedPush = {
  path: string;
  headers: Record<string, string | undefined>;
  /** The VAPID claims once the signature checked out; null if the request carried no valid VAPID header. */
  vapid: { aud: string; exp: number; sub: string; publicKey: string } | null;
  /** The decrypted payload (null: it did not decrypt). */
  plaintext: string | null;
  status: number;
};

export type WebPushServer = {
  origin: string;
  /** An HTTPS agent that trusts this server's certificate. */
  agent: https.Agent;
  received: ReceivedPush[];
  /** A new browser subscription on this push service. */
  subscribe(): BrowserSubscription;
  /** Answer this status for that subscription from now on (e.g. 410). */
  setStatus(endpoint: string, status: number): void;
  close(): Promise<void>;
};

function verifyVapid(header: string | undefined, origin: string): ReceivedPush["vapid"] {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!m) return null;
  const [, jwt, k] = m as unknown as [string, string, string];
  const [h, p, s] = jwt.split(".");
  if (!h || !p || !s) return null;
  const head = JSON.parse(Buffer.from(h, "base64url").toString()) as { alg?: string; typ?: string };
  if (head.alg !== "ES256") return null;
  const point = Buffer.from(k, "base64url");
  if (point.length !== 65 || point[0] !== 4) return null;
  const key = crypto.createPublicKey({
    key: { kty: "EC", crv: "P-256", x: point.subarray(1, 33).toString("base64url"), y: point.subarray(33).toString("base64url") },
    format: "jwk",
  });
  const ok = crypto.verify("sha256", Buffer.from(`${h}.${p}`), { key, dsaEncoding: "ieee-p1363" }, Buffer.from(s, "base64url"));
  if (!ok) return null;
  const claims = JSON.parse(Buffer.from(p, "base64url").toString()) as { aud: string; exp: number; sub: string };
  const now = Date.now() / 1000;
  if (claims.aud !== origin || !(claims.exp > now && claims.exp <= now + 24 * 3600)) return null;
  if (!/^(mailto:|https:\/\/)/.test(claims.sub)) return null;
  return { ...claims, publicKey: k };
}

/** RFC 8291 + RFC 8188: one record, keyid = the sender's ephemeral public key. */
export function decryptAes128gcm(body: Buffer, sub: Pick<BrowserSubscription, "ecdh" | "authSecret">): string | null {
  try {
    const salt = body.subarray(0, 16);
    const idlen = body[20]!;
    const senderPublic = body.subarray(21, 21 + idlen);
    const ciphertext = body.subarray(21 + idlen);
    const receiverPublic = sub.ecdh.getPublicKey();
    const ecdhSecret = sub.ecdh.computeSecret(senderPublic);
    const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), receiverPublic, senderPublic]);
    const ikm = Buffer.from(crypto.hkdfSync("sha256", ecdhSecret, sub.authSecret, keyInfo, 32));
    const cek = Buffer.from(crypto.hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
    const nonce = Buffer.from(crypto.hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
    const decipher = crypto.createDecipheriv("aes-128-gcm", cek, nonce);
    decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
    const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end--;
    if (padded[end] !== 2) return null; // the last record's delimiter
    return padded.subarray(0, end).toString("utf8");
  } catch {
    return null;
  }
}

export async function startWebPushServer(): Promise<WebPushServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "push-"));
  const ca = await platformCa(dir);
  const pem = await selfSignedServerCertificate(dir);
  const subs = new Map<string, BrowserSubscription>();
  const statuses = new Map<string, number>();
  const received: ReceivedPush[] = [];
  let origin = "";
  const server = https.createServer({ cert: pem.cert, key: pem.key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const endpoint = `${origin}${req.url ?? ""}`;
      const sub = subs.get(endpoint);
      const vapid = verifyVapid(req.headers.authorization, origin);
      const body = Buffer.concat(chunks);
      const status = !sub ? 404 : !vapid ? 401 : (statuses.get(endpoint) ?? 201);
      received.push({
        path: req.url ?? "",
        headers: {
          ttl: req.headers.ttl as string | undefined,
          urgency: req.headers.urgency as string | undefined,
          "content-encoding": req.headers["content-encoding"] as string | undefined,
        },
        vapid,
        plaintext: sub && req.method === "POST" ? decryptAes128gcm(body, sub) : null,
        status,
      });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `https://localhost:${(server.address() as { port: number }).port}`;
  const agent = new https.Agent({ ca: ca.cert });
  let n = 0;
  return {
    origin,
    agent,
    received,
    subscribe() {
      const ecdh = crypto.createECDH("prime256v1");
      ecdh.generateKeys();
      const authSecret = crypto.randomBytes(16);
      const sub: BrowserSubscription = {
        endpoint: `${origin}/push/${++n}-${crypto.randomBytes(6).toString("hex")}`,
        keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: authSecret.toString("base64url") },
        ecdh,
        authSecret,
      };
      subs.set(sub.endpoint, sub);
      return sub;
    },
    setStatus: (endpoint, status) => void statuses.set(endpoint, status),
    async close() {
      agent.destroy();
      await new Promise<void>((r) => server.close(() => r()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
