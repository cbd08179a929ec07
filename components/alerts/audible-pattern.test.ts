import { describe, expect, it } from "vitest";
import { CUE_PATTERNS, INITIAL_CUE_MEMORY, patternLength, stepCue, type CueAlert } from "./audible-pattern";
import { T0, iso } from "@/test/support/test-alerts";

const cue = (id: string, priority: CueAlert["priority"], extra: Partial<CueAlert> = {}): CueAlert => ({
  id,
  priority,
  state: "active",
  silencedUntil: null,
  ...extra,
});

describe("cue patterns", () => {
  it("differ per priority: 10, 3, 2 and 1 pulses; only high and medium repeat", () => {
    expect([CUE_PATTERNS.high, CUE_PATTERNS.medium, CUE_PATTERNS.low, CUE_PATTERNS.technical].map((p) => p.tones.length)).toEqual([
      10, 3, 2, 1,
    ]);
    expect(new Set(Object.values(CUE_PATTERNS).map((p) => p.tones[0]!.hz)).size).toBe(4);
    expect(CUE_PATTERNS.high.repeatMs).toBeLessThan(CUE_PATTERNS.medium.repeatMs!);
    expect(CUE_PATTERNS.low.repeatMs).toBeNull();
    expect(patternLength(CUE_PATTERNS.high)).toBe(3120);
  });
});

describe("stepCue", () => {
  it("plays the highest priority at once when an alert starts sounding, then repeats at its interval", () => {
    let s = stepCue(INITIAL_CUE_MEMORY, [cue("m", "medium"), cue("h", "high")], T0);
    expect(s.play).toBe("high");
    s = stepCue(s.memory, [cue("m", "medium"), cue("h", "high")], T0 + 5_000);
    expect(s.play).toBeNull();
    s = stepCue(s.memory, [cue("m", "medium"), cue("h", "high")], T0 + 10_000);
    expect(s.play).toBe("high");
  });
  it("plays low and technical once per alert", () => {
    let s = stepCue(INITIAL_CUE_MEMORY, [cue("t", "technical")], T0);
    expect(s.play).toBe("technical");
    s = stepCue(s.memory, [cue("t", "technical")], T0 + 60_000);
    expect(s.play).toBeNull();
    s = stepCue(s.memory, [cue("t", "technical"), cue("l", "low")], T0 + 61_000);
    expect(s.play).toBe("low");
  });
  it("is quiet for acknowledged and silenced alerts (technical included), and sounds again when a silence ends", () => {
    const silenced = cue("t", "technical", { silencedUntil: iso(T0 + 30_000) });
    let s = stepCue(INITIAL_CUE_MEMORY, [silenced, cue("a", "high", { state: "acknowledged" })], T0);
    expect(s.play).toBeNull();
    s = stepCue(s.memory, [silenced], T0 + 31_000);
    expect(s.play).toBe("technical");
  });
});
