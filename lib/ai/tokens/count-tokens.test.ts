import { describe, expect, it } from "vitest";
import { encodeChat } from "gpt-tokenizer/encoding/o200k_base";
import { countChatInputTokens, countTextTokens, truncateToTokens, usesO200k } from "./count-tokens";

const chats = {
  short: [
    { role: "system", content: "You are a helpful assistant." },
    { role: "user", content: "Hello there, how are you?" },
  ],
  clinical: [
    { role: "system", content: "You write SBAR handovers for ward nurses. Be brief; use the data only." },
    {
      role: "user",
      content:
        'Vitals:\n```json patient.vitals_window\n[{"at":"-3 h 10 min","heart_rate":112,"spo2":91,"bp_sys":98,"temp":38.4},{"at":"-15 min","heart_rate":118,"spo2":90}]\n```\nNEWS2 7 — SpO2 91 %, BP 120/80.',
    },
    { role: "assistant", content: "S: NEWS2 7 (high)." },
    { role: "user", content: "Ünïcödé — 体温 38.4 °C 🙂 and <|endoftext|> as plain text" },
  ],
  empty: [] as { role: string; content: string }[],
};

describe("countChatInputTokens", () => {
  it("is an upper bound of the exact ChatML count for o200k models, within one token per message", () => {
    for (const chat of Object.values(chats)) {
      const exact = encodeChat(
        chat.map((m) => ({ role: m.role as "system" | "user" | "assistant", content: m.content })),
        "gpt-4o",
        { disallowedSpecial: new Set() },
      ).length;
      for (const model of ["gpt-4o-mini", "gpt-4.1-mini", "gpt-4.1-nano-2025-04-14", "demo-template"]) {
        const counted = countChatInputTokens(chat, model);
        expect(counted).toBeGreaterThanOrEqual(exact);
        expect(counted - exact).toBe(chat.length);
      }
    }
  });

  it("counts the documented short chat as the ChatML 24 plus one per message", () => {
    expect(countChatInputTokens(chats.short, "gpt-4o")).toBe(26);
  });

  it("counts a name as one extra token plus its text", () => {
    const named = [{ role: "user", content: "Hi", name: "nurse" }];
    expect(countChatInputTokens(named, "gpt-4o")).toBe(
      countChatInputTokens([{ role: "user", content: "Hi" }], "gpt-4o") + 1 + countTextTokens("nurse", "gpt-4o"),
    );
  });

  it("falls back to UTF-8 bytes plus framing for unknown models, which bounds any byte-level BPE", () => {
    const chat = chats.clinical;
    const bytes = chat.reduce((n, m) => n + new TextEncoder().encode(m.role + m.content).length, 0);
    const counted = countChatInputTokens(chat, "llama3.1:8b");
    expect(counted).toBe(64 + 16 * chat.length + bytes);
    expect(counted).toBeGreaterThan(countChatInputTokens(chat, "gpt-4o"));
  });

  it("stays reasonable: about 4 characters per token on English text", () => {
    const text = "The patient was alert and oriented, breathing comfortably on room air. ".repeat(40);
    const n = countChatInputTokens([{ role: "user", content: text }], "gpt-4.1-mini");
    expect(n).toBeGreaterThan(text.length / 8);
    expect(n).toBeLessThan(text.length / 3);
  });
});

describe("countTextTokens and usesO200k", () => {
  it("recognises the o200k families and not others", () => {
    for (const m of ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-5-nano", "o3-mini", "o4-mini", "demo-template"])
      expect(usesO200k(m)).toBe(true);
    for (const m of ["gpt-4", "gpt-3.5-turbo", "llama3.1:8b", "mistral-small", "o100", "demo-template-2"]) expect(usesO200k(m)).toBe(false);
  });

  it("counts exact BPE tokens for o200k and bytes otherwise", () => {
    expect(countTextTokens("Hello there, how are you?", "gpt-4o-mini")).toBe(7);
    expect(countTextTokens("Ünï", "mistral")).toBe(5);
    expect(countTextTokens("", "gpt-4o")).toBe(0);
  });
});

describe("truncateToTokens", () => {
  it("keeps text within the limit untouched and cuts longer text to exactly the limit", () => {
    expect(truncateToTokens("one two three", 10)).toEqual({ text: "one two three", tokens: 3, truncated: false });
    const cut = truncateToTokens("one two three four five", 2);
    expect(cut).toEqual({ text: "one two", tokens: 2, truncated: true });
    expect(countTextTokens(cut.text, "gpt-4o")).toBeLessThanOrEqual(2);
  });
});
