// Writes an eval report in the formats asked for: files in the output folder, the table and GitHub annotations
// on standard output. Runtime: Node.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { usesLlm, type Config } from '../../core/config/config.ts';
import type { EvalReport } from '../../core/evals/report.ts';
import { toGithub } from '../../core/evals/writers/github.ts';
import { toHtml } from '../../core/evals/writers/html.ts';
import { toJunit } from '../../core/evals/writers/junit.ts';
import { toMarkdown } from '../../core/evals/writers/markdown.ts';
import { toTable } from '../../core/evals/writers/table.ts';
import { toJson } from '../../core/evals/writers/json.ts';
import type { SideRun } from '../../platform/node/eval-run.ts';
import type { EvalSide } from '../../platform/node/eval-sides.ts';
import { evalRunIndexOf } from '../../core/ports/eval-runs.ts';

export const FORMATS = ['table', 'md', 'html', 'json', 'junit', 'github'] as const;

/** The model a configuration answers with, as the report names it. */
export const modelOf = (config: Config) =>
  usesLlm(config) ? `${config.OPENAI_MODEL ?? ''} at ${config.OPENAI_BASE_URL ?? 'api.openai.com'}` : 'none (offline)';

/** A side as the report describes it. */
export const describeSide = (side: EvalSide, run: SideRun) => ({
  source: side.source,
  knowledge: side.knowledgeDir,
  prompts: side.promptsDir,
  settings: side.settings,
  model: modelOf(run.config),
  promptVersions: run.promptVersions,
});

export async function writeReport(
  report: EvalReport,
  out: string,
  formats: readonly string[],
  suiteFiles: Readonly<Record<string, string>>,
  print = true,
): Promise<void> {
  await mkdir(out, { recursive: true });
  const files: Record<string, [string, () => string]> = {
    md: ['report.md', () => toMarkdown(report)],
    html: ['report.html', () => toHtml(report)],
    json: ['report.json', () => toJson(report)],
    junit: ['report.junit.xml', () => toJunit(report)],
  };
  for (const format of formats) {
    const file = files[format];
    if (file !== undefined) await writeFile(join(out, file[0]), file[1]());
  }
  // The dashboard lists runs from this small index instead of parsing every multi-megabyte report.
  const index = formats.includes('json') ? evalRunIndexOf(report) : undefined;
  if (index !== undefined) await writeFile(join(out, 'summary.json'), `${JSON.stringify(index)}\n`);
  if (!print) return;
  if (formats.includes('table')) process.stdout.write(toTable(report));
  // GitHub Actions reads workflow commands from standard output.
  if (formats.includes('github')) process.stdout.write(toGithub(report, suiteFiles));
}
