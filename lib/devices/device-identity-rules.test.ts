import { describe, expect, it } from "vitest";
import { deviceIdentityBodySchema } from "./device-identity-body";
import { gtinCheckDigitOk, udiProblem } from "./device-identity-rules";
import { demoIdentityOf, withCheckDigit } from "@/lib/seed/demo-device-identity";

describe("device identity rules", () => {
  it("checks a GTIN's GS1 check digit", () => {
    expect(gtinCheckDigitOk("00614141999996")).toBe(true); // GS1's own example
    expect(gtinCheckDigitOk("00614141999995")).toBe(false);
    expect(withCheckDigit("0061414199999")).toBe("00614141999996");
  });

  it("accepts GS1, HIBCC and ICCBBA UDIs and says what is wrong with others", () => {
    expect(udiProblem("(01)00614141999996(17)271231(10)A213B1(21)1234")).toBeNull();
    expect(udiProblem("+H123PUMP9001/$$3271231A213B1C")).toBeNull();
    expect(udiProblem("=/A9999XYZ100T0944")).toBeNull();
    expect(udiProblem("(01)00614141999995(21)1")).toBe("GTIN 00614141999995 has a wrong check digit");
    expect(udiProblem("(01)123(21)1")).toBe("(01) must be followed by a 14-digit GTIN");
    expect(udiProblem("(01)00614141999996(17)2712")).toBe("(17) must be a date YYMMDD");
    expect(udiProblem("(01)00614141999996(99)x")).toMatch(/^\(99\) is not a UDI application identifier/);
    expect(udiProblem("PUMP 42")).toBe("may hold printable characters only, without spaces");
    expect(udiProblem("ABC123")).toMatch(/^must start with "\(01\)"/);
  });

  it("names the field at fault and clears a field given as empty or null", () => {
    const bad = deviceIdentityBodySchema.safeParse({ udi: "(01)00614141999995", serialNumber: "x".repeat(65) });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path.join("."), i.message]).sort()).toEqual([
      ["serialNumber", "is longer than 64 characters"],
      ["udi", "GTIN 00614141999995 has a wrong check digit"],
    ]);
    expect(deviceIdentityBodySchema.parse({ model: "  LP-900 ", udi: "", serialNumber: null })).toEqual({
      model: "LP-900",
      udi: null,
      serialNumber: null,
    });
    expect(deviceIdentityBodySchema.safeParse({}).error?.issues[0]?.message).toBe("give at least one of model, serialNumber or udi");
    expect(deviceIdentityBodySchema.safeParse({ model: "x", colour: "red" }).success).toBe(false);
  });

  it("gives every demo device a valid identity", () => {
    const id = demoIdentityOf("pump-4e-01", "infusion_pump")!;
    expect(id.model).toMatch(/pump/);
    expect(id.serialNumber).toMatch(/^LP9-24\d{6}$/);
    expect(udiProblem(id.udi)).toBeNull();
    expect(id.udi.endsWith(`(21)${id.serialNumber}`)).toBe(true);
    expect(demoIdentityOf("pump-4e-01", "infusion_pump")).toEqual(id);
  });
});
