// One server session of `npm run bench:api`: a fresh server of one checkout, then every measurement in a
// fixed order — warm-up, memory and idle feeds, event delivery, capacity search, latency at fractions of a
// reference rate with CPU and bytes written per message — then the server is stopped and its data removed.
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { searchCapacity, type CapacityResult } from './api-capacity.ts';
import { measureDelivery, type DeliveryResult } from './api-delivery.ts';
import { measureFootprint, type FootprintResult } from './api-footprint.ts';
import type { LoadClient } from './api-load-client.ts';
import type { LoadResult } from './api-load-protocol.ts';
import type { ApiBenchOptions } from './api-options.ts';
import { startBenchServer, type BenchServer } from './api-server.ts';
import { warmUp, type WarmupResult } from './api-warmup.ts';
import type { CustomerTexts } from './api-texts.ts';
import { describeStep, loadJob, otherCpuPercent, runStep } from './api-step.ts';
import { waitForQuiet, waitForQuietMachine } from './wait-for-quiet.ts';

export type Side = 'base' | 'current';

export interface Tree {
  readonly side: Side;
  readonly root: string;
  /** What was measured, e.g. "21fe540" or "working tree (HEAD 21fe540, with changes)". */
  readonly label: string;
}

export interface SessionContext {
  readonly options: ApiBenchOptions;
  readonly texts: CustomerTexts;
  readonly load: LoadClient;
  readonly directory: string;
  readonly log: (line: string) => void;
}

export interface PointResult {
  readonly fraction: number;
  readonly rate: number;
  readonly load: LoadResult;
  readonly messages: number;
  readonly cpuMsPerMessage: number | null;
  readonly writeBytesPerMessage: number | null;
  readonly dataDirBytesPerMessage: number | null;
  /** Server CPU during the measured window, percent of one core. */
  readonly cpuPercent: number | null;
  /** CPU of everything else on the machine (not the server, not the load generator) in that window, percent of one core. */
  readonly otherCpuPercent: number | null;
}

export interface SessionResult {
  readonly side: Side;
  readonly round: number;
  readonly label: string;
  readonly seconds: number;
  readonly warmup: WarmupResult;
  readonly footprint: FootprintResult;
  readonly delivery: DeliveryResult;
  readonly capacity: CapacityResult;
  readonly points: readonly PointResult[];
  readonly metrics: Readonly<Record<string, number | null>>;
}

export const FRACTIONS = [0.25, 0.5, 0.75] as const;

/**
 * Other processes' CPU (percent of one core) at which a step is run again: a failed capacity step, or any
 * 25/50/75 % step; at most --retries times a session.
 */
const RETRY_OTHER_CPU_PERCENT = 25;

const ms = (value: number | null) => (value === null ? '–' : value.toFixed(0));

/** Before a step: the server has worked off the last one, and (waiting up to --quick ? 2 : 10 s) nothing else keeps the cores busy. */
async function settle(context: SessionContext, server: BenchServer): Promise<void> {
  await waitForQuiet(server.pid);
  await waitForQuietMachine({ maxMs: context.options.quietMachineMs });
}

/** Steps a session may run again because other processes took the cores (shared by the search and the points). */
interface RetryBudget {
  left: number;
}

async function measurePoint(
  context: SessionContext,
  server: BenchServer,
  fraction: number,
  rate: number,
  budget: RetryBudget,
): Promise<PointResult> {
  for (;;) {
    await settle(context, server);
    const step = await runStep(
      context.load,
      server,
      loadJob(context.options, server.url, rate, context.options.stepSeconds, false),
    );
    const { window } = step;
    const per = (value: number | undefined) =>
      value === undefined || window === undefined || window.messages === 0 ? null : value / window.messages;
    const result: PointResult = {
      fraction,
      rate,
      load: step.load,
      messages: window?.messages ?? 0,
      cpuMsPerMessage: per(window?.serverCpuMs),
      writeBytesPerMessage: per(window?.writeBytes),
      dataDirBytesPerMessage: per(window?.dataDirBytes),
      cpuPercent: window === undefined ? null : (100 * window.serverCpuMs) / window.wallMs,
      otherCpuPercent: otherCpuPercent(window),
    };
    const retry = (result.otherCpuPercent ?? 0) >= RETRY_OTHER_CPU_PERCENT && budget.left > 0;
    context.log(
      `    ${Math.round(fraction * 100)} % (${rate} msg/s): ${describeStep(step)}; ${result.cpuMsPerMessage?.toFixed(3) ?? '–'} ms CPU/message, server ${result.cpuPercent?.toFixed(0) ?? '–'} % of a core${retry ? ' → again' : ''}`,
    );
    if (!retry) return result;
    budget.left -= 1;
  }
}

export interface SessionInputs {
  readonly tree: Tree;
  readonly round: number;
  /** This side's capacity in the previous round: the search starts there with finer steps. */
  readonly previousCapacity: number | undefined;
  /** The rate the 25/50/75 % points are fractions of; undefined uses this session's own capacity. */
  readonly reference: number | undefined;
}

