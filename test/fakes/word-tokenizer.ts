// A tokenizer fake: one token per whitespace-separated word, so budgets in tests are easy to reason about.
import type { Tokenizer } from '../../src/core/ports/tokenizer.ts';

export const wordTokenizer: Tokenizer = {
  count: (text) => text.split(/\s+/).filter((word) => word.length > 0).length,
};
