// The LLM answer path: prompt files rendered with LangChain templates, the customer's text fenced as untrusted
// data, context and history packed to token budgets, the answer streamed and verified sentence by sentence
// against the articles it cites before any of it reaches the customer. Runtime: any.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { z } from 'zod';
import type { Logger } from '../ports/logger.ts';
import { chunkHeaderText } from '../knowledge/chunk.ts';
import type { Tokenizer } from '../ports/tokenizer.ts';
import type { PromptFile } from '../prompts/prompt-file.ts';
import type { ModelCallCache } from '../ports/model-cache.ts';
import type { ModelMetrics } from '../ports/model-metrics.ts';
import { documentOfChunk, type SourceDocument } from '../verification/source-index.ts';
import {
  ClaimVerifier,
  scoreOf,
  unsupportedClaims,
  type SentenceChecker,
  type VerifierOptions,
} from '../verification/verify.ts';
import type { UsageMeter } from './usage-meter.ts';
import { complete } from './model-completion.ts';
import { ModelAnswerStream } from './model-answer-stream.ts';
import { isRateLimited, rejectsResponseFormat, retryAfterMs } from './model-errors.ts';
import { fenceUntrusted, historyWithin } from './prompt-inputs.ts';
import { keepText, type PiiRedactor } from '../text/pii.ts';
import type { AnswerComposer, LlmComposeInput, LlmComposition } from '../ports/answer-composer.ts';
import { VerifiedStream } from './verified-stream.ts';

export const llmAnswerSchema = z.object({
  reply: z.string().trim().min(1).max(6000),
  citations: z.array(z.string()).default([]),
  confidence: z.coerce.number().min(0).max(1),
  needsHuman: z.boolean().default(false),
  reason: z.string().optional(),
});

/** The answer object as a JSON schema, keys in the order the model should write them (citations before reply). */
export const LLM_ANSWER_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['citations', 'needsHuman', 'reason', 'confidence', 'reply'],
  properties: {
    citations: { type: 'array', items: { type: 'string' } },
    needsHuman: { type: 'boolean' },
    reason: { type: 'string' },
    confidence: { type: 'number' },
    reply: { type: 'string' },
  },
} as const;

export interface LlmComposerOptions {
  /** Chat models in order of preference: JSON-schema output first, plain JSON mode for endpoints that reject it. */
  readonly models: readonly BaseChatModel[];
  readonly system: PromptFile;
  readonly user: PromptFile;
  readonly tokenizer: Tokenizer;
  /** Token budget for the context block. */
  readonly contextTokens: number;
  /** Token budget for the conversation history (the newest messages are kept). */
  readonly historyTokens: number;
  /** Deadline for the whole answer, retries and Retry-After waits included. */
  readonly timeoutMs: number;
  readonly logger: Pick<Logger, 'warn'>;
  /** Replays completions for identical calls (evals); production leaves it unset. */
  readonly cache?: ModelCallCache | undefined;
  readonly meter?: UsageMeter | undefined;
  readonly metrics?: ModelMetrics | undefined;
  /** Identifies the model in cache keys. */
  readonly modelId?: string | undefined;
  readonly sleep?: ((ms: number, signal: AbortSignal) => Promise<void>) | undefined;
  /** Builds the sentence checker for a reply's sources; the claim verifier unless a benchmark swaps it. */
  readonly checker?: ((sources: readonly SourceDocument[], options: VerifierOptions) => SentenceChecker) | undefined;
  /**
   * Applied to the customer's side of the prompt (name, history, question) before it is sent: masks personal
   * data with REDACT_PII=on. The articles are sent as they are, so the claim check still compares like with like.
   */
  readonly redact?: PiiRedactor | undefined;
}

const LANG_NAMES = { ru: 'Russian', en: 'English' } as const;
/** A Retry-After wait is taken only if the answer can still arrive this long before the deadline. */
const RETRY_HEADROOM_MS = 1000;

const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      },
      { once: true },
    );
  });

export class LlmComposer implements AnswerComposer {
  private readonly prompt: ChatPromptTemplate;
  private model = 0;

  constructor(private readonly options: LlmComposerOptions) {
    if (options.models.length === 0) throw new Error('LlmComposer needs at least one chat model');
    this.prompt = ChatPromptTemplate.fromMessages([
      ['system', options.system.template],
      ['human', options.user.template],
    ]);
  }

