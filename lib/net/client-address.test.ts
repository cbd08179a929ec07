// The client IP and scheme: X-Forwarded-* believed only from a trusted proxy.
import { describe, expect, it } from "vitest";
import { parseTrustedProxies, resolveClientAddress } from "./client-address";

describe("client address", () => {
  const none = parseTrustedProxies(undefined);
  const proxies = parseTrustedProxies("10.0.0.1, 172.16.0.0/12, ::1");

  it("ignores a client-supplied X-Forwarded-For without a trusted proxy", () => {
    expect(resolveClientAddress("203.0.113.5", { "x-forwarded-for": "1.2.3.4" }, false, none)).toEqual({
      ip: "203.0.113.5",
      proto: "http",
    });
    expect(resolveClientAddress("::ffff:203.0.113.5", { "x-forwarded-proto": "https" }, false, none)).toEqual({
      ip: "203.0.113.5",
      proto: "http",
    });
  });

  it("treats no list at all (no TRUSTED_PROXIES, the server's case) as trusting no one", () => {
    expect(resolveClientAddress("10.0.0.1", { "x-forwarded-for": "1.2.3.4", "x-forwarded-proto": "https" }, false, null)).toEqual({
      ip: "10.0.0.1",
      proto: "http",
    });
  });

  it("takes the right-most untrusted hop behind trusted proxies", () => {
    const h = { "x-forwarded-for": "6.6.6.6, 198.51.100.20, 172.16.4.4", "x-forwarded-proto": "https" };
    expect(resolveClientAddress("10.0.0.1", h, false, proxies)).toEqual({ ip: "198.51.100.20", proto: "https" });
    expect(resolveClientAddress("::1", { "x-forwarded-for": "192.0.2.1" }, false, proxies).ip).toBe("192.0.2.1");
  });

  it("does not trust an untrusted peer claiming a trusted hop, and reports TLS on our own socket", () => {
    expect(resolveClientAddress("198.51.100.1", { "x-forwarded-for": "10.0.0.1" }, true, proxies)).toEqual({
      ip: "198.51.100.1",
      proto: "https",
    });
  });

  it("refuses a malformed TRUSTED_PROXIES entry", () => {
    expect(() => parseTrustedProxies("10.0.0.1, proxy.local")).toThrow(/TRUSTED_PROXIES: "proxy.local"/);
  });
});
