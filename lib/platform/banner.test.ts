import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { printBanner, showsDemoPasswords } from "./banner";

const demo = [{ email: "nurse@demo.local", password: "demo-SECRETpw", role: "nurse" }];
const banner = (source: NodeJS.ProcessEnv) => {
  let out = "";
  printBanner({
    env: parseEnv(source),
    dbKind: source.DATABASE_URL ? "postgres" : "pglite",
    mqtt: { mode: "embedded", url: "mqtt://localhost:1883", port: 1883, close: async () => undefined },
    demo,
    simulated: null,
    print: (t) => (out += t),
  });
  return out;
};

describe("start banner", () => {
  it("prints demo passwords on the embedded default", () => {
    expect(banner({ NODE_ENV: "production" })).toContain("demo-SECRETpw");
    expect(banner({ NODE_ENV: "development", DATABASE_URL: "postgres://db/x", SEED_DEMO: "1" })).toContain("demo-SECRETpw");
  });

  it("never prints them with NODE_ENV=production and a DATABASE_URL, even with SEED_DEMO=1", () => {
    const out = banner({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x", SEED_DEMO: "1" });
    expect(out).not.toContain("demo-SECRETpw");
    expect(out).toContain("passwords not shown in production");
    expect(showsDemoPasswords(parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x" }))).toBe(false);
  });
});
