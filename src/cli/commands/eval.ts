// `firstline eval`: runs the eval suites through the real reply pipeline, grades every turn, compares with
// a baseline prompts version, writes reports, and exits 1 when a must-pass case fails or a metric regresses. Runtime: Node.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { parseConfig } from '../../core/config/config.ts';
import { compareRuns } from '../../core/evals/compare.ts';
import { buildReport, toHtml, toJunit, toMarkdown, toTable } from '../../core/evals/report.ts';
import { runEval } from '../../core/evals/run-eval.ts';
import { parseSuite, type EvalSuite } from '../../core/evals/suite.ts';
import { createEvalTarget } from '../../runtime/node/eval-target.ts';
import { FileModelCache } from '../../adapters/cache/file-model-cache.ts';
import { createJudge } from '../../adapters/llm/create-answer-composer.ts';
import { TiktokenTokenizer } from '../../adapters/tokenizer/tiktoken-tokenizer.ts';
import { UsageMeter } from '../../core/reply/usage-meter.ts';
import { openKnowledge } from '../../runtime/node/knowledge-service.ts';
import { progressBar } from '../progress.ts';
import { UsageError } from '../usage-error.ts';

const run = promisify(execFile);
const FORMATS = ['table', 'md', 'html', 'json', 'junit'] as const;

async function loadSuites(path: string): Promise<EvalSuite[]> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) throw new UsageError(`--suite ${path} does not exist`);
  const files = info.isDirectory() ? (await readdir(path)).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(path, name)) : [path];
  return Promise.all(files.map(async (file) => parseSuite(file, await readFile(file, 'utf8'))));
}

/** A prompts directory, or a git ref whose prompts/ folder is extracted to a temporary directory. */
async function resolvePrompts(reference: string): Promise<string> {
  const info = await stat(reference).catch(() => undefined);
  if (info?.isDirectory() === true) return reference;
  const listing = await run('git', ['ls-tree', '--name-only', `${reference}:prompts`]).catch(() => undefined);
  if (listing === undefined) throw new UsageError(`--baseline ${reference} is neither a directory nor a git ref with a prompts/ folder`);
  const directory = await mkdtemp(join(tmpdir(), 'firstline-baseline-prompts-'));
  for (const name of listing.stdout.split('\n').filter(Boolean)) {
    const { stdout } = await run('git', ['show', `${reference}:prompts/${name}`], { maxBuffer: 16 << 20 });
    await writeFile(join(directory, name), stdout);
  }
  return directory;
}

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
    },
    strict: true,
  });
  const repeat = Number(values.repeat);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) throw new UsageError(`--repeat must be a whole number from 1 to 20, got "${values.repeat}"`);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64, got "${values.concurrency}"`);
  const formats = values.format.split(',').map((format) => format.trim());
  const unknown = formats.filter((format) => !(FORMATS as readonly string[]).includes(format));
  if (unknown.length > 0) throw new UsageError(`--format takes ${FORMATS.join(', ')}; unknown: ${unknown.join(', ')}`);

  const started = performance.now();
  const suites = await loadSuites(values.suite);
  const knowledgeDir = values.knowledge;
  const indexDir = knowledgeDir === undefined ? undefined : await mkdtemp(join(tmpdir(), 'firstline-eval-index-'));
  const base = parseConfig({ ...env, KNOWLEDGE_DIR: knowledgeDir ?? env.KNOWLEDGE_DIR, INDEX_DIR: indexDir ?? env.INDEX_DIR, PROMPTS_DIR: values.prompts ?? env.PROMPTS_DIR });
  const knowledge = await openKnowledge(base);

  const tokenizer = new TiktokenTokenizer();
  const meter = new UsageMeter(tokenizer, { input: base.LLM_PRICE_INPUT_PER_1K, output: base.LLM_PRICE_OUTPUT_PER_1K });
  const cache = values['no-cache'] ? undefined : new FileModelCache(values.cache);
  // One judge, from the current prompts, grades both runs, so a baseline is judged by the same rubric.
  const judge = values['no-judge'] ? undefined : await createJudge(base, { cache, meter });
  const runWith = async (promptsDir: string, label: string) => {
    const adversarial = suites.some((suite) => suite.cases.some((entry) => entry.attack !== undefined));
    const target = await createEvalTarget({ ...base, PROMPTS_DIR: promptsDir }, knowledge, { cache, meter, judge, adversarial });
    try {
      return await runEval(suites, target, { repeat, concurrency, onProgress: progressBar(label) });
    } finally {
      await target.close();
    }
  };
  const cases = await runWith(base.PROMPTS_DIR, 'eval');
  const baselinePrompts = values.baseline === undefined ? undefined : await resolvePrompts(values.baseline);
  const baselineCases = baselinePrompts === undefined ? undefined : await runWith(baselinePrompts, 'baseline');
  const report = buildReport({
    cases,
    suites: suites.map((suite) => suite.suite),
    prompts: base.PROMPTS_DIR,
    seconds: (performance.now() - started) / 1000,
    createdAt: new Date().toISOString(),
    baseline: baselineCases === undefined ? undefined : { prompts: values.baseline ?? '', cases: baselineCases },
    comparison: baselineCases === undefined ? undefined : compareRuns(cases, baselineCases, Number(values.tolerance)),
    usage: meter.usage(),
  });
  tokenizer.free();

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
  process.stdout.write(`reports: ${out}\n`);
  return report.gate.passed ? 0 : 1;
}
