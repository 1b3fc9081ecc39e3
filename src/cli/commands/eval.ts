// `firstline eval`: runs the eval suites through the real reply pipeline, grades every turn, compares with
// a baseline prompts version, writes reports, and exits 1 when a must-pass case fails or a metric regresses. Runtime: Node.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig, usesLlm, type Config } from '../../core/config/config.ts';
import { compareRuns } from '../../core/evals/compare.ts';
import { buildReport } from '../../core/evals/report.ts';
import { toHtml } from '../../core/evals/writers/html.ts';
import { toJunit } from '../../core/evals/writers/junit.ts';
import { toMarkdown } from '../../core/evals/writers/markdown.ts';
import { toTable } from '../../core/evals/writers/table.ts';
import { toGithub } from '../../core/evals/writers/github.ts';
import { parseSuite, type EvalSuite } from '../../core/evals/suite.ts';
import { parseGroundingSet, type GroundingSet } from '../../core/evals/grounding-set.ts';
import { baselineSide, differences, EVAL_CONFIG_FILE, EvalSetupError, readSettings, type EvalSide } from '../../runtime/node/eval-sides.ts';
import { runSide, sideConfig } from '../../runtime/node/eval-run.ts';
import { FileModelCache } from '../../adapters/cache/file-model-cache.ts';
import { createJudge } from '../../adapters/llm/create-answer-composer.ts';
import { TiktokenTokenizer } from '../../adapters/tokenizer/tiktoken-tokenizer.ts';
import { UsageMeter } from '../../core/reply/usage-meter.ts';
import { progressBar } from '../progress.ts';
import { UsageError } from '../usage-error.ts';

const FORMATS = ['table', 'md', 'html', 'json', 'junit', 'github'] as const;

async function loadSuites(path: string): Promise<EvalSuite[]> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) throw new UsageError(`--suite ${path} does not exist`);
  const files = info.isDirectory() ? (await readdir(path)).filter((name) => /\.ya?ml$/.test(name) && join(path, name) !== EVAL_CONFIG_FILE).sort().map((name) => join(path, name)) : [path];
  return Promise.all(files.map(async (file) => parseSuite(file, await readFile(file, 'utf8'))));
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

/** Labelled grounding sets in `<suite folder>/grounding/`, when the suites come from a folder. */
async function loadGroundingSets(path: string): Promise<GroundingSet[]> {
  const folder = join(path, 'grounding');
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => /\.ya?ml$/.test(name)).sort();
  return Promise.all(names.map(async (name) => parseGroundingSet(join(folder, name), await readFile(join(folder, name), 'utf8'))));
}

/** The model a configuration answers with, as the report names it. */
export const modelOf = (config: Config) => (usesLlm(config) ? `${config.OPENAI_MODEL ?? ''} at ${config.OPENAI_BASE_URL ?? 'api.openai.com'}` : 'none (offline)');

