// The LLM answer path: prompt files rendered with LangChain templates, context packed to a token budget,
// streamed JSON validated by zod, one retry, then fallback (undefined) so the offline composer answers. Runtime: any.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { z } from 'zod';
import type { Logger } from '../conversation/conversation-service.ts';
import { chunkHeaderText } from '../knowledge/chunk.ts';
import type { Tokenizer } from '../ports/tokenizer.ts';
import type { PromptFile } from '../prompts/prompt-file.ts';
import { isCourtesy } from './courtesy.ts';
import { JsonStringFieldStream } from './json-string-stream.ts';
import type { ModelCallCache } from '../ports/model-cache.ts';
import type { UsageMeter } from './usage-meter.ts';
import { complete } from './model-completion.ts';
import type { AnswerComposer, LlmComposedReply, LlmComposeInput } from './reply-pipeline.ts';

export const llmAnswerSchema = z.object({
  reply: z.string().trim().min(1).max(6000),
  citations: z.array(z.string()).default([]),
  confidence: z.coerce.number().min(0).max(1),
  needsHuman: z.boolean().default(false),
  reason: z.string().optional(),
});

export interface LlmComposerOptions {
  readonly model: BaseChatModel;
  readonly system: PromptFile;
  readonly user: PromptFile;
  readonly tokenizer: Tokenizer;
  /** Token budget for the CONTEXT block. */
  readonly contextTokens: number;
  /** Deadline for the whole answer, retry included. */
  readonly timeoutMs: number;
  readonly logger: Logger;
  /** Replays completions for identical calls (evals); production leaves it unset. */
  readonly cache?: ModelCallCache | undefined;
  readonly meter?: UsageMeter | undefined;
  /** Identifies the model in cache keys. */
  readonly modelId?: string | undefined;
}

const LANG_NAMES = { ru: 'Russian', en: 'English' } as const;

export class LlmComposer implements AnswerComposer {
  private readonly prompt: ChatPromptTemplate;

  constructor(private readonly options: LlmComposerOptions) {
    this.prompt = ChatPromptTemplate.fromMessages([
      ['system', options.system.template],
      ['human', options.user.template],
    ]);
  }

  async compose(input: LlmComposeInput): Promise<LlmComposedReply | undefined> {
    const { context, sources } = this.packContext(input);
    const messages = await this.prompt.formatMessages({
      lang_name: LANG_NAMES[input.lang],
      greeting_rule: input.firstReply ? 'This is your first reply in the conversation: greet the customer first.' : 'You already greeted the customer earlier: do not greet again.',
      context,
      history: input.history.map((message) => `${message.role}: ${message.text}`).join('\n') || '(none)',
      question: input.question,
    });
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      try {
        const raw = await this.complete(messages, deadline, attempt === 1 ? input.onToken : undefined, `${input.conversationId ?? ''}#${attempt}`);
        const parsed = parseAnswer(raw, new Set(sources.keys()));
        if (parsed.ok) {
          const used = parsed.value.citations.length > 0 ? parsed.value.citations : [...sources.keys()];
          return {
            text: parsed.value.reply,
            exempt: isCourtesy,
            sources: used.flatMap((id) => sources.get(id) ?? []),
            citations: parsed.value.citations,
            selfAssessment: parsed.value.confidence,
            needsHuman: parsed.value.needsHuman,
          };
        }
        this.options.logger.warn({ attempt, problem: parsed.problem }, 'model output rejected');
      } catch (error) {
        this.options.logger.warn({ attempt, err: error }, 'model call failed');
        if (deadline.aborted) return undefined;
      }
    }
    return undefined;
  }

  /** A completion (from the cache when this exact call was made before); the reply field streams to `onToken`. */
  private complete(messages: Awaited<ReturnType<ChatPromptTemplate['formatMessages']>>, signal: AbortSignal, onToken: ((token: string) => void) | undefined, call: string): Promise<string> {
    const field = new JsonStringFieldStream('reply');
    return complete({
      model: this.options.model,
      messages,
      signal,
      cache: this.options.cache,
      meter: this.options.meter,
      modelId: this.options.modelId,
      call,
      onText: (text) => {
        const visible = field.push(text);
        if (visible !== '') onToken?.(visible);
      },
    });
  }

  /** Context blocks of the best articles' retrieved chunks, best first, until the token budget is spent. */
  private packContext(input: LlmComposeInput): { context: string; sources: Map<string, string[]> } {
    const blocks: string[] = [];
    const sources = new Map<string, string[]>();
    let used = 0;
    for (const article of input.articles) {
      if (article.handoff) continue;
      for (const { chunk } of article.chunks) {
        const block = `[${chunk.articleId}] ${chunkHeaderText({ ...chunk, tags: [] }).replace(/\n/g, ' › ')}\n${chunk.text}`;
        const tokens = this.options.tokenizer.count(block);
        if (used + tokens > this.options.contextTokens && blocks.length > 0) continue;
        blocks.push(block);
        used += tokens;
        sources.set(chunk.articleId, [...(sources.get(chunk.articleId) ?? []), chunk.text]);
      }
    }
    return { context: blocks.join('\n\n'), sources };
  }
}

type Parsed = { ok: true; value: z.infer<typeof llmAnswerSchema> } | { ok: false; problem: string };

/** Parses the model's JSON (tolerating a code fence) and checks citations against the context ids. */
export function parseAnswer(raw: string, allowedIds: ReadonlySet<string>): Parsed {
  const text = raw.trim().replace(/^```(?:json)?\s*/i, '').replace(/```\s*$/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  const result = llmAnswerSchema.safeParse(json);
  if (!result.success) return { ok: false, problem: result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
  const unknown = result.data.citations.filter((id) => !allowedIds.has(id));
  if (unknown.length > 0) return { ok: false, problem: `cites articles not in the context: ${unknown.join(', ')}` };
  return { ok: true, value: result.data };
}
