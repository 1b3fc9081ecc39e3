// One model completion, streamed, optionally replayed from a cache and metered. Shared by every LLM path. Runtime: any.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';
import type { ModelCallCache } from '../ports/model-cache.ts';
import { sha256Hex } from '../text/hash.ts';
import type { UsageMeter } from './usage-meter.ts';

export interface CompletionOptions {
  readonly model: BaseChatModel;
  readonly messages: readonly BaseMessage[];
  readonly signal: AbortSignal;
  readonly cache?: ModelCallCache | undefined;
  readonly meter?: UsageMeter | undefined;
  /** Identifies the model in cache keys. */
  readonly modelId?: string | undefined;
  /** Distinguishes calls with the same prompt (conversation, attempt, repeat). */
  readonly call?: string | undefined;
  /** Receives text as it arrives (the whole text at once on a cache hit). */
  readonly onText?: ((text: string) => void) | undefined;
}

export async function complete(options: CompletionOptions): Promise<string> {
  const prompt = options.messages.map((message) => `${message.getType()}: ${typeof message.content === 'string' ? message.content : JSON.stringify(message.content)}`).join('\n');
  const key = options.cache === undefined ? '' : await sha256Hex(`${options.modelId ?? ''}\n${prompt}\n${options.call ?? ''}`);
  const cached = options.cache === undefined ? undefined : await options.cache.get(key);
  if (cached !== undefined) {
    options.onText?.(cached);
    options.meter?.record(prompt, cached, true);
    return cached;
  }
  let raw = '';
  for await (const chunk of await options.model.stream([...options.messages], { signal: options.signal })) {
    const text = typeof chunk.content === 'string' ? chunk.content : chunk.content.map((part) => ('text' in part && typeof part.text === 'string' ? part.text : '')).join('');
    raw += text;
    if (text !== '') options.onText?.(text);
  }
  options.meter?.record(prompt, raw, false);
  await options.cache?.set(key, raw);
  return raw;
}
