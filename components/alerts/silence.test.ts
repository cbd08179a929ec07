import { describe, expect, it } from "vitest";
import { SILENCE_CHOICES, SILENCE_DEFAULT_MINUTES, SILENCE_MAX_MINUTES } from "./silence";

describe("silence choices", () => {
  it("never offer more than the server allows", () => {
    expect(Math.max(...SILENCE_CHOICES)).toBe(SILENCE_MAX_MINUTES);
    expect(SILENCE_CHOICES).toContain(SILENCE_DEFAULT_MINUTES);
  });
});
