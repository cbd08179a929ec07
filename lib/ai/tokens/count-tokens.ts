// lib/ai/tokens owns token counting for AI calls, with one promise: the input count is an UPPER bound of
// what the model will bill as prompt tokens, so a budget reservation made from it is never exceeded.
// OpenAI's o200k families (gpt-4o, gpt-4.1, gpt-4.5, gpt-5, o1/o3/o4) and the built-in demo model are
// counted exactly with the o200k_base BPE plus the chat framing (the framing is over-counted by one
// token per message); any other model is counted as UTF-8 bytes plus a generous framing allowance
// (a byte-level BPE or SentencePiece with byte fallback never makes more tokens than bytes).
import { decode, encode } from "gpt-tokenizer/encoding/o200k_base";
import { AS_PLAIN_TEXT, countO200kTokens } from "./o200k-count";

export type ChatMessageForCount = { role: string; content: string; name?: string };

/** ChatML framing per message is 3 tokens (<|im_start|>, <|im_sep|>, <|im_end|>); one more as margin. */
const O200K_TOKENS_PER_MESSAGE = 4;
const O200K_TOKENS_PER_NAME = 1;
/** Every reply is primed with <|im_start|>assistant<|im_sep|>. */
const O200K_REPLY_PRIMING = 3;

/** Unknown chat templates: allowance per message (role markers, separators) and per request (BOS, headers). */
const BYTES_FALLBACK_PER_MESSAGE = 16;
const BYTES_FALLBACK_PER_REQUEST = 64;

const utf8 = new TextEncoder();
function utf8Length(text: string): number {
  return utf8.encode(text).length;
}

const O200K_MODEL = /^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4)(\b|-|$)|^demo-template$/i;

/** True when `model` is tokenized with o200k_base (exact counts); other models fall back to bytes. */
export function usesO200k(model: string): boolean {
  return O200K_MODEL.test(model.trim());
}

/** Tokens of a plain text for `model`: exact BPE for o200k models, UTF-8 bytes otherwise. */
export function countTextTokens(text: string, model: string): number {
  if (usesO200k(model)) return countO200kTokens(text);
  return utf8Length(text);
}

/** An upper bound of the prompt tokens a Chat Completions request with these messages is billed. */
export function countChatInputTokens(messages: readonly ChatMessageForCount[], model: string): number {
  if (usesO200k(model)) {
    let total = O200K_REPLY_PRIMING;
    for (const m of messages) {
      total += O200K_TOKENS_PER_MESSAGE + countO200kTokens(m.role) + countO200kTokens(m.content);
      if (m.name) total += O200K_TOKENS_PER_NAME + countO200kTokens(m.name);
    }
    return total;
  }
  let total = BYTES_FALLBACK_PER_REQUEST;
  for (const m of messages) {
    total += BYTES_FALLBACK_PER_MESSAGE + utf8Length(m.role) + utf8Length(m.content);
    if (m.name) total += utf8Length(m.name);
  }
  return total;
}

/** The longest prefix of `text` that is at most `maxTokens` o200k tokens (for a reply cut at max_tokens). */
export function truncateToTokens(text: string, maxTokens: number): { text: string; tokens: number; truncated: boolean } {
  const tokens = encode(text, AS_PLAIN_TEXT);
  if (tokens.length <= maxTokens) return { text, tokens: tokens.length, truncated: false };
  const kept = tokens.slice(0, Math.max(0, maxTokens));
  return { text: decode(kept), tokens: kept.length, truncated: true };
}
