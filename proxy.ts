// Next.js proxy (formerly middleware): runs before every page and route handler. It sets the security
// headers (lib/http/security-headers): a fresh CSP nonce per request, passed to rendering in the request's
// Content-Security-Policy header so Next puts it on its own scripts; HSTS only when the request came
// over TLS (as the server stamped it, lib/net). Static build assets are left alone (immutable, no data).
import { NextResponse, type NextRequest } from "next/server";
import { CLIENT_PROTO_HEADER, NONCE_HEADER, PATH_HEADER, newNonce, securityHeaders } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders(nonce, {
    dev: process.env.NODE_ENV === "development",
    tls: request.headers.get(CLIENT_PROTO_HEADER) === "https",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set(PATH_HEADER, request.nextUrl.pathname);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
