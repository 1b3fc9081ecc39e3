// `npm run bench:api`: open-loop capacity of the customer API, the way a service is sized — messages arrive
// at a fixed rate (Poisson, seeded) from a separate load-generator process whatever the response times, and
// each is timed from its scheduled send. The working tree (or --current-ref) is compared with a baseline
// ref (--base, default $BENCH_BASE or 21fe540) run from a temporary git worktree; servers of the two
// alternate (base, current, base, current…) so the machine's drift of ±20 % within minutes hits both, and
// each figure is reported for both with the ratio current/base. Offline defaults, a fresh DATA_DIR per server.
// Markdown on stdout, progress on stderr, everything as JSON in a file under the OS temp dir.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startLoadClient } from './api-load-client.ts';
import { parseApiBenchOptions } from './api-options.ts';
import { figures, markdown, summarize } from './api-report.ts';
import { runSession, type SessionResult, type Tree } from './api-session.ts';
import { loadCustomerTexts } from './api-texts.ts';
import { onExit, runExitCleanups } from './exit-cleanup.ts';
import { addWorktree, resolveCommit } from './git-worktree.ts';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const log = (line: string) => process.stderr.write(`${line}\n`);

async function workingTreeLabel(): Promise<string> {
  const head = (await resolveCommit(REPO, 'HEAD')).slice(0, 7);
  // --no-optional-locks: reading the status must not rewrite the index of a checkout others are working in.
  const { stdout } = await run('git', [
    '--no-optional-locks',
    '-C',
    REPO,
    'status',
    '--porcelain',
    '--untracked-files=no',
  ]);
  return `working tree (HEAD ${head}${stdout.trim() === '' ? '' : ', with uncommitted changes'})`;
}

const options = parseApiBenchOptions(process.argv.slice(2), process.env);
const began = performance.now();
const directory = await mkdtemp(join(tmpdir(), 'firstline-bench-api-'));
const removeDirectory = onExit(() => rm(directory, { recursive: true, force: true }));
try {
  const texts = await loadCustomerTexts(REPO);
  log(`Base ${options.base}: creating a worktree…`);
  const baseTree = await addWorktree(REPO, options.base);
  const currentTree = options.currentRef === undefined ? undefined : await addWorktree(REPO, options.currentRef);
  const trees: Record<'base' | 'current', Tree> = {
    base: { side: 'base', root: baseTree.root, label: `${options.base} (${baseTree.commit.slice(0, 7)})` },
    current:
      currentTree === undefined
        ? { side: 'current', root: REPO, label: await workingTreeLabel() }
        : { side: 'current', root: currentTree.root, label: `${currentTree.ref} (${currentTree.commit.slice(0, 7)})` },
  };
  const load = await startLoadClient(REPO);
  const context = { options, texts, load, directory, log };
  const sessions: SessionResult[] = [];
  const previous: Partial<Record<'base' | 'current', number>> = {};
  let skipped = 0;
  for (let round = 1; round <= options.rounds; round += 1) {
    const elapsed = (performance.now() - began) / 1000;
    const lastRound =
      round === 1
        ? 0
        : sessions.filter((session) => session.round === round - 1).reduce((sum, session) => sum + session.seconds, 0);
    // Later rounds start their search at the previous capacity and take about two thirds as long.
    if (round > 1 && elapsed + 0.7 * lastRound > options.budgetMinutes * 60) {
      skipped = options.rounds - round + 1;
      log(`Skipping ${skipped} round(s): the run would end past --budget-minutes ${options.budgetMinutes}.`);
      break;
    }
    for (const side of ['base', 'current'] as const) {
      const baseNow = sessions.find((session) => session.round === round && session.side === 'base');
      const result = await runSession(context, {
        tree: trees[side],
        round,
        previousCapacity: previous[side],
        reference: side === 'current' ? baseNow?.capacity.capacity : undefined,
      });
      if (result.capacity.capacity > 0) previous[side] = result.capacity.capacity;
      sessions.push(result);
    }
  }
  await load.close();
  await currentTree?.remove();
  await baseTree.remove();

  const list = figures(options.feeds, options.latencyLimitMs);
  const rows = summarize(sessions, list);
  const rounds = new Set(sessions.map((session) => session.round)).size;
  const seconds = (performance.now() - began) / 1000;
  const header = [
    `### API, open loop: base ${trees.base.label} vs current ${trees.current.label}`,
    '',
    `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}; offline defaults, SQLite synchronous=${process.env.SQLITE_SYNCHRONOUS ?? 'full'}, REPLY_WORKERS=${process.env.REPLY_WORKERS ?? 'auto'}.`,
    `${rounds} round(s), servers alternating base → current${skipped > 0 ? ` (${skipped} more skipped for the time budget)` : ''}; ${Math.round(seconds)} s in all${options.quick ? ' (--quick: short steps, figures are rough)' : ''}.`,
    `Workload: Poisson message arrivals (seed ${options.seed}), conversations of 1–4 messages (mean 2) from evals/first-questions.yaml and evals/answers.yaml, Russian and English, ${options.thinkMs / 1000} s mean think time, ${Math.round(options.personShare * 100)} % end by asking for a person; each step ${options.warmupSeconds} s warm-up + ${options.stepSeconds} s measured (first-round bracketing steps ${options.rampSeconds} s), latency from the scheduled send time.`,
    `Cells: median over the rounds (range); current/base: median of the per-round ratios. The 25/50/75 % steps run both servers at the same rates, fractions of the base's capacity in that round.`,
  ];
  const report = markdown(header, rows, list);
  const file = join(tmpdir(), `firstline-bench-api-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(
    file,
    `${JSON.stringify({ options, base: { ...trees.base, commit: baseTree.commit }, current: { ...trees.current, commit: currentTree?.commit ?? null }, seconds, summary: rows, sessions }, null, 2)}\n`,
  );
  process.stdout.write(`${report}\n\nJSON: ${file}\n`);
} catch (error) {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  if (options.currentRef === undefined)
    log(
      'If the working tree is mid-edit and its server does not start, try again later or compare two refs with --current-ref REF.',
    );
  process.exitCode = 1;
} finally {
  await removeDirectory();
  await runExitCleanups();
}
