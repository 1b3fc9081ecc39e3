// `firstline eval`: runs the eval suites through the real reply pipeline, grades every turn, compares with a
// baseline configuration (or runs a matrix of them), writes reports, and exits 0 when the gate passes, 1 when it
// fails, 2 when the run itself is invalid. Runtime: Node.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig, usesLlm } from '../../core/config/config.ts';
import { compareRuns } from '../../core/evals/compare.ts';
import { parseGroundingSet, type GroundingSet } from '../../core/evals/grounding-set.ts';
import { buildReport, type ReportInput } from '../../core/evals/report.ts';
import { parseSuite, type EvalSuite } from '../../core/evals/suite.ts';
import { FileModelCache } from '../../adapters/cache/file-model-cache.ts';
import { createJudge } from '../../adapters/llm/create-answer-composer.ts';
import { TiktokenTokenizer } from '../../adapters/tokenizer/tiktoken-tokenizer.ts';
import { UsageMeter } from '../../core/reply/usage-meter.ts';
import { runSide, sideConfig, type SideRun } from '../../platform/node/eval-run.ts';
import { matrixSides, readEvalConfig } from '../../platform/node/eval-matrix.ts';
import {
  baselineSide,
  differences,
  EVAL_CONFIG_FILE,
  EvalSetupError,
  readSettings,
  type EvalSide,
} from '../../platform/node/eval-sides.ts';
import { progressBar } from '../progress.ts';
import { UsageError } from '../usage-error.ts';
import { runMatrix } from './eval-matrix.ts';
import { describeSide, FORMATS, modelOf, writeReport } from './eval-output.ts';

async function loadSuites(path: string): Promise<EvalSuite[]> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) throw new UsageError(`--suite ${path} does not exist`);
  const files = info.isDirectory()
    ? (await readdir(path))
        .filter((name) => /\.ya?ml$/.test(name) && join(path, name) !== EVAL_CONFIG_FILE)
        .sort()
        .map((name) => join(path, name))
    : [path];
  return Promise.all(files.map(async (file) => parseSuite(file, await readFile(file, 'utf8'))));
}

/** Labelled grounding sets in `<suite folder>/grounding/`, when the suites come from a folder. */
async function loadGroundingSets(path: string): Promise<GroundingSet[]> {
  const folder = join(path, 'grounding');
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => /\.ya?ml$/.test(name)).sort();
  return Promise.all(
    names.map(async (name) => parseGroundingSet(join(folder, name), await readFile(join(folder, name), 'utf8'))),
  );
}

/** The gate's least judge scores: the flags, else the strictest any suite sets. */
function judgeThresholds(suites: readonly EvalSuite[], factuality: string | undefined, politeness: string | undefined) {
  const share = (flag: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const number = Number(value);
    if (!(number >= 0 && number <= 1)) throw new UsageError(`--${flag} must be a share from 0 to 1, got "${value}"`);
    return number;
  };
  const strictest = (pick: (suite: EvalSuite) => number | undefined) => {
    const values = suites.flatMap((suite) => (pick(suite) === undefined ? [] : [pick(suite) as number]));
    return values.length === 0 ? undefined : Math.max(...values);
  };
  return {
    factuality: share('judge-factuality', factuality) ?? strictest((suite) => suite.judge?.factuality),
    politeness: share('judge-politeness', politeness) ?? strictest((suite) => suite.judge?.politeness),
  };
}

/** Refuses a comparison that cannot tell anything, unless asked to run it anyway. */
async function checkComparison(
  env: Record<string, string | undefined>,
  baseline: EvalSide,
  candidate: EvalSide,
  allow: boolean,
) {
  const [baselineConfig, candidateConfig] = [sideConfig(env, baseline), sideConfig(env, candidate)];
  const compared = await differences(baseline, candidate, {
    baseline: modelOf(baselineConfig),
    candidate: modelOf(candidateConfig),
  });
  const onlyPrompts =
    compared.model === null &&
    compared.settings.length === 0 &&
    compared.files.every((file) => file.path.startsWith('prompts/'));
  const problem =
    compared.files.length === 0 && compared.settings.length === 0 && compared.model === null
      ? `nothing differs between the candidate and the baseline (${baseline.source}): the comparison would say nothing`
      : onlyPrompts && !usesLlm(candidateConfig) && !usesLlm(baselineConfig)
        ? `only prompts differ from the baseline (${baseline.source}) and no model is configured: the offline pipeline reads no prompts, so both runs would be the same`
        : undefined;
  if (problem !== undefined && !allow)
    throw new EvalSetupError(
      `${problem}. Configure a model (OPENAI_MODEL, OPENAI_BASE_URL), change something else, or pass --allow-identical`,
    );
  if (problem !== undefined) process.stderr.write(`warning: ${problem}\n`);
  return compared;
}

