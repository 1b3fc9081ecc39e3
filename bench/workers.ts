// `npm run bench:workers`: the same open-loop benchmark as `npm run bench:api` (Poisson arrivals from a separate
// load-generator process, each message timed from its scheduled send, p99 limit, capacity search) against the Node
// server and against the Worker under `wrangler dev` on this machine, alternating. LOCAL EMULATION: workerd runs the
// Worker, the desk object and the reply isolates in one process here; production spreads them over machines, so these
// figures say how the code behaves on workerd, not what Cloudflare serves. Markdown on stdout, progress on stderr.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { searchCapacity } from './api-capacity.ts';
import { startLoadClient, type LoadClient } from './api-load-client.ts';
import type { LoadResult } from './api-load-protocol.ts';
import { parseApiBenchOptions, type ApiBenchOptions } from './api-options.ts';
import { startBenchServer, type BenchServer } from './api-server.ts';
import { describeStep, loadJob, runStep } from './api-step.ts';
import { loadCustomerTexts } from './api-texts.ts';
import { warmUp } from './api-warmup.ts';
import { onExit, runExitCleanups } from './exit-cleanup.ts';
import { waitForQuiet, waitForQuietMachine } from './wait-for-quiet.ts';
import { startWorkersServer } from './workers-server.ts';

type Side = 'node' | 'workers';
const REPO = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const log = (line: string) => process.stderr.write(`${line}\n`);
const ms = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(0));

interface SideResult {
  readonly side: Side;
  readonly round: number;
  readonly capacity: number;
  readonly failedAt: number | null;
  /** At half of this side's own capacity. */
  readonly half: { readonly rate: number; readonly load: LoadResult; readonly cpuMsPerMessage: number | null };
}

async function session(
  side: Side,
  round: number,
  options: ApiBenchOptions,
  load: LoadClient,
  directory: string,
  texts: Awaited<ReturnType<typeof loadCustomerTexts>>,
): Promise<SideResult> {
  const folder = await mkdtemp(join(directory, `${side}-r${round}-`));
  log(`${side}, round ${round}: starting…`);
  const server: BenchServer =
    side === 'node' ? await startBenchServer(REPO, folder) : await startWorkersServer(REPO, folder);
  try {
    const warm = await warmUp(server, texts, { seconds: options.serverWarmupSeconds, seed: options.seed });
    log(`  warm-up: ${warm.messages} messages in ${warm.seconds.toFixed(1)} s, ${warm.errors} errors`);
    const settle = async () => {
      await waitForQuiet(server.pid);
      await waitForQuietMachine({ maxMs: options.quietMachineMs });
    };
    const capacity = await searchCapacity(
      async (rate, phase) => {
        await settle();
        const seconds = phase === 'bracket' ? options.rampSeconds : options.stepSeconds;
        const step = await runStep(load, server, loadJob(options, server.url, rate, seconds, true));
        log(`    ${rate} msg/s for ${seconds} s: ${step.load.passed ? 'pass' : 'FAIL'} — ${describeStep(step)}`);
        return step.load;
      },
      { startRate: options.startRate / 4, factor: 2, precision: options.precision, minRate: 1, maxSteps: 14 },
    );
    log(`  capacity ${capacity.capacity} msg/s (failed at ${capacity.failedAt ?? '–'})`);
    const rate = Math.max(1, Math.round(capacity.capacity / 2));
    await settle();
    const step = await runStep(load, server, loadJob(options, server.url, rate, options.stepSeconds, false));
    const window = step.window;
    log(`    50 % (${rate} msg/s): ${describeStep(step)}`);
    return {
      side,
      round,
      capacity: capacity.capacity,
      failedAt: capacity.failedAt,
      half: {
        rate,
        load: step.load,
        cpuMsPerMessage: window === undefined || window.messages === 0 ? null : window.serverCpuMs / window.messages,
      },
    };
  } finally {
    await server.stop();
  }
}

const options = parseApiBenchOptions(process.argv.slice(2), process.env);
const directory = await mkdtemp(join(tmpdir(), 'firstline-bench-workers-'));
const removeDirectory = onExit(() => rm(directory, { recursive: true, force: true }));
try {
  const texts = await loadCustomerTexts(REPO);
  const load = await startLoadClient(REPO);
  const results: SideResult[] = [];
  try {
    for (let round = 1; round <= options.rounds; round += 1)
      for (const side of ['node', 'workers'] as const)
        results.push(await session(side, round, options, load, directory, texts));
  } finally {
    await load.close();
  }
  const file = join(tmpdir(), `firstline-bench-workers-${Date.now()}.json`);
  await writeFile(file, JSON.stringify({ options, results }, null, 2));
  const lines = [
    `Open-loop, p99 limit ${options.latencyLimitMs} ms, ${options.stepSeconds} s steps, ${options.personShare * 100} % of customers ask for a person; ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB. Workers = LOCAL EMULATION under wrangler dev (workerd, one process).`,
    '',
    '| side | round | capacity (msg/s, p99 ≤ limit) | at 50 %: rate | p50 ms | p99 ms | errors | CPU ms/message (whole process tree) |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map(
      (result) =>
        `| ${result.side === 'node' ? 'Node (`firstline serve`)' : 'Workers (`wrangler dev`)'} | ${result.round} | ${result.capacity} | ${result.half.rate} | ${ms(result.half.load.messages.p50)} | ${ms(result.half.load.messages.p99)} | ${result.half.load.errors} | ${result.half.cpuMsPerMessage?.toFixed(2) ?? '–'} |`,
    ),
    '',
    `Raw results: ${file}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await removeDirectory();
  await runExitCleanups();
}
