// The two sides of an eval comparison as whole configurations: knowledge, prompts, eval settings and model.
// A baseline comes from a git ref (extracted to a temporary folder) or a folder; what differs between the
// sides is listed file by file and setting by setting. Runtime: Node.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { parseDocument } from 'yaml';
import { z } from 'zod';

const run = promisify(execFile);

/** A comparison that cannot be run as asked (an unknown ref, a bad settings file): exit code 2. */
export class EvalSetupError extends Error {
  override name = 'EvalSetupError';
}

/** Where a lead keeps eval settings in the tree: config overrides (thresholds, weights) and matrix cells. */
export const EVAL_CONFIG_FILE = join('evals', 'firstline.eval.yaml');

export interface EvalSide {
  readonly label: string;
  /** Where it comes from: the working tree, a git ref, a folder. */
  readonly source: string;
  readonly knowledgeDir: string;
  readonly promptsDir: string;
  /** Configuration overrides from the side's eval settings file. */
  readonly settings: Readonly<Record<string, string>>;
  /** Removes what was extracted for this side. */
  readonly cleanup: () => Promise<void>;
}

const settingsSchema = z
  .object({ settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional() })
  .passthrough();

/** The `settings:` block of an eval settings file, as strings; empty when the file does not exist. */
export async function readSettings(path: string): Promise<Record<string, string>> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  const parsed = settingsSchema.safeParse(parseDocument(text).toJS());
  if (!parsed.success) throw new EvalSetupError(`${path}: "settings" must map configuration keys to values`);
  return Object.fromEntries(Object.entries(parsed.data.settings ?? {}).map(([key, value]) => [key, String(value)]));
}

const exists = async (path: string) => (await stat(path).catch(() => undefined)) !== undefined;

async function gitTree(reference: string): Promise<string | undefined> {
  const resolved = await run('git', ['rev-parse', '--verify', '--quiet', `${reference}^{commit}`]).catch(
    () => undefined,
  );
  return resolved?.stdout.trim() || undefined;
}

/** Extracts the paths that exist at a commit into a new temporary folder. */
async function extract(commit: string, paths: readonly string[]): Promise<string> {
  const present: string[] = [];
  for (const path of paths)
    if (
      (await run('git', ['cat-file', '-e', `${commit}:${path.split(sep).join('/')}`]).catch(() => undefined)) !==
      undefined
    )
      present.push(path.split(sep).join('/'));
  const directory = await mkdtemp(join(tmpdir(), 'firstline-baseline-'));
  if (present.length === 0) return directory;
  await new Promise<void>((resolve, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', commit, '--', ...present], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const untar = spawn('tar', ['-x', '-C', directory], { stdio: ['pipe', 'ignore', 'pipe'] });
    archive.stdout.pipe(untar.stdin);
    let errors = '';
    archive.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    untar.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    untar.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`extracting ${commit}: ${errors.trim()}`))));
    archive.on('error', reject);
    untar.on('error', reject);
  });
  return directory;
}

/**
 * The baseline side from a git ref or a folder. A folder holding `knowledge/`, `prompts/` or the eval settings
 * file is a tree; a folder of prompt files is prompts alone; what a baseline lacks it shares with the candidate.
 */