export async function evalCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      suite: { type: 'string', default: 'evals' },
      knowledge: { type: 'string' },
      prompts: { type: 'string' },
      baseline: { type: 'string' },
      config: { type: 'string' },
      repeat: { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '4' },
      format: { type: 'string', default: 'table,md,html,json,junit' },
      out: { type: 'string' },
      tolerance: { type: 'string', default: '0.02' },
      cache: { type: 'string', default: join('evals', '.cache') },
      'no-cache': { type: 'boolean', default: false },
      'no-judge': { type: 'boolean', default: false },
      'allow-identical': { type: 'boolean', default: false },
      'judge-factuality': { type: 'string' },
      'judge-politeness': { type: 'string' },
    },
    strict: true,
  });
  const repeat = Number(values.repeat);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20)
    throw new UsageError(`--repeat must be a whole number from 1 to 20, got "${values.repeat}"`);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new UsageError(`--concurrency must be a whole number from 1 to 64, got "${values.concurrency}"`);
  const formats = values.format.split(',').map((format) => format.trim());
  const unknown = formats.filter((format) => !(FORMATS as readonly string[]).includes(format));
  if (unknown.length > 0) throw new UsageError(`--format takes ${FORMATS.join(', ')}; unknown: ${unknown.join(', ')}`);

  const started = performance.now();
  const suites = await loadSuites(values.suite);
  const suiteFiles = Object.fromEntries(suites.map((suite) => [suite.suite, suite.file]));
  const groundingSets =
    (await stat(values.suite).catch(() => undefined))?.isDirectory() === true
      ? await loadGroundingSets(values.suite)
      : [];
  const configured = parseConfig(env);
  const evalConfig = values.config === undefined ? undefined : await readEvalConfig(values.config);
  const candidate: EvalSide = {
    label: 'candidate',
    source: 'working tree',
    knowledgeDir: values.knowledge ?? configured.KNOWLEDGE_DIR,
    promptsDir: values.prompts ?? configured.PROMPTS_DIR,
    settings: values.config === undefined ? await readSettings(EVAL_CONFIG_FILE) : await readSettings(values.config),
    cleanup: async () => undefined,
  };
  const createdAt = new Date().toISOString();
  const out = values.out ?? join('evals', 'results', createdAt.replace(/[:.]/g, '-'));
  const tokenizer = new TiktokenTokenizer();
  const sides: EvalSide[] = [];
  try {
    const candidateConfig = sideConfig(env, candidate);
    const meter = new UsageMeter(tokenizer, {
      input: candidateConfig.LLM_PRICE_INPUT_PER_1K,
      output: candidateConfig.LLM_PRICE_OUTPUT_PER_1K,
    });
    const cache = values['no-cache'] ? undefined : new FileModelCache(values.cache);
    // One judge, from the candidate's prompts, grades every run, so all sides are judged by the same rubric.
    const judge = values['no-judge'] ? undefined : await createJudge(candidateConfig, { cache, meter });
    const run = { repeat, concurrency, cache, meter, judge, groundingSets };
    const thresholds = judgeThresholds(suites, values['judge-factuality'], values['judge-politeness']);
    const report = (result: SideRun, side: EvalSide, extras: Partial<ReportInput>) =>
      buildReport({
        cases: result.cases,
        suites: suites.map((suite) => suite.suite),
        prompts: side.promptsDir,
        seconds: (performance.now() - started) / 1000,
        createdAt,
        checker: { candidate: result.checker },
        judgeThresholds: thresholds,
        thresholds: { answer: result.config.ANSWER_THRESHOLD, handoff: result.config.HANDOFF_THRESHOLD },
        configuration: { candidate: describeSide(side, result) },
        usage: meter.usage(),
        ...extras,
      });

    if (evalConfig?.matrix !== undefined) {
      sides.push(
        ...(await matrixSides(evalConfig, {
          promptsDir: candidate.promptsDir,
          knowledgeDir: candidate.knowledgeDir,
          model: configured.OPENAI_MODEL,
        })),
      );
      return await runMatrix(env, sides, suites, { out, formats, tolerance: Number(values.tolerance), run, report });
    }

    const baseline = values.baseline === undefined ? undefined : await baselineSide(values.baseline, candidate);
    if (baseline !== undefined) sides.push(baseline);
    const compared =
      baseline === undefined ? undefined : await checkComparison(env, baseline, candidate, values['allow-identical']);
    const current = await runSide(env, candidate, suites, { ...run, onProgress: progressBar('eval') });
    const previous =
      baseline === undefined
        ? undefined
        : await runSide(env, baseline, suites, { ...run, onProgress: progressBar('baseline') });
    const result = report(
      current,
      candidate,
      previous === undefined || baseline === undefined
        ? {}
        : {
            baseline: { prompts: baseline.source, cases: previous.cases },
            comparison: compareRuns(current.cases, previous.cases, Number(values.tolerance)),
            checker: { candidate: current.checker, baseline: previous.checker },
            configuration: {
              candidate: describeSide(candidate, current),
              baseline: describeSide(baseline, previous),
              differences: compared,
            },
          },
    );
    await writeReport(result, out, formats, suiteFiles);
    process.stdout.write(`reports: ${out}\n`);
    return result.gate.passed ? 0 : 1;
  } finally {
    tokenizer.free();
    for (const side of sides) await side.cleanup();
  }
}
