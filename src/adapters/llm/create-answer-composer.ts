// The LLM paths on Node: `llm-paths.ts` with the prompt files of PROMPTS_DIR (checked before use) and tiktoken.
// Each returns undefined when no model is configured (offline). Runtime: Node.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../core/config/config.ts';
import type { Logger } from '../../core/ports/logger.ts';
import { PromptError, type PromptFile } from '../../core/prompts/prompt-file.ts';
import { PROMPT_SPECS } from '../../core/prompts/prompt-check.ts';
import type { ModelCallCache } from '../../core/ports/model-cache.ts';
import type { UsageMeter } from '../../core/reply/usage-meter.ts';
import { TiktokenTokenizer } from '../tokenizer/tiktoken-tokenizer.ts';
import {
  answerComposerOf,
  checkedPrompt,
  judgeOf,
  searchAssistOf,
  summarizerOf,
  type PromptSource,
} from './llm-paths.ts';

export { judgeConfig } from './llm-paths.ts';

/** Reads one prompt file and checks its template against what the code gives it. */
export async function readPrompt(directory: string, name: string): Promise<PromptFile> {
  const path = join(directory, `${name}.md`);
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new PromptError(`${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  });
  return checkedPrompt(path, name, text);
}

/**
 * Checks every prompt file of the directory (the service's own, and any other `*.md` but README), so a broken
 * one stops the service at start rather than at the first customer message. Throws {@link PromptError} with
 * every problem, `file:line: what is wrong`. Returns the names checked.
 */
export async function checkPrompts(directory: string): Promise<string[]> {
  const names = (await readdir(directory).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .map((name) => name.slice(0, -3));
  const problems: string[] = [];
  for (const name of new Set([...Object.keys(PROMPT_SPECS), ...names])) {
    try {
      await readPrompt(directory, name);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (problems.length > 0) throw new PromptError(problems.join('\n'));
  return names;
}

/** The prompt files of a directory as the LLM paths read them. */
export const promptFiles =
  (directory: string): PromptSource =>
  (name) =>
    readPrompt(directory, name);

type Extras<F extends (...args: never[]) => unknown> = Omit<NonNullable<Parameters<F>[2]>, 'prompts' | 'tokenizer'>;

/** The LLM handoff summarizer, or undefined when no model is configured (the extractive summary is used). */
export function createSummarizer(config: Config, logger: Logger, extras: Extras<typeof summarizerOf> = {}) {
  return summarizerOf(config, logger, { ...extras, prompts: promptFiles(config.PROMPTS_DIR) });
}

/** The LLM judge for evals (`JUDGE_MODEL` / `JUDGE_BASE_URL`, else the answering model), or undefined without a model. */
export function createJudge(answering: Config, extras: { cache?: ModelCallCache; meter?: UsageMeter } = {}) {
  return judgeOf(answering, { ...extras, prompts: promptFiles(answering.PROMPTS_DIR) });
}

export function createAnswerComposer(config: Config, logger: Logger, extras: Extras<typeof answerComposerOf> = {}) {
  return answerComposerOf(config, logger, {
    ...extras,
    prompts: promptFiles(config.PROMPTS_DIR),
    tokenizer: new TiktokenTokenizer(),
  });
}

/** The model's help with retrieval (follow-up rewriting, reranking), or undefined without a model or with both off. */
export function createSearchAssist(config: Config, extras: Omit<Parameters<typeof searchAssistOf>[1], 'prompts'> = {}) {
  return searchAssistOf(config, { ...extras, prompts: promptFiles(config.PROMPTS_DIR) });
}
