import { describe, expect, it } from "vitest";
import { isPushServiceUrl, pushSubscriptionSchema } from "./push-subscriptions";

const keys = { p256dh: Buffer.alloc(65, 4).toString("base64url"), auth: Buffer.alloc(16, 1).toString("base64url") };
const DEFAULT_HOSTS = "fcm.googleapis.com,updates.push.services.mozilla.com,web.push.apple.com,notify.windows.com";

describe("push subscription input", () => {
  it("accepts the browsers' push services and refuses any other host (the server POSTs there)", () => {
    expect(isPushServiceUrl("https://fcm.googleapis.com/fcm/send/abc", DEFAULT_HOSTS)).toBe(true);
    expect(isPushServiceUrl("https://wns2-par02p.notify.windows.com/w/?token=x", DEFAULT_HOSTS)).toBe(true);
    expect(isPushServiceUrl("https://web.push.apple.com/QGx", DEFAULT_HOSTS)).toBe(true);
    expect(isPushServiceUrl("https://169.254.169.254/latest", DEFAULT_HOSTS)).toBe(false);
    expect(isPushServiceUrl("https://evilfcm.googleapis.com.attacker.net/x", DEFAULT_HOSTS)).toBe(false);
    expect(isPushServiceUrl("https://localhost:8443/x", DEFAULT_HOSTS)).toBe(false);
    expect(isPushServiceUrl("not a url", DEFAULT_HOSTS)).toBe(false);
  });

  it("names the field that is wrong", () => {
    const bad = (v: unknown) => pushSubscriptionSchema.safeParse(v).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(pushSubscriptionSchema.safeParse({ endpoint: "https://fcm.googleapis.com/fcm/send/a", keys }).success).toBe(true);
    expect(bad({ endpoint: "http://fcm.googleapis.com/x", keys })).toEqual(["endpoint: must be an https:// URL"]);
    expect(bad({ endpoint: "https://10.0.0.5/x", keys })).toEqual(["endpoint: must be on a known Web Push service (PUSH_SERVICE_HOSTS)"]);
    expect(bad({ endpoint: "https://fcm.googleapis.com/x", keys: { ...keys, auth: "abc" } })).toEqual([
      "keys.auth: must be the authentication secret (16 bytes, base64url)",
    ]);
    expect(bad({ endpoint: "https://fcm.googleapis.com/x" })).toEqual(["keys: must be {p256dh, auth}"]);
  });
});
