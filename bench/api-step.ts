// One load step of `npm run bench:api` run by the generator, with the server's CPU, bytes written and
// DATA_DIR size read when the measured window opens and closes, and the machine's total CPU so that
// other processes' interference shows.
import type { LoadClient } from './api-load-client.ts';
import type { LoadJob, LoadResult } from './api-load-protocol.ts';
import type { ApiBenchOptions } from './api-options.ts';
import type { BenchServer } from './api-server.ts';
import { directoryBytes, machineBusyMs, sampleProcess } from './process-stats.ts';
import { deriveSeed } from './seeded-random.ts';

export interface StepWindow {
  /** Measured messages answered in the window. */
  readonly messages: number;
  readonly wallMs: number;
  readonly serverCpuMs: number;
  readonly generatorCpuMs: number;
  /** Busy CPU of the whole machine. */
  readonly machineCpuMs: number;
  readonly writeBytes: number;
  readonly dataDirBytes: number;
}

export interface StepResult {
  readonly load: LoadResult;
  readonly window: StepWindow | undefined;
}

/** How long before its first message a conversation is opened (the widget opens it as the customer types). */
const OPEN_LEAD_MS = 500;

export function loadJob(
  options: ApiBenchOptions,
  url: string,
  rate: number,
  seconds: number,
  stopWhenFailed: boolean,
): LoadJob {
  const warmupSeconds = options.warmupSeconds;
  return {
    url,
    plan: {
      rate,
      warmupSeconds,
      seconds,
      seed: deriveSeed(options.seed, `${rate}/${warmupSeconds}/${seconds}`),
      thinkMs: options.thinkMs,
      openLeadMs: OPEN_LEAD_MS,
      personShare: options.personShare,
    },
    latencyLimitMs: options.latencyLimitMs,
    stopWhenFailed,
    timeoutMs: options.timeoutMs,
  };
}

export async function runStep(load: LoadClient, server: BenchServer, job: LoadJob): Promise<StepResult> {
  const sample = () => ({
    server: sampleProcess(server.pid),
    generator: sampleProcess(load.pid),
    machine: machineBusyMs(),
    bytes: directoryBytes(server.dataDir),
  });
  let start: ReturnType<typeof sample> | undefined;
  let end: ReturnType<typeof sample> | undefined;
  let messages = 0;
  const result = await load.run(job, {
    onMeasureStart: () => {
      start = sample();
    },
    onMeasureEnd: (count) => {
      end = sample();
      messages = count;
    },
  });
  if (start === undefined || end === undefined) return { load: result, window: undefined };
  return {
    load: result,
    window: {
      messages,
      wallMs: Math.max(1, end.server.at - start.server.at),
      serverCpuMs: end.server.cpuMs - start.server.cpuMs,
      generatorCpuMs: end.generator.cpuMs - start.generator.cpuMs,
      machineCpuMs: end.machine - start.machine,
      writeBytes: end.server.writeBytes - start.server.writeBytes,
      dataDirBytes: (await end.bytes) - (await start.bytes),
    },
  };
}

/** CPU of everything but the server and the generator during the window, percent of one core. */
export function otherCpuPercent(window: StepWindow | undefined): number | null {
  return window === undefined
    ? null
    : Math.max(0, (100 * (window.machineCpuMs - window.serverCpuMs - window.generatorCpuMs)) / window.wallMs);
}

const ms = (value: number | null) => (value === null ? '–' : value.toFixed(0));

export function describeStep({ load, window }: StepResult): string {
  const errors =
    load.errors === 0
      ? 'no errors'
      : `${load.errors} errors (${Object.entries(load.errorKinds)
          .map(([kind, count]) => `${kind} ×${count}`)
          .join(', ')})`;
  const other = otherCpuPercent(window);
  return `p50 ${ms(load.messages.p50)} ms, p99 ${ms(load.messages.p99)} ms, ${errors}${load.stoppedEarly ? ', stopped early' : ''}; generator lag p99 ${ms(load.lagMs.p99)} ms${other === null ? '' : `, other processes ${other.toFixed(0)} % of a core`}`;
}
