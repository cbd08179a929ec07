import { describe, expect, it } from "vitest";
import { refusalText } from "./refusal-text";

describe("a refused action in one line", () => {
  it("names each field with its error, in order", () => {
    expect(refusalText({ error: "Invalid input", fieldErrors: { email: "must be an email", role: "unknown role" } })).toBe(
      "email: must be an email; role: unknown role",
    );
  });

  it("is the action's message when no field is named", () => {
    expect(refusalText({ error: "Your session has ended. Sign in again." })).toBe("Your session has ended. Sign in again.");
    expect(refusalText({ error: "Not saved", fieldErrors: {} })).toBe("Not saved");
  });
});
