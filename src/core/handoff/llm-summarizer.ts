// The handoff summary written by an LLM from a prompt file, validated by zod and checked against the
// transcript: any statement the transcript does not support sends the extractive summary instead. Runtime: any.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { z } from 'zod';
import type { Logger } from '../ports/logger.ts';
import type { Summarizer } from '../ports/summarizer.ts';
import type { Message } from '../conversation/conversation.ts';
import type { PromptFile } from '../prompts/prompt-file.ts';
import type { TicketSummary } from '../queue/ticket.ts';
import { groundedness } from '../reply/groundedness.ts';
import { isCourtesy } from '../reply/courtesy.ts';
import type { Lang } from '../text/lang.ts';
import type { Emotion } from './emotion.ts';
import { extractiveSummary } from './summary.ts';
import { complete } from '../reply/model-completion.ts';
import type { ModelMetrics } from '../ports/model-metrics.ts';
import type { ModelCallCache } from '../ports/model-cache.ts';
import type { UsageMeter } from '../reply/usage-meter.ts';
import { keepText, type PiiRedactor } from '../text/pii.ts';

const summarySchema = z.object({
  problem: z.string().trim().min(1).max(600),
  botSaid: z.array(z.string().trim().min(1).max(600)).max(5).default([]),
  customerAnswered: z.array(z.string().trim().min(1).max(600)).max(5).default([]),
  openQuestions: z.array(z.string().trim().min(1).max(600)).max(5).default([]),
});

export class LlmSummarizer implements Summarizer {
  private readonly prompt: ChatPromptTemplate;

  constructor(
    private readonly options: {
      model: BaseChatModel;
      prompt: PromptFile;
      timeoutMs: number;
      logger: Pick<Logger, 'warn'>;
      metrics?: ModelMetrics | undefined;
      cache?: ModelCallCache | undefined;
      meter?: UsageMeter | undefined;
      modelId?: string | undefined;
      /** Applied to every message of the transcript before it is sent (REDACT_PII=on masks personal data). */
      redact?: PiiRedactor | undefined;
    },
  ) {
    this.prompt = ChatPromptTemplate.fromMessages([['human', options.prompt.template]]);
  }

  async summarize(
    transcript: readonly Message[],
    mood: Emotion,
    lang: Lang,
    requestId?: string,
  ): Promise<TicketSummary> {
    const fallback = extractiveSummary(transcript, mood);
    const redact = this.options.redact ?? keepText;
    // What the model is shown, and so what its statements are checked against.
    const shown = transcript.map((message) => redact(message.text));
    try {
      const messages = await this.prompt.formatMessages({
        lang_name: lang === 'ru' ? 'Russian' : 'English',
        transcript: transcript.map((message, index) => `${message.role}: ${shown[index] ?? ''}`).join('\n'),
      });
      const conversationId = transcript[0]?.conversationId;
      const raw = await complete({
        model: this.options.model,
        messages,
        signal: AbortSignal.timeout(this.options.timeoutMs),
        metrics: this.options.metrics,
        path: 'summary',
        cache: this.options.cache,
        meter: this.options.meter,
        modelId: this.options.modelId,
        call: `summary:${conversationId ?? ''}`,
        scope: conversationId,
      });
      const parsed = summarySchema.safeParse(
        JSON.parse(
          raw
            .trim()
            .replace(/^```(?:json)?\s*/i, '')
            .replace(/```\s*$/, ''),
        ),
      );
      if (!parsed.success) throw new Error(`summary rejected: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      const statements = [
        parsed.data.problem,
        ...parsed.data.botSaid,
        ...parsed.data.customerAnswered,
        ...parsed.data.openQuestions,
      ].join('\n');
      const check = groundedness(statements, shown, isCourtesy);
      if (check.sentences.some((sentence) => !sentence.supported))
        throw new Error('summary states something the transcript does not support');
      return { ...parsed.data, citedArticles: fallback.citedArticles, mood: fallback.mood, source: 'llm' };
    } catch (error) {
      this.options.logger.warn(
        { conversationId: transcript[0]?.conversationId, requestId, err: error },
        'LLM summary not used; extractive summary instead',
      );
      this.options.metrics?.fallback('extractive_summary');
      return fallback;
    }
  }
}
