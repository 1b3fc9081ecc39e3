// LLM help for retrieval, when a model is configured: a follow-up rewritten into a standalone search query
// from the conversation ("and if I changed my number?" → "login code not received after changing phone
// number"), and the top candidates reranked by the model. Both run within a deadline and fall back to the
// offline search on any failure; a customer never waits on them past it. Runtime: any.
import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { z } from 'zod';
import type { Message } from '../conversation/conversation.ts';
import type { ModelCallCache } from '../ports/model-cache.ts';
import type { ModelMetrics } from '../ports/model-metrics.ts';
import type { PromptFile } from '../prompts/prompt-file.ts';
import { complete } from '../reply/model-completion.ts';
import { fenceUntrusted } from '../reply/prompt-inputs.ts';
import type { UsageMeter } from '../reply/usage-meter.ts';
import { keepText, type PiiRedactor } from '../text/pii.ts';
import type { ScoredArticle } from './hybrid-retriever.ts';

/** The retrieval helper the reply pipeline uses; undefined when no model is configured. */
export interface SearchAssist {
  /** A standalone search query for a follow-up, or undefined to search with the message as it is. */
  rewrite(message: string, history: readonly Message[]): Promise<string | undefined>;
  /** The candidates' ids, most relevant first, or undefined to keep the offline order. */
  rerank(query: string, candidates: readonly ScoredArticle[]): Promise<readonly string[] | undefined>;
}

export interface LlmSearchAssistOptions {
  readonly model: BaseChatModel;
  readonly rewritePrompt: PromptFile;
  readonly rerankPrompt: PromptFile;
  /** Deadline of each call; past it the offline search stands. */
  readonly timeoutMs: number;
  /** How many candidates the model reorders. */
  readonly candidates?: number | undefined;
  readonly cache?: ModelCallCache | undefined;
  readonly meter?: UsageMeter | undefined;
  readonly metrics?: ModelMetrics | undefined;
  readonly modelId?: string | undefined;
  /** Applied to the customer's words (conversation, message, query) before they are sent (REDACT_PII=on). */
  readonly redact?: PiiRedactor | undefined;
}

const rewriteSchema = z.object({ query: z.string().trim().min(2).max(300) });
const rerankSchema = z.object({ ranking: z.array(z.string()).min(1) });

/** The first JSON object in a completion (models sometimes wrap it in prose or a code fence). */
function jsonOf(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1 || end <= start) return undefined;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
}

export class LlmSearchAssist implements SearchAssist {
  private readonly rewriteTemplate: ChatPromptTemplate;
  private readonly rerankTemplate: ChatPromptTemplate;

  constructor(private readonly options: LlmSearchAssistOptions) {
    this.rewriteTemplate = ChatPromptTemplate.fromMessages([['human', options.rewritePrompt.template]]);
    this.rerankTemplate = ChatPromptTemplate.fromMessages([['human', options.rerankPrompt.template]]);
  }

  async rewrite(message: string, history: readonly Message[]): Promise<string | undefined> {
    const earlier = history.filter((entry) => entry.role === 'customer' || entry.role === 'bot').slice(-6);
    if (!earlier.some((entry) => entry.role === 'customer')) return undefined;
    const redact = this.options.redact ?? keepText;
    const conversation = earlier
      .map(
        (entry) =>
          `${entry.role === 'customer' ? 'Customer' : 'Assistant'}: ${fenceUntrusted(redact(entry.text.slice(0, 400)))}`,
      )
      .join('\n');
    const shown = redact(message);
    const messages = await this.rewriteTemplate.formatMessages({ conversation, message: fenceUntrusted(shown) });
    const parsed = rewriteSchema.safeParse(jsonOf(await this.call(messages, `rewrite:${shown}`)));
    return parsed.success ? parsed.data.query : undefined;
  }

  async rerank(query: string, candidates: readonly ScoredArticle[]): Promise<readonly string[] | undefined> {
    const shown = candidates.slice(0, this.options.candidates ?? 5);
    if (shown.length < 2) return undefined;
    const list = shown
      .map(
        (article) => `[${article.articleId}] ${article.title}\n${(article.chunks[0]?.chunk.text ?? '').slice(0, 300)}`,
      )
      .join('\n\n');
    const shownQuery = (this.options.redact ?? keepText)(query);
    const messages = await this.rerankTemplate.formatMessages({
      question: fenceUntrusted(shownQuery),
      candidates: list,
    });
    const parsed = rerankSchema.safeParse(jsonOf(await this.call(messages, `rerank:${shownQuery}`)));
    if (!parsed.success) return undefined;
    const known = new Set(shown.map((article) => article.articleId));
    const ranking = parsed.data.ranking.filter((id, index, all) => known.has(id) && all.indexOf(id) === index);
    return ranking.length === 0 ? undefined : ranking;
  }

  /** One completion within the deadline; '' on any failure (the callers then keep the offline search). */
  private async call(
    messages: Awaited<ReturnType<ChatPromptTemplate['formatMessages']>>,
    call: string,
  ): Promise<string> {
    try {
      return await complete({
        model: this.options.model,
        messages,
        signal: AbortSignal.timeout(this.options.timeoutMs),
        cache: this.options.cache,
        meter: this.options.meter,
        metrics: this.options.metrics,
        path: 'search',
        modelId: this.options.modelId,
        call,
      });
    } catch {
      return '';
    }
  }
}

/** The articles in the model's order; those it left out keep their place after the ones it ranked. */
export function reorder(articles: readonly ScoredArticle[], ranking: readonly string[]): ScoredArticle[] {
  const byId = new Map(articles.map((article) => [article.articleId, article]));
  const first = ranking.map((id) => byId.get(id)).filter((article): article is ScoredArticle => article !== undefined);
  return [...first, ...articles.filter((article) => !ranking.includes(article.articleId))];
}