export async function runSession(context: SessionContext, inputs: SessionInputs): Promise<SessionResult> {
  const { options, log } = context;
  const { tree, round } = inputs;
  const started = performance.now();
  const directory = await mkdtemp(join(context.directory, `${tree.side}-r${round}-`));
  log(`${tree.side} (${tree.label}), round ${round}: starting the server…`);
  const server = await startBenchServer(tree.root, directory);
  try {
    const warmup = await warmUp(server, context.texts, { seconds: options.serverWarmupSeconds, seed: options.seed });
    log(
      `  warm-up, 4 customers in a closed loop: ${warmup.messages} messages in ${warmup.seconds.toFixed(1)} s (${(warmup.messages / warmup.seconds).toFixed(0)}/s), ${warmup.errors} errors`,
    );
    await settle(context, server);
    const footprint = await measureFootprint(server, context.texts, {
      count: options.feeds,
      baselineSeconds: options.idleBaselineSeconds,
      idleSeconds: options.idleSeconds,
      seed: options.seed,
    });
    log(
      `  ${footprint.count} conversations: ${(footprint.rssPerConversation / 1024).toFixed(1)} KB RSS, ${(footprint.heapPerConversation / 1024).toFixed(1)} KB heap each; feeds: ${(footprint.rssPerFeed / 1024).toFixed(1)} KB RSS, ${(footprint.heapPerFeed / 1024).toFixed(1)} KB heap each; idle CPU ${footprint.idleCpuNoFeeds?.toFixed(1) ?? '–'} % without feeds, ${footprint.idleCpuFeeds.toFixed(1)} % with them`,
    );
    await settle(context, server);
    const delivery = await measureDelivery(server, context.texts, {
      deliveries: options.deliveries,
      lanes: 4,
      seed: options.seed,
    });
    log(
      `  delivery agent → customer p50 ${ms(delivery.agentToCustomer.p50)} / p99 ${ms(delivery.agentToCustomer.p99)} ms, customer → agent p50 ${ms(delivery.customerToAgent.p50)} / p99 ${ms(delivery.customerToAgent.p99)} ms`,
    );

    const budget: RetryBudget = { left: options.retries };
    const capacity = await searchCapacity(
      async (rate, phase) => {
        const seconds =
          phase === 'bracket' && inputs.previousCapacity === undefined ? options.rampSeconds : options.stepSeconds;
        for (;;) {
          await settle(context, server);
          const step = await runStep(context.load, server, loadJob(options, server.url, rate, seconds, true));
          const other = otherCpuPercent(step.window) ?? 0;
          // A step that failed while other processes took a good part of a core is run again (a few times per session).
          const retry = !step.load.passed && other >= RETRY_OTHER_CPU_PERCENT && budget.left > 0;
          log(
            `    ${rate} msg/s for ${seconds} s: ${step.load.passed ? 'pass' : 'FAIL'} — ${describeStep(step)}${retry ? ' → again' : ''}`,
          );
          if (!retry) return step.load;
          budget.left -= 1;
        }
      },
      {
        startRate: inputs.previousCapacity ?? options.startRate,
        factor: inputs.previousCapacity === undefined ? 2 : 1.25,
        precision: options.precision,
        minRate: 5,
        maxSteps: 14,
      },
    );
    log(`  capacity: ${capacity.capacity} msg/s (failed at ${capacity.failedAt ?? '–'})`);
    const reference = inputs.reference ?? capacity.capacity;
    const points: PointResult[] = [];
    for (const fraction of FRACTIONS) {
      const rate = Math.round(fraction * reference);
      if (rate >= 1) points.push(await measurePoint(context, server, fraction, rate, budget));
    }
    const point = (fraction: number) => points.find((entry) => entry.fraction === fraction);
    const middle = point(0.5);
    const metrics: Record<string, number | null> = {
      capacity: capacity.capacity,
      ...Object.fromEntries(
        FRACTIONS.flatMap((fraction) => [
          [`p50@${fraction}`, point(fraction)?.load.messages.p50 ?? null],
          [`p99@${fraction}`, point(fraction)?.load.messages.p99 ?? null],
          [`errors@${fraction}`, point(fraction)?.load.errors ?? null],
        ]),
      ),
      cpuMsPerMessage: middle?.cpuMsPerMessage ?? null,
      writeKbPerMessage:
        middle?.writeBytesPerMessage === null || middle === undefined ? null : middle.writeBytesPerMessage / 1024,
      dataDirKbPerMessage:
        middle?.dataDirBytesPerMessage === null || middle === undefined ? null : middle.dataDirBytesPerMessage / 1024,
      answeredPercent:
        middle === undefined || middle.load.messages.count === 0
          ? null
          : (100 * middle.load.answered) / middle.load.messages.count,
      rssKbPerConversation: footprint.rssPerConversation / 1024,
      heapKbPerConversation: footprint.heapPerConversation / 1024,
      rssKbPerFeed: footprint.rssPerFeed / 1024,
      heapKbPerFeed: footprint.heapPerFeed / 1024,
      idleCpuNoFeeds: footprint.idleCpuNoFeeds,
      idleCpuFeeds: footprint.idleCpuFeeds,
      deliveryToCustomerP50: delivery.agentToCustomer.p50,
      deliveryToCustomerP99: delivery.agentToCustomer.p99,
      deliveryToAgentP50: delivery.customerToAgent.p50,
      deliveryToAgentP99: delivery.customerToAgent.p99,
      lagP99At75: point(0.75)?.load.lagMs.p99 ?? null,
      otherCpu: points.reduce((most, entry) => Math.max(most, entry.otherCpuPercent ?? 0), 0),
    };
    return {
      side: tree.side,
      round,
      label: tree.label,
      seconds: (performance.now() - started) / 1000,
      warmup,
      footprint,
      delivery,
      capacity,
      points,
      metrics,
    };
  } finally {
    await server.stop();
    await rm(directory, { recursive: true, force: true });
  }
}