export async function evalCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      suite: { type: 'string', default: 'evals' },
      knowledge: { type: 'string' },
      prompts: { type: 'string' },
      baseline: { type: 'string' },
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
  let report: ReturnType<typeof buildReport>;
  const repeat = Number(values.repeat);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) throw new UsageError(`--repeat must be a whole number from 1 to 20, got "${values.repeat}"`);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64, got "${values.concurrency}"`);
  const formats = values.format.split(',').map((format) => format.trim());
  const unknown = formats.filter((format) => !(FORMATS as readonly string[]).includes(format));
  if (unknown.length > 0) throw new UsageError(`--format takes ${FORMATS.join(', ')}; unknown: ${unknown.join(', ')}`);

  const started = performance.now();
  const suites = await loadSuites(values.suite);
  const groundingSets = (await stat(values.suite).catch(() => undefined))?.isDirectory() === true ? await loadGroundingSets(values.suite) : [];
  const configured = parseConfig(env);
  const candidate: EvalSide = {
    label: 'candidate',
    source: 'working tree',
    knowledgeDir: values.knowledge ?? configured.KNOWLEDGE_DIR,
    promptsDir: values.prompts ?? configured.PROMPTS_DIR,
    settings: await readSettings(EVAL_CONFIG_FILE),
    cleanup: async () => undefined,
  };
  const baseline = values.baseline === undefined ? undefined : await baselineSide(values.baseline, candidate);
  const tokenizer = new TiktokenTokenizer();
  try {
    const candidateConfig = sideConfig(env, candidate);
    let compared: Awaited<ReturnType<typeof differences>> | undefined;
    if (baseline !== undefined) {
      const baselineConfig = sideConfig(env, baseline);
      compared = await differences(baseline, candidate, { baseline: modelOf(baselineConfig), candidate: modelOf(candidateConfig) });
      const onlyPrompts = compared.model === null && compared.settings.length === 0 && compared.files.every((file) => file.path.startsWith('prompts/'));
      const problem =
        compared.files.length === 0 && compared.settings.length === 0 && compared.model === null
          ? `nothing differs between the candidate and the baseline (${baseline.source}): the comparison would say nothing`
          : onlyPrompts && !usesLlm(candidateConfig) && !usesLlm(baselineConfig)
            ? `only prompts differ from the baseline (${baseline.source}) and no model is configured: the offline pipeline reads no prompts, so both runs would be the same`
            : undefined;
      if (problem !== undefined && !values['allow-identical']) throw new EvalSetupError(`${problem}. Configure a model (OPENAI_MODEL, OPENAI_BASE_URL), change something else, or pass --allow-identical`);
      if (problem !== undefined) process.stderr.write(`warning: ${problem}\n`);
    }
    const meter = new UsageMeter(tokenizer, { input: candidateConfig.LLM_PRICE_INPUT_PER_1K, output: candidateConfig.LLM_PRICE_OUTPUT_PER_1K });
    const cache = values['no-cache'] ? undefined : new FileModelCache(values.cache);
    // One judge, from the candidate's prompts, grades both runs, so a baseline is judged by the same rubric.
    const judge = values['no-judge'] ? undefined : await createJudge(candidateConfig, { cache, meter });
    const options = { repeat, concurrency, cache, meter, judge, groundingSets };
    const current = await runSide(env, candidate, suites, { ...options, onProgress: progressBar('eval') });
    const previous = baseline === undefined ? undefined : await runSide(env, baseline, suites, { ...options, onProgress: progressBar('baseline') });
    const describe = (side: EvalSide, run: typeof current) => ({ source: side.source, knowledge: side.knowledgeDir, prompts: side.promptsDir, settings: side.settings, model: modelOf(run.config), promptVersions: run.promptVersions });
    report = buildReport({
      cases: current.cases,
      suites: suites.map((suite) => suite.suite),
      prompts: candidate.promptsDir,
      seconds: (performance.now() - started) / 1000,
      createdAt: new Date().toISOString(),
      baseline: previous === undefined || baseline === undefined ? undefined : { prompts: baseline.source, cases: previous.cases },
      comparison: previous === undefined ? undefined : compareRuns(current.cases, previous.cases, Number(values.tolerance)),
      checker: { candidate: current.checker, ...(previous === undefined ? {} : { baseline: previous.checker }) },
      judgeThresholds: judgeThresholds(suites, values['judge-factuality'], values['judge-politeness']),
      configuration: { candidate: describe(candidate, current), ...(previous === undefined || baseline === undefined ? {} : { baseline: describe(baseline, previous), differences: compared }) },
      usage: meter.usage(),
    });
  } finally {
    tokenizer.free();
    await baseline?.cleanup();
  }

  const out = values.out ?? join('evals', 'results', report.createdAt.replace(/[:.]/g, '-'));
  await mkdir(out, { recursive: true });
  const writers: Record<string, [string, () => string]> = {
    md: ['report.md', () => toMarkdown(report)],
    html: ['report.html', () => toHtml(report)],
    json: ['report.json', () => `${JSON.stringify(report, null, 2)}\n`],
    junit: ['report.junit.xml', () => toJunit(report)],
  };
  for (const format of formats) {
    const writer = writers[format];
    if (writer !== undefined) await writeFile(join(out, writer[0]), writer[1]());
  }
  if (formats.includes('table')) process.stdout.write(toTable(report));
  // GitHub Actions reads workflow commands from standard output.
  if (formats.includes('github')) process.stdout.write(toGithub(report, Object.fromEntries(suites.map((suite) => [suite.suite, suite.file]))));
  process.stdout.write(`reports: ${out}\n`);
  return report.gate.passed ? 0 : 1;
}
