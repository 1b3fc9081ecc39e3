// Builds the LLM answer composer from configuration: ChatOpenAI against any OpenAI-compatible endpoint,
// prompt files from PROMPTS_DIR. Returns undefined when no model is configured (offline). Runtime: Node.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../core/config/config.ts';
import { usesLlm } from '../../core/config/config.ts';
import type { Logger } from '../../core/conversation/conversation-service.ts';
import { parsePromptFile } from '../../core/prompts/prompt-file.ts';
import { LlmComposer } from '../../core/reply/llm-composer.ts';
import { LlmJudge, type Judge } from '../../core/graders/llm-judge.ts';
import type { ModelCallCache } from '../../core/ports/model-cache.ts';
import type { UsageMeter } from '../../core/reply/usage-meter.ts';
import { LlmSummarizer, type Summarizer } from '../../core/handoff/llm-summarizer.ts';
import type { AnswerComposer } from '../../core/reply/reply-pipeline.ts';
import { TiktokenTokenizer } from '../tokenizer/tiktoken-tokenizer.ts';

export async function readPrompt(directory: string, name: string) {
  const path = join(directory, `${name}.md`);
  return parsePromptFile(path, await readFile(path, 'utf8'));
}

/** Names model, endpoint and temperature in cache keys. */
function modelIdOf(config: Config): string {
  return `${config.OPENAI_BASE_URL ?? 'openai'}:${config.OPENAI_MODEL ?? ''}:${config.OPENAI_TEMPERATURE}`;
}

async function chatModel(config: Config) {
  const { ChatOpenAI } = await import('@langchain/openai');
  return new ChatOpenAI({
    model: config.OPENAI_MODEL ?? '',
    apiKey: config.OPENAI_API_KEY ?? 'not-needed',
    temperature: config.OPENAI_TEMPERATURE,
    timeout: config.LLM_TIMEOUT_MS,
    maxRetries: 0,
    streaming: true,
    modelKwargs: { response_format: { type: 'json_object' } },
    configuration: config.OPENAI_BASE_URL === undefined ? {} : { baseURL: config.OPENAI_BASE_URL },
  });
}

/** The LLM handoff summarizer, or undefined when no model is configured (the extractive summary is used). */
export async function createSummarizer(config: Config, logger: Logger): Promise<Summarizer | undefined> {
  if (!usesLlm(config)) return undefined;
  return new LlmSummarizer({ model: await chatModel(config), prompt: await readPrompt(config.PROMPTS_DIR, 'handoff-summary'), timeoutMs: config.LLM_TIMEOUT_MS, logger });
}

/** The LLM judge for evals, or undefined when no model is configured. */
export async function createJudge(config: Config, extras: { cache?: ModelCallCache; meter?: UsageMeter } = {}): Promise<Judge | undefined> {
  if (!usesLlm(config)) return undefined;
  return new LlmJudge({
    model: await chatModel(config),
    prompt: await readPrompt(config.PROMPTS_DIR, 'judge'),
    timeoutMs: config.LLM_TIMEOUT_MS,
    cache: extras.cache,
    meter: extras.meter,
    modelId: modelIdOf(config),
  });
}

export async function createAnswerComposer(config: Config, logger: Logger, extras: { cache?: ModelCallCache; meter?: UsageMeter } = {}): Promise<AnswerComposer | undefined> {
  if (!usesLlm(config)) return undefined;
  const model = await chatModel(config);
  return new LlmComposer({
    model,
    system: await readPrompt(config.PROMPTS_DIR, 'answer-system'),
    user: await readPrompt(config.PROMPTS_DIR, 'answer-user'),
    tokenizer: new TiktokenTokenizer(),
    contextTokens: 1500,
    timeoutMs: config.LLM_TIMEOUT_MS,
    logger,
    cache: extras.cache,
    meter: extras.meter,
    modelId: modelIdOf(config),
  });
}