  async compose(input: LlmComposeInput): Promise<LlmComposition> {
    const { context, sources } = this.packContext(input);
    const redact = this.options.redact ?? keepText;
    const history = input.history.map((message) => ({ ...message, text: redact(message.text) }));
    const messages = await this.prompt.formatMessages({
      lang_name: LANG_NAMES[input.lang],
      greeting_rule: input.firstReply
        ? 'This is your first reply in the conversation: greet the customer first.'
        : 'You already greeted the customer earlier: do not greet again.',
      customer_name: input.customerName === undefined ? 'not given' : fenceUntrusted(redact(input.customerName)),
      context,
      history: historyWithin(history, this.options.tokenizer, this.options.historyTokens) || '(none)',
      question: fenceUntrusted(redact(input.question)),
      not_covered:
        input.absent === undefined || input.absent.length === 0
          ? '(nothing)'
          : fenceUntrusted(redact(input.absent.join(', '))),
    });
    const started = Date.now();
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    const log = { conversationId: input.conversationId, requestId: input.requestId };
    const verifierOptions = {
      customerText: [
        input.question,
        ...input.history.filter((message) => message.role === 'customer').map((message) => message.text),
      ].join('\n'),
      secretTexts: [this.options.system.template, this.options.user.template],
    };
    const checker = this.options.checker ?? ((documents, settings) => ClaimVerifier.of(documents, settings));
    const verifierFor = (ids: readonly string[]) =>
      checker(
        ids.length === 0 ? [...sources.values()].flat() : ids.flatMap((id) => sources.get(id) ?? []),
        verifierOptions,
      );
    let attempt = 0;
    let lastProblem: LlmFailure = 'error';
    let shown = '';
    while (attempt < 2) {
      attempt += 1;
      const answer = new ModelAnswerStream();
      const stream = new VerifiedStream((text) => {
        shown += text;
        input.onToken?.(text);
      });
      const stop = new AbortController();
      const signal = AbortSignal.any([deadline, stop.signal]);
      let raw: string;
      try {
        raw = await this.complete(
          messages,
          signal,
          `${input.conversationId ?? ''}#${attempt}`,
          input.conversationId,
          () => stop.signal.aborted,
          (text) => {
            stream.push(answer.push(text));
            if (answer.needsHuman === true) stop.abort();
            else if (
              !stream.opened &&
              answer.needsHuman === false &&
              answer.citations !== undefined &&
              answer.citations.every((id) => sources.has(id))
            )
              stream.open(verifierFor(answer.citations));
          },
        );
      } catch (error) {
        if (answer.needsHuman === true)
          return { kind: 'needs-human', selfAssessment: 0, reason: 'the model asked for a person' };
        if (rejectsResponseFormat(error) && this.model < this.options.models.length - 1) {
          this.model += 1;
          this.options.metrics?.fallback('json_object_format');
          this.options.logger.warn(
            { ...log, err: error },
            'the endpoint rejects JSON-schema output; using JSON mode from now on',
          );
          attempt -= 1;
          continue;
        }
        lastProblem = deadline.aborted ? 'timeout' : isRateLimited(error) ? 'rate_limited' : 'error';
        if (stream.emitted !== '' || deadline.aborted) break;
        const wait = isRateLimited(error) ? retryAfterMs(error) : 0;
        if (
          wait !== undefined &&
          wait > 0 &&
          Date.now() - started + wait + RETRY_HEADROOM_MS > this.options.timeoutMs
        ) {
          this.options.logger.warn(
            { ...log, attempt, retryAfterMs: wait },
            'model rate-limited; Retry-After does not fit before the deadline, answering offline',
          );
          break;
        }
        this.options.logger.warn({ ...log, attempt, err: error, retryAfterMs: wait }, 'model call failed');
        if (wait !== undefined && wait > 0)
          await (this.options.sleep ?? abortableSleep)(wait, deadline).catch(() => undefined);
        if (deadline.aborted) break;
        continue;
      }
      const parsed = parseAnswer(raw, new Set(sources.keys()));
      if (!parsed.ok) {
        this.options.logger.warn({ ...log, attempt, problem: parsed.problem }, 'model output rejected');
        lastProblem = 'invalid';
        if (stream.emitted !== '') break;
        continue;
      }
      if (parsed.value.needsHuman)
        return { kind: 'needs-human', selfAssessment: parsed.value.confidence, reason: parsed.value.reason ?? '' };
      if (!stream.opened) {
        stream.open(verifierFor(parsed.value.citations));
        stream.push('');
      }
      stream.finish();
      const outcome = stream.outcome();
      const unsupported = unsupportedClaims(stream.verdicts);
      const verification = { outcome, score: scoreOf(stream.verdicts), unsupported, modelReply: parsed.value.reply };
      if (unsupported.length > 0)
        this.options.logger.warn(
          { ...log, outcome, unsupported },
          outcome === 'replaced'
            ? 'model reply makes claims its articles do not support; the offline answer replaces it'
            : 'model reply repaired: sentences with unsupported claims dropped',
        );
      if (outcome === 'replaced' || !stream.answered) {
        this.options.metrics?.reply('replaced', 'unsupported_claim');
        this.options.metrics?.fallback('offline_answer');
        return {
          kind: 'fallback',
          reason: 'unsupported',
          emitted: stream.emitted,
          verification: { ...verification, outcome: 'replaced' },
        };
      }
      this.options.metrics?.reply(outcome, outcome === 'repaired' ? 'unsupported_claim' : 'none');
      const citations = parsed.value.citations.length > 0 ? parsed.value.citations : [...sources.keys()];
      return { kind: 'answer', text: stream.emitted, citations, selfAssessment: parsed.value.confidence, verification };
    }
    this.options.metrics?.reply('replaced', lastProblem);
    this.options.metrics?.fallback('offline_answer');
    return {
      kind: 'fallback',
      reason: lastProblem,
      emitted: shown,
      verification: { outcome: 'replaced', score: 0, unsupported: [] },
    };
  }

