import { describe, expect, it } from "vitest";
import { bindFields } from "./field-binding";

type Form = { kind: "global" | "user"; model: string; soft: string };

describe("a form's string field bound to its control", () => {
  const form: Form = { kind: "global", model: "gpt-4o-mini", soft: "" };

  it("reads the field's value and the error under its own key", () => {
    const field = bindFields(form, () => {}, { model: "must not be empty" });
    expect(field("model")).toMatchObject({ value: "gpt-4o-mini", error: "must not be empty" });
    expect(field("soft").error).toBeUndefined();
    // @ts-expect-error a union of literals is not bound: its control sets it with an explicit handler
    field("kind");
  });

  it("reads the error under the server's name for the field when given", () => {
    const field = bindFields(form, () => {}, { softUsd: "must be an amount in USD, or blank", soft: "not this one" });
    expect(field("soft", "softUsd").error).toBe("must be an amount in USD, or blank");
  });

  it("patches only that field with the new value", () => {
    const patches: Partial<Form>[] = [];
    bindFields(form, (p) => patches.push(p), {})("soft").onValueChange("2.50");
    expect(patches).toEqual([{ soft: "2.50" }]);
  });
});