export async function baselineSide(reference: string, candidate: EvalSide): Promise<EvalSide> {
  const info = await stat(reference).catch(() => undefined);
  if (info?.isDirectory() === true) {
    const tree =
      (await exists(join(reference, 'knowledge'))) ||
      (await exists(join(reference, 'prompts'))) ||
      (await exists(join(reference, EVAL_CONFIG_FILE)));
    if (!tree)
      return {
        label: 'baseline',
        source: `prompts folder ${reference}`,
        knowledgeDir: candidate.knowledgeDir,
        promptsDir: reference,
        settings: candidate.settings,
        cleanup: async () => undefined,
      };
    return {
      label: 'baseline',
      source: `folder ${reference}`,
      knowledgeDir: (await exists(join(reference, 'knowledge')))
        ? join(reference, 'knowledge')
        : candidate.knowledgeDir,
      promptsDir: (await exists(join(reference, 'prompts'))) ? join(reference, 'prompts') : candidate.promptsDir,
      settings: (await exists(join(reference, EVAL_CONFIG_FILE)))
        ? await readSettings(join(reference, EVAL_CONFIG_FILE))
        : candidate.settings,
      cleanup: async () => undefined,
    };
  }
  const commit = await gitTree(reference);
  if (commit === undefined) throw new EvalSetupError(`--baseline ${reference} is neither a folder nor a git ref`);
  const directory = await extract(commit, ['knowledge', 'prompts', EVAL_CONFIG_FILE]);
  const cleanup = () => rm(directory, { recursive: true, force: true });
  try {
    return {
      label: 'baseline',
      source: `git ${reference} (${commit.slice(0, 12)})`,
      knowledgeDir: (await exists(join(directory, 'knowledge')))
        ? join(directory, 'knowledge')
        : candidate.knowledgeDir,
      promptsDir: (await exists(join(directory, 'prompts'))) ? join(directory, 'prompts') : candidate.promptsDir,
      settings: await readSettings(join(directory, EVAL_CONFIG_FILE)),
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** SHA-256 of every Markdown file under a folder, by path relative to it. */
async function fingerprints(directory: string): Promise<Map<string, string>> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []);
  const result = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const path = join(entry.parentPath, entry.name);
    result.set(
      relative(directory, path).split(sep).join('/'),
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
  }
  return result;
}

export interface SideDifferences {
  readonly files: ReadonlyArray<{ readonly path: string; readonly change: 'added' | 'removed' | 'changed' }>;
  readonly settings: ReadonlyArray<{
    readonly key: string;
    readonly baseline: string | null;
    readonly candidate: string | null;
  }>;
  readonly model: { readonly baseline: string; readonly candidate: string } | null;
}

/** What differs between two sides: files of knowledge and prompts, settings, the model. */
export async function differences(
  baseline: EvalSide,
  candidate: EvalSide,
  models: { baseline: string; candidate: string },
): Promise<SideDifferences> {
  const files: Array<SideDifferences['files'][number]> = [];
  for (const [area, pick] of [
    ['knowledge', (side: EvalSide) => side.knowledgeDir],
    ['prompts', (side: EvalSide) => side.promptsDir],
  ] as const) {
    const before = await fingerprints(pick(baseline));
    const after = await fingerprints(pick(candidate));
    for (const [path, hash] of after) {
      const previous = before.get(path);
      if (previous === undefined) files.push({ path: `${area}/${path}`, change: 'added' });
      else if (previous !== hash) files.push({ path: `${area}/${path}`, change: 'changed' });
    }
    for (const path of before.keys()) if (!after.has(path)) files.push({ path: `${area}/${path}`, change: 'removed' });
  }
  const keys = new Set([...Object.keys(baseline.settings), ...Object.keys(candidate.settings)]);
  const settings = [...keys]
    .sort()
    .filter((key) => baseline.settings[key] !== candidate.settings[key])
    .map((key) => ({ key, baseline: baseline.settings[key] ?? null, candidate: candidate.settings[key] ?? null }));
  return {
    files: files.sort((left, right) => left.path.localeCompare(right.path)),
    settings,
    model: models.baseline === models.candidate ? null : models,
  };
}

/** A folder of prompts or knowledge as given: a folder on disk, or that folder at a git ref (`main`, `v1.2`). */
export async function folderAt(
  reference: string,
  area: 'prompts' | 'knowledge',
): Promise<{ directory: string; source: string; cleanup: () => Promise<void> }> {
  const info = await stat(reference).catch(() => undefined);
  if (info?.isDirectory() === true) return { directory: reference, source: reference, cleanup: async () => undefined };
  const commit = await gitTree(reference);
  if (commit === undefined) throw new EvalSetupError(`${area} "${reference}" is neither a folder nor a git ref`);
  const directory = await extract(commit, [area]);
  return {
    directory: join(directory, area),
    source: `${area} at git ${reference} (${commit.slice(0, 12)})`,
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
}