  /** A completion (from the cache when this exact call was made before), text passed on as it arrives. */
  private complete(
    messages: Awaited<ReturnType<ChatPromptTemplate['formatMessages']>>,
    signal: AbortSignal,
    call: string,
    scope: string | undefined,
    stopped: () => boolean,
    onText: (text: string) => void,
  ): Promise<string> {
    return complete({
      model: this.options.models[this.model] ?? (this.options.models[0] as BaseChatModel),
      messages,
      signal,
      cache: this.options.cache,
      meter: this.options.meter,
      metrics: this.options.metrics,
      path: 'answer',
      modelId: this.options.modelId,
      call,
      scope,
      onText,
      stoppedOnPurpose: stopped,
    });
  }

  /** Context blocks of the best articles' retrieved chunks, best first, until the token budget is spent. */
  private packContext(input: LlmComposeInput): { context: string; sources: Map<string, SourceDocument[]> } {
    const blocks: string[] = [];
    const sources = new Map<string, SourceDocument[]>();
    let used = 0;
    for (const article of input.articles) {
      if (article.handoff) continue;
      for (const { chunk } of article.chunks) {
        const link = chunk.url !== undefined && !sources.has(chunk.articleId) ? ` (${chunk.url})` : '';
        const block = `[${chunk.articleId}]${link} ${chunkHeaderText({ ...chunk, tags: [] }).replace(/\n/g, ' › ')}\n${chunk.text}`;
        const tokens = this.options.tokenizer.count(block);
        if (used + tokens > this.options.contextTokens && blocks.length > 0) continue;
        blocks.push(block);
        used += tokens;
        const known = sources.get(chunk.articleId) ?? [];
        sources.set(chunk.articleId, [
          ...(known.length === 0 && chunk.url !== undefined
            ? [{ text: chunk.url, heading: chunk.title, articleId: chunk.articleId }]
            : []),
          ...known,
          documentOfChunk(chunk),
        ]);
      }
    }
    return { context: blocks.join('\n\n'), sources };
  }
}

export type LlmFailure = 'timeout' | 'rate_limited' | 'error' | 'invalid';

type Parsed = { ok: true; value: z.infer<typeof llmAnswerSchema> } | { ok: false; problem: string };

/** Parses the model's JSON (tolerating a code fence) and checks citations against the context ids. */
export function parseAnswer(raw: string, allowedIds: ReadonlySet<string>): Parsed {
  const text = raw
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/```\s*$/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  const result = llmAnswerSchema.safeParse(json);
  if (!result.success)
    return {
      ok: false,
      problem: result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    };
  const unknown = result.data.citations.filter((id) => !allowedIds.has(id));
  if (unknown.length > 0) return { ok: false, problem: `cites articles not in the context: ${unknown.join(', ')}` };
  return { ok: true, value: result.data };
}
