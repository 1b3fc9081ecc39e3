// The LLM paths from configuration, for any runtime: ChatOpenAI against any OpenAI-compatible endpoint (JSON-schema
// output where the endpoint takes it, JSON mode otherwise), with the prompts and the token counter handed in (files
// and tiktoken on Node, the Worker's bundle and js-tiktoken on Workers). Each returns undefined when no model is
// configured (offline). Runtime: any (fetch-based client, loaded only when configured).
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Config } from '../../core/config/config.ts';
import { usesLlm } from '../../core/config/config.ts';
import type { Logger } from '../../core/ports/logger.ts';
import { parsePromptFile, type PromptFile } from '../../core/prompts/prompt-file.ts';
import { checkPrompt, PROMPT_SPECS } from '../../core/prompts/prompt-check.ts';
import { LLM_ANSWER_JSON_SCHEMA, LlmComposer, type LlmComposerOptions } from '../../core/reply/llm-composer.ts';
import { LlmJudge, type Judge } from '../../core/graders/llm-judge.ts';
import type { ModelCallCache } from '../../core/ports/model-cache.ts';
import type { ModelMetrics } from '../../core/ports/model-metrics.ts';
import type { Tokenizer } from '../../core/ports/tokenizer.ts';
import type { UsageMeter } from '../../core/reply/usage-meter.ts';
import { LlmSummarizer } from '../../core/handoff/llm-summarizer.ts';
import type { Summarizer } from '../../core/ports/summarizer.ts';
import type { AnswerComposer } from '../../core/ports/answer-composer.ts';
import { LlmSearchAssist, type SearchAssist } from '../../core/retrieval/search-assist.ts';
import { piiRedactor } from '../../core/text/pii.ts';

/** One prompt by name (`answer-system`…), parsed and checked against what the code gives it. */
export type PromptSource = (name: string) => Promise<PromptFile>;

/** A prompt file's text parsed and its template checked; `path` names it in error messages. */
export function checkedPrompt(path: string, name: string, text: string): PromptFile {
  const prompt = parsePromptFile(path, text);
  const spec = PROMPT_SPECS[name];
  if (spec !== undefined) checkPrompt(path, prompt, spec, prompt.bodyLine);
  return prompt;
}

/** What the customer's words go through on their way to a model: REDACT_PII=on masks personal data. */
const redactorOf = (config: Config) => piiRedactor(config.REDACT_PII === 'on');

/** Names model, endpoint and temperature in cache keys. */
function modelIdOf(config: Config): string {
  return `${config.OPENAI_BASE_URL ?? 'openai'}:${config.OPENAI_MODEL ?? ''}:${config.OPENAI_TEMPERATURE}`;
}

type ResponseFormat = 'json_schema' | 'json_object';

async function chatModel(config: Config, format: ResponseFormat = 'json_object'): Promise<BaseChatModel> {
  const { ChatOpenAI } = await import('@langchain/openai');
  const responseFormat =
    format === 'json_schema'
      ? { type: 'json_schema', json_schema: { name: 'support_answer', strict: true, schema: LLM_ANSWER_JSON_SCHEMA } }
      : { type: 'json_object' };
  return new ChatOpenAI({
    model: config.OPENAI_MODEL ?? '',
    apiKey: config.OPENAI_API_KEY ?? 'not-needed',
    temperature: config.OPENAI_TEMPERATURE,
    maxTokens: config.LLM_MAX_TOKENS,
    timeout: config.LLM_TIMEOUT_MS,
    maxRetries: 0,
    streaming: true,
    modelKwargs: { response_format: responseFormat },
    configuration: config.OPENAI_BASE_URL === undefined ? {} : { baseURL: config.OPENAI_BASE_URL },
  });
}

