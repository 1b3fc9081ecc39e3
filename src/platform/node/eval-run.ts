// Runs the eval suites for one side of a comparison: its own knowledge index when its knowledge is not the
// configured one, its prompts and settings, the shared cache and meter. Runtime: Node.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseConfig, type Config } from '../../core/config/config.ts';
import type { Judge } from '../../core/graders/llm-judge.ts';
import type { ModelCallCache } from '../../core/ports/model-cache.ts';
import { parsePromptFile } from '../../core/prompts/prompt-file.ts';
import type { UsageMeter } from '../../core/reply/usage-meter.ts';
import { runEval, type CaseResult } from '../../core/evals/run-eval.ts';
import type { EvalSuite } from '../../core/evals/suite.ts';
import { createEvalTarget } from './eval-target.ts';
import {
  checkGroundingSet,
  groundingMetrics,
  type GroundingMetrics,
  type GroundingSet,
} from '../../core/evals/grounding-set.ts';
import { documentsByArticle } from '../../core/verification/source-index.ts';
import type { EvalSide } from './eval-sides.ts';
import { openKnowledge } from './knowledge-service.ts';

export interface SideRun {
  readonly config: Config;
  readonly cases: readonly CaseResult[];
  /** The claim checker on each labelled grounding set, against this side's knowledge. */
  readonly checker: Readonly<Record<string, GroundingMetrics>>;
  /** Each prompt file's `version` from its front matter. */
  readonly promptVersions: Readonly<Record<string, string>>;
}

/** The side's configuration: the environment, then its eval settings, then its folders. */
export function sideConfig(env: Record<string, string | undefined>, side: EvalSide, indexDir?: string): Config {
  return parseConfig({
    ...env,
    ...side.settings,
    KNOWLEDGE_DIR: side.knowledgeDir,
    PROMPTS_DIR: side.promptsDir,
    ...(indexDir === undefined ? {} : { INDEX_DIR: indexDir }),
  });
}

export async function promptVersions(directory: string): Promise<Record<string, string>> {
  const versions: Record<string, string> = {};
  for (const name of (await readdir(directory).catch(() => [] as string[]))
    .filter((file) => file.endsWith('.md') && file.toLowerCase() !== 'readme.md')
    .sort()) {
    try {
      versions[name.slice(0, -3)] = parsePromptFile(name, await readFile(join(directory, name), 'utf8')).version;
    } catch {
      versions[name.slice(0, -3)] = 'invalid';
    }
  }
  return versions;
}

export async function runSide(
  env: Record<string, string | undefined>,
  side: EvalSide,
  suites: readonly EvalSuite[],
  options: {
    repeat: number;
    concurrency: number;
    cache?: ModelCallCache | undefined;
    meter: UsageMeter;
    judge?: Judge | undefined;
    groundingSets?: readonly GroundingSet[];
    onProgress?: (done: number, total: number) => void;
  },
): Promise<SideRun> {
  const configured = parseConfig(env);
  // A side with knowledge of its own gets an index of its own, built for this run and removed after it.
  const ownIndex =
    resolve(side.knowledgeDir) === resolve(configured.KNOWLEDGE_DIR)
      ? undefined
      : await mkdtemp(join(tmpdir(), 'firstline-eval-index-'));
  try {
    const config = sideConfig(env, side, ownIndex);
    const knowledge = await openKnowledge(config);
    const adversarial = suites.some((suite) => suite.cases.some((entry) => entry.attack !== undefined));
    const target = await createEvalTarget(config, knowledge, {
      cache: options.cache,
      meter: options.meter,
      judge: options.judge,
      adversarial,
    });
    try {
      const cases = await runEval(suites, target, {
        repeat: options.repeat,
        concurrency: options.concurrency,
        onProgress: options.onProgress,
      });
      const sources = documentsByArticle(knowledge.stored.index.chunks);
      const checker: Record<string, GroundingMetrics> = {};
      for (const split of new Set((options.groundingSets ?? []).map((set) => set.split))) {
        const labelled = (options.groundingSets ?? []).filter((set) => set.split === split).flatMap((set) => set.cases);
        checker[split] = groundingMetrics(checkGroundingSet(labelled, (id) => sources.get(id) ?? []));
      }
      return { config, cases, checker, promptVersions: await promptVersions(side.promptsDir) };
    } finally {
      await target.close();
    }
  } finally {
    if (ownIndex !== undefined) await rm(ownIndex, { recursive: true, force: true });
  }
}
