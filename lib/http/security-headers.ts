// The security headers of every answer (ASVS V3.4, V14.3; OWASP Secure Headers): a strict CSP whose scripts
// run only with the per-request nonce ('strict-dynamic' lets Next's own loaders add chunks), no framing,
// nosniff, no referrer (URLs carry patient ids), a closed Permissions-Policy, HSTS only on TLS, and
// `Cache-Control: no-store` (pages and API answers carry patient data). Pure; proxy.ts applies it.

export const NONCE_HEADER = "x-nonce";
/** The requested path, for pages that explain themselves (app/forbidden.tsx). */
export const PATH_HEADER = "x-iomt-path";
export { CLIENT_PROTO_HEADER } from "@/lib/net/request-stamps";

export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; tls: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (charts, React style props) cannot run script; style elements need 'self' or inline.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    ...(opts.tls ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers of every answer (pages and route handlers). */
export function securityHeaders(nonce: string, opts: { dev: boolean; tls: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, opts),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), display-capture=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
    ...(opts.tls ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** A fresh nonce per request (128 random bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
