// One model completion, streamed, optionally replayed from a cache and metered. Shared by every LLM path. Runtime: any.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';
import type { ModelCallCache } from '../ports/model-cache.ts';
import type { ModelCallOutcome, ModelMetrics, ModelPath } from '../ports/model-metrics.ts';
import { isAbort, isRateLimited } from './model-errors.ts';
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
  /** Whose call it is for cost accounting (a conversation). */
  readonly scope?: string | undefined;
  /** Receives text as it arrives (the whole text at once on a cache hit). */
  readonly onText?: ((text: string) => void) | undefined;
  /** Latency, tokens and outcome of the call, labelled with `path`. */
  readonly metrics?: ModelMetrics | undefined;
  readonly path?: ModelPath | undefined;
  /** Set by the caller when it stops the call on purpose (not a failure). */
  readonly stoppedOnPurpose?: (() => boolean) | undefined;
}

export async function complete(options: CompletionOptions): Promise<string> {
  const prompt = options.messages
    .map(
      (message) =>
        `${message.getType()}: ${typeof message.content === 'string' ? message.content : JSON.stringify(message.content)}`,
    )
    .join('\n');
  const key =
    options.cache === undefined ? '' : await sha256Hex(`${options.modelId ?? ''}\n${prompt}\n${options.call ?? ''}`);
  const cached = options.cache === undefined ? undefined : await options.cache.get(key);
  if (cached !== undefined) {
    options.onText?.(cached);
    options.meter?.record(prompt, cached, true, options.scope);
    return cached;
  }
  let raw = '';
  const started = performance.now();
  const report = (outcome: ModelCallOutcome) =>
    options.metrics?.modelCall({
      path: options.path ?? 'answer',
      outcome,
      seconds: (performance.now() - started) / 1000,
      prompt,
      completion: raw,
    });
  try {
    for await (const chunk of await options.model.stream([...options.messages], { signal: options.signal })) {
      const text =
        typeof chunk.content === 'string'
          ? chunk.content
          : chunk.content.map((part) => ('text' in part && typeof part.text === 'string' ? part.text : '')).join('');
      raw += text;
      if (text !== '') options.onText?.(text);
    }
  } catch (error) {
    report(
      options.stoppedOnPurpose?.() === true
        ? 'aborted'
        : isRateLimited(error)
          ? 'rate_limited'
          : isAbort(error) || options.signal.aborted
            ? 'timeout'
            : 'error',
    );
    throw error;
  }
  report('ok');
  options.meter?.record(prompt, raw, false, options.scope);
  await options.cache?.set(key, raw);
  return raw;
}
