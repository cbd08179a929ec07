// The web server (Next, API, Socket.IO): HTTPS when TLS is configured, else plain HTTP; and with TLS an
// optional plain-HTTP port (HTTP_REDIRECT_PORT) that answers every request with a 308 to the same path
// on HTTPS, so nothing but the redirect is ever served in clear text.
import "server-only";
import http from "node:http";
import https from "node:https";
import type net from "node:net";
import type { TlsConfig } from "./tls-config";

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Node's https.Server is an http.Server at run time (same request API, what Socket.IO attaches to). */
export function createWebServer(tls: TlsConfig | null, handler: RequestHandler): http.Server {
  if (!tls) return http.createServer(handler);
  return https.createServer({ cert: tls.cert, key: tls.key, minVersion: "TLSv1.2" }, handler) as unknown as http.Server;
}

/** Where a plain-HTTP request is sent: the same host and path on the HTTPS port. */
export function httpsLocation(hostHeader: string | undefined, url: string | undefined, httpsPort: number): string {
  const host = (hostHeader ?? "localhost").replace(/:\d+$/, "").replace(/[^A-Za-z0-9.\-[\]:]/g, "") || "localhost";
  return `https://${host}${httpsPort === 443 ? "" : `:${httpsPort}`}${url && url.startsWith("/") ? url : "/"}`;
}

/** Starts the HTTP→HTTPS redirect on `port` (0: any free port); resolves with the port it listens on. */
export function startHttpsRedirect(port: number, host: string, httpsPort: number): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    res.writeHead(308, { Location: httpsLocation(req.headers.host, req.url, httpsPort), "Content-Length": "0" });
    res.end();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () => new Promise<void>((r) => server.close(() => r())),
      }),
    );
  });
}