/** The LLM handoff summarizer, or undefined when no model is configured (the extractive summary is used). */
export async function summarizerOf(
  config: Config,
  logger: Logger,
  extras: {
    prompts: PromptSource;
    metrics?: ModelMetrics | undefined;
    cache?: ModelCallCache | undefined;
    meter?: UsageMeter | undefined;
  },
): Promise<Summarizer | undefined> {
  if (!usesLlm(config)) return undefined;
  return new LlmSummarizer({
    model: await chatModel(config),
    prompt: await extras.prompts('handoff-summary'),
    timeoutMs: config.LLM_TIMEOUT_MS,
    logger,
    ...extras,
    modelId: modelIdOf(config),
    redact: redactorOf(config),
  });
}

/** The judge's own model settings: `JUDGE_*`, each defaulting to the answering model's. */
export function judgeConfig(config: Config): Config {
  return {
    ...config,
    OPENAI_MODEL: config.JUDGE_MODEL ?? config.OPENAI_MODEL,
    OPENAI_BASE_URL: config.JUDGE_BASE_URL ?? config.OPENAI_BASE_URL,
    OPENAI_API_KEY: config.JUDGE_API_KEY ?? config.OPENAI_API_KEY,
  };
}

/** The LLM judge for evals (`JUDGE_MODEL` / `JUDGE_BASE_URL`, else the answering model), or undefined without a model. */
export async function judgeOf(
  answering: Config,
  extras: { prompts: PromptSource; cache?: ModelCallCache | undefined; meter?: UsageMeter | undefined },
): Promise<Judge | undefined> {
  const config = judgeConfig(answering);
  if (!usesLlm(config)) return undefined;
  return new LlmJudge({
    model: await chatModel(config),
    prompt: await extras.prompts('judge'),
    rubricPrompt: await extras.prompts('judge-rubric').catch(() => undefined),
    timeoutMs: config.LLM_TIMEOUT_MS,
    cache: extras.cache,
    meter: extras.meter,
    modelId: modelIdOf(config),
  });
}

export async function answerComposerOf(
  config: Config,
  logger: Logger,
  extras: {
    prompts: PromptSource;
    tokenizer: Tokenizer;
    cache?: ModelCallCache | undefined;
    meter?: UsageMeter | undefined;
    metrics?: ModelMetrics | undefined;
    checker?: LlmComposerOptions['checker'];
  },
): Promise<AnswerComposer | undefined> {
  if (!usesLlm(config)) return undefined;
  const formats: ResponseFormat[] =
    config.LLM_RESPONSE_FORMAT === 'auto' ? ['json_schema', 'json_object'] : [config.LLM_RESPONSE_FORMAT];
  return new LlmComposer({
    models: await Promise.all(formats.map((format) => chatModel(config, format))),
    system: await extras.prompts('answer-system'),
    user: await extras.prompts('answer-user'),
    tokenizer: extras.tokenizer,
    contextTokens: 1500,
    historyTokens: config.LLM_HISTORY_TOKENS,
    timeoutMs: config.LLM_TIMEOUT_MS,
    logger,
    cache: extras.cache,
    meter: extras.meter,
    metrics: extras.metrics,
    checker: extras.checker,
    modelId: modelIdOf(config),
    redact: redactorOf(config),
  });
}

/** The model's help with retrieval (follow-up rewriting, reranking), or undefined without a model or with both off. */
export async function searchAssistOf(
  config: Config,
  extras: {
    prompts: PromptSource;
    cache?: ModelCallCache | undefined;
    meter?: UsageMeter | undefined;
    metrics?: ModelMetrics | undefined;
  },
): Promise<SearchAssist | undefined> {
  if (!usesLlm(config) || (config.SEARCH_REWRITE === 'off' && config.SEARCH_RERANK === 'off')) return undefined;
  return new LlmSearchAssist({
    model: await chatModel(config),
    rewritePrompt: await extras.prompts('search-rewrite'),
    rerankPrompt: await extras.prompts('search-rerank'),
    timeoutMs: config.SEARCH_TIMEOUT_MS,
    cache: extras.cache,
    meter: extras.meter,
    metrics: extras.metrics,
    modelId: modelIdOf(config),
    redact: redactorOf(config),
  });
}
