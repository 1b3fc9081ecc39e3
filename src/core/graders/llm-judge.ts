// The LLM-judge variant of the graders: the rubric lives in prompts/judge.md; the verdict is validated
// with zod. Used by evals when a model is configured, beside the deterministic graders. Runtime: any.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { z } from 'zod';
import type { PromptFile } from '../prompts/prompt-file.ts';
import type { Lang } from '../text/lang.ts';
import type { ModelCallCache } from '../ports/model-cache.ts';
import { complete } from '../reply/model-completion.ts';
import type { UsageMeter } from '../reply/usage-meter.ts';

const score = z.union([z.literal(0), z.literal(0.5), z.literal(1), z.null()]).optional();
const verdictSchema = z.object({
  politeness: z.object({
    greeting: score,
    acknowledgement: score,
    empathy: score,
    apology: score,
    respect: score,
    formalYou: score,
    structure: score,
    closing: score,
  }),
  factuality: z.coerce.number().min(0).max(1),
  unsupported: z.array(z.string()).default([]),
  reason: z.string().default(''),
});

export interface JudgeVerdict {
  readonly politeness: number;
  readonly criteria: Readonly<Record<string, number>>;
  readonly factuality: number;
  readonly unsupported: readonly string[];
  readonly reason: string;
}

export interface JudgeInput {
  readonly lang: Lang;
  readonly question: string;
  readonly reply: string;
  readonly firstReply: boolean;
  readonly sources: readonly string[];
}

export interface RubricInput {
  readonly lang: Lang;
  readonly question: string;
  readonly reply: string;
  /** A criterion in plain words ("offers to hand over to a person", «не обещает скидку»). */
  readonly criterion: string;
}

export interface Judge {
  judge(input: JudgeInput): Promise<JudgeVerdict | undefined>;
  /** Whether a reply meets a free-text criterion; undefined when the model fails. */
  rubric?(input: RubricInput): Promise<{ pass: boolean; reason: string } | undefined>;
}

const rubricSchema = z.object({ pass: z.boolean(), reason: z.string().default('') });

export class LlmJudge implements Judge {
  private readonly prompt: ChatPromptTemplate;

  private readonly rubricPrompt: ChatPromptTemplate | undefined;

  constructor(
    private readonly options: {
      model: BaseChatModel;
      prompt: PromptFile;
      rubricPrompt?: PromptFile | undefined;
      timeoutMs: number;
      cache?: ModelCallCache | undefined;
      meter?: UsageMeter | undefined;
      modelId?: string | undefined;
    },
  ) {
    this.prompt = ChatPromptTemplate.fromMessages([['human', options.prompt.template]]);
    this.rubricPrompt =
      options.rubricPrompt === undefined
        ? undefined
        : ChatPromptTemplate.fromMessages([['human', options.rubricPrompt.template]]);
  }

  async rubric(input: RubricInput): Promise<{ pass: boolean; reason: string } | undefined> {
    if (this.rubricPrompt === undefined) return undefined;
    try {
      const messages = await this.rubricPrompt.formatMessages({
        lang_name: input.lang === 'ru' ? 'Russian' : 'English',
        question: input.question,
        reply: input.reply,
        criterion: input.criterion,
      });
      const raw = await complete({
        model: this.options.model,
        messages,
        signal: AbortSignal.timeout(this.options.timeoutMs),
        cache: this.options.cache,
        meter: this.options.meter,
        modelId: this.options.modelId,
        call: 'rubric',
        path: 'judge',
      });
      return rubricSchema.parse(
        JSON.parse(
          raw
            .trim()
            .replace(/^```(?:json)?\s*/i, '')
            .replace(/```\s*$/, ''),
        ),
      );
    } catch {
      return undefined;
    }
  }

  /** The verdict, or undefined when the model fails or answers outside the schema. */
  async judge(input: JudgeInput): Promise<JudgeVerdict | undefined> {
    try {
      const messages = await this.prompt.formatMessages({
        lang_name: input.lang === 'ru' ? 'Russian' : 'English',
        question: input.question,
        reply: input.reply,
        first_reply: input.firstReply ? 'yes' : 'no',
        sources: input.sources.join('\n---\n') || '(none)',
      });
      const raw = await complete({
        model: this.options.model,
        messages,
        signal: AbortSignal.timeout(this.options.timeoutMs),
        cache: this.options.cache,
        meter: this.options.meter,
        modelId: this.options.modelId,
        call: 'judge',
        path: 'judge',
      });
      const verdict = verdictSchema.parse(
        JSON.parse(
          raw
            .trim()
            .replace(/^```(?:json)?\s*/i, '')
            .replace(/```\s*$/, ''),
        ),
      );
      const criteria: Record<string, number> = {};
      for (const [name, value] of Object.entries(verdict.politeness))
        if (typeof value === 'number') criteria[name] = value;
      const values = Object.values(criteria);
      return {
        politeness: values.length === 0 ? 1 : values.reduce((sum, value) => sum + value, 0) / values.length,
        criteria,
        factuality: verdict.factuality,
        unsupported: verdict.unsupported,
        reason: verdict.reason,
      };
    } catch {
      return undefined;
    }
  }
}
