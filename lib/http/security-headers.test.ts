import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./security-headers";
import { forbiddenReason } from "@/lib/pages/forbidden-reason";

describe("security headers", () => {
  it("allows scripts only with the request's nonce, and forbids framing", () => {
    const csp = contentSecurityPolicy("abc", { dev: false, tls: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("sends HSTS only over TLS, and nosniff, Referrer-Policy, Permissions-Policy and no-store always", () => {
    const plain = securityHeaders("n", { dev: false, tls: false });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(plain).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });
    expect(plain["Permissions-Policy"]).toContain("camera=()");
    expect(securityHeaders("n", { dev: false, tls: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });

  it("says why a page is forbidden", () => {
    expect(forbiddenReason("/wards/w1", "nurse").detail).toMatch(/not assigned to this ward/);
    expect(forbiddenReason("/admin/audit", "nurse").detail).toBe("This page is for administrators; you are signed in as nurse.");
    expect(forbiddenReason("/patients/p2", "patient").detail).toBe("You can see only your own record.");
    expect(forbiddenReason("/admin/devices", "patient").title).toBe("Not available to your role");
  });
});
