// Start-up of transport security for server.ts: loads or generates the TLS material, creates the web
// server (HTTPS or HTTP) and, with TLS and HTTP_REDIRECT_PORT, the HTTP→HTTPS redirect.
import "server-only";
import type http from "node:http";
import type { Env } from "@/lib/env";
import { loadTlsConfig, type TlsConfig } from "./tls-config";
import { createWebServer, startHttpsRedirect, type RequestHandler } from "./web-server";

export type Transport = {
  tls: TlsConfig | null;
  protocol: "http" | "https";
  createWebServer(handler: RequestHandler): http.Server;
  /** After the web server listens: the redirect port, if configured. */
  listenRedirect(): Promise<void>;
  close(): Promise<void>;
};

export async function startTransport(e: Env, log: (msg: string) => void = console.log): Promise<Transport> {
  const tls = await loadTlsConfig(e);
  if (tls?.source === "self-signed") log(`[tls] self-signed certificate in ${e.dataDir}/tls (trust tls/ca.crt on clients)`);
  let redirect: { port: number; close(): Promise<void> } | null = null;
  return {
    tls,
    protocol: tls ? "https" : "http",
    createWebServer: (handler) => createWebServer(tls, handler),
    async listenRedirect() {
      if (!tls || e.HTTP_REDIRECT_PORT === undefined) return;
      redirect = await startHttpsRedirect(e.HTTP_REDIRECT_PORT, e.HOST, e.PORT);
      log(`[tls] http://…:${redirect.port} redirects to https://…:${e.PORT}`);
    },
    async close() {
      await redirect?.close();
    },
  };
}
