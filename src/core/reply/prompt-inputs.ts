// What the customer wrote, made safe to put in a prompt: the tags that fence untrusted text are defused, and
// the history is cut to a token budget, newest messages kept. Runtime: any.
import type { Message } from '../conversation/conversation.ts';
import type { Tokenizer } from '../ports/tokenizer.ts';

const FENCE_TAG = /<\s*(\/?)\s*(customer_message|conversation|context|system|instructions|assistant|developer)\b/giu;

/** Customer text with any of the prompt's fencing tags turned harmless (`<` becomes `‹`), so it cannot close its fence. */
export function fenceUntrusted(text: string): string {
  return text.replace(FENCE_TAG, '‹$1$2');
}

const ROLE_NAMES: Readonly<Record<Message['role'], string>> = {
  customer: 'customer',
  bot: 'assistant',
  agent: 'support agent',
  system: 'notice',
};

/** The conversation as `role: text` lines, the newest that fit in `budget` tokens, oldest first. */
export function historyWithin(history: readonly Message[], tokenizer: Tokenizer, budget: number): string {
  const lines: string[] = [];
  let used = 0;
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const message = history[index];
    if (message === undefined) continue;
    const line = `${ROLE_NAMES[message.role]}: ${fenceUntrusted(message.text)}`;
    const tokens = tokenizer.count(line);
    if (used + tokens > budget) break;
    lines.unshift(line);
    used += tokens;
  }
  return lines.join('\n');
}
