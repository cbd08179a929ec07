// Module hooks (node:module register) for lib/ai/runtime/tokenizer-off-main.test.ts: every module this
// process resolves from gpt-tokenizer is named on stderr, so a test can see whether the tokenizer was loaded.
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.includes("/gpt-tokenizer/")) process.stderr.write(`tokenizer module loaded: ${resolved.url}\n`);
  return resolved;
}
