import { describe, expect, it } from "vitest";
import { MAX_SILENCE_MINUTES } from "@/lib/alerts/alert-actions";
import { SILENCE_CHOICES, SILENCE_DEFAULT_MINUTES, SILENCE_MAX_MINUTES } from "./silence";

describe("silence choices", () => {
  it("never offer more than the server allows", () => {
    expect(SILENCE_MAX_MINUTES).toBe(MAX_SILENCE_MINUTES);
    expect(Math.max(...SILENCE_CHOICES)).toBe(SILENCE_MAX_MINUTES);
    expect(SILENCE_CHOICES).toContain(SILENCE_DEFAULT_MINUTES);
  });
});
