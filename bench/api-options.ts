// Options of `npm run bench:api`: flags, then BENCH_* environment variables, then the preset (default or --quick).
import { parseArgs } from 'node:util';

export interface ApiBenchOptions {
  readonly base: string;
  /** A ref for the "current" side; undefined means the working tree as it is. */
  readonly currentRef: string | undefined;
  readonly quick: boolean;
  readonly rounds: number;
  /** No new round starts when the run would likely end past this many minutes. */
  readonly budgetMinutes: number;
  readonly seed: number;
  readonly latencyLimitMs: number;
  readonly timeoutMs: number;
  /** Closed-loop load right after each server starts (JIT, caches, the reply worker), unmeasured. */
  readonly serverWarmupSeconds: number;
  /** Each load step: warm-up at the step's rate, then the measured seconds. */
  readonly warmupSeconds: number;
  readonly stepSeconds: number;
  /** Measured seconds of the first round's coarse bracketing steps (rates far from the answer). */
  readonly rampSeconds: number;
  readonly startRate: number;
  readonly precision: number;
  readonly thinkMs: number;
  readonly personShare: number;
  /** Conversations, then idle feeds, for the memory and idle-CPU figures. */
  readonly feeds: number;
  readonly idleBaselineSeconds: number;
  readonly idleSeconds: number;
  readonly deliveries: number;
  /** Before each load step, wait up to this long for other processes to leave the cores alone. */
  readonly quietMachineMs: number;
  /** Steps a session may repeat because other processes took the cores during them. */
  readonly retries: number;
}

const PRESETS = {
  default: {
    rounds: 2,
    budgetMinutes: 14,
    serverWarmupSeconds: 6,
    warmupSeconds: 2,
    stepSeconds: 10,
    rampSeconds: 5,
    startRate: 100,
    precision: 1.2,
    feeds: 1000,
    idleBaselineSeconds: 3,
    idleSeconds: 10,
    deliveries: 100,
    timeoutMs: 10_000,
    quietMachineMs: 10_000,
    retries: 6,
  },
  quick: {
    rounds: 1,
    budgetMinutes: 3,
    serverWarmupSeconds: 3,
    warmupSeconds: 1,
    stepSeconds: 2,
    rampSeconds: 2,
    startRate: 100,
    precision: 2,
    feeds: 200,
    idleBaselineSeconds: 0,
    idleSeconds: 3,
    deliveries: 20,
    timeoutMs: 5_000,
    quietMachineMs: 2_000,
    retries: 2,
  },
} as const;

const USAGE = `Usage: npm run bench:api -- [--base REF] [--current-ref REF] [--quick] [--rounds N] [--seed N]
  --base REF          the baseline (default: $BENCH_BASE or 21fe540), run from a temporary git worktree
  --current-ref REF   compare with this ref instead of the working tree
  --quick             a smoke run of about a minute (one round, short steps, fewer feeds)
  --rounds N          base/current pairs, alternating (default 2; $BENCH_ROUNDS)
Durations and sizes (flags or environment): --step-seconds/BENCH_STEP_SECONDS, --ramp-seconds/BENCH_RAMP_SECONDS,
  --warmup-seconds/BENCH_WARMUP_SECONDS, --start-rate/BENCH_START_RATE, --precision/BENCH_PRECISION,
  --feeds/BENCH_FEEDS, --idle-seconds/BENCH_IDLE_SECONDS, --deliveries/BENCH_DELIVERIES,
  --latency-limit-ms/BENCH_LATENCY_LIMIT_MS (100), --think-ms/BENCH_THINK_MS (2000),
  --person-share/BENCH_PERSON_SHARE (0.03), --budget-minutes/BENCH_BUDGET_MINUTES,
  --retries/BENCH_RETRIES (steps repeated per server because other processes took the cores).`;

const NUMERIC = {
  rounds: 'BENCH_ROUNDS',
  'budget-minutes': 'BENCH_BUDGET_MINUTES',
  seed: 'BENCH_SEED',
  'latency-limit-ms': 'BENCH_LATENCY_LIMIT_MS',
  'timeout-ms': 'BENCH_TIMEOUT_MS',
  'server-warmup-seconds': 'BENCH_SERVER_WARMUP_SECONDS',
  'warmup-seconds': 'BENCH_WARMUP_SECONDS',
  'step-seconds': 'BENCH_STEP_SECONDS',
  'ramp-seconds': 'BENCH_RAMP_SECONDS',
  'start-rate': 'BENCH_START_RATE',
  precision: 'BENCH_PRECISION',
  'think-ms': 'BENCH_THINK_MS',
  'person-share': 'BENCH_PERSON_SHARE',
  feeds: 'BENCH_FEEDS',
  'idle-baseline-seconds': 'BENCH_IDLE_BASELINE_SECONDS',
  'idle-seconds': 'BENCH_IDLE_SECONDS',
  deliveries: 'BENCH_DELIVERIES',
  retries: 'BENCH_RETRIES',
} as const;

export function parseApiBenchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ApiBenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      base: { type: 'string' },
      'current-ref': { type: 'string' },
      quick: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      ...Object.fromEntries(Object.keys(NUMERIC).map((name) => [name, { type: 'string' as const }])),
    },
    strict: true,
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const quick = values.quick === true || env.BENCH_QUICK === '1';
  const preset = quick ? PRESETS.quick : PRESETS.default;
  const number = (name: keyof typeof NUMERIC, fallback: number): number => {
    const raw = (values as Record<string, string | boolean | undefined>)[name] ?? env[NUMERIC[name]];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0)
      throw new Error(`--${name} (${NUMERIC[name]}) must be a non-negative number, got "${String(raw)}"\n${USAGE}`);
    return value;
  };
  const base = typeof values.base === 'string' ? values.base : env.BENCH_BASE || '21fe540';
  const currentRef =
    typeof values['current-ref'] === 'string' ? values['current-ref'] : env.BENCH_CURRENT_REF || undefined;
  return {
    base,
    currentRef,
    quick,
    rounds: Math.max(1, Math.round(number('rounds', preset.rounds))),
    budgetMinutes: number('budget-minutes', preset.budgetMinutes),
    seed: number('seed', 20261202),
    latencyLimitMs: number('latency-limit-ms', 100),
    timeoutMs: number('timeout-ms', preset.timeoutMs),
    serverWarmupSeconds: number('server-warmup-seconds', preset.serverWarmupSeconds),
    warmupSeconds: number('warmup-seconds', preset.warmupSeconds),
    stepSeconds: number('step-seconds', preset.stepSeconds),
    rampSeconds: number('ramp-seconds', preset.rampSeconds),
    startRate: Math.max(1, number('start-rate', preset.startRate)),
    precision: Math.max(1.01, number('precision', preset.precision)),
    thinkMs: number('think-ms', 2000),
    personShare: Math.min(1, number('person-share', 0.03)),
    feeds: Math.max(1, Math.round(number('feeds', preset.feeds))),
    idleBaselineSeconds: number('idle-baseline-seconds', preset.idleBaselineSeconds),
    idleSeconds: Math.max(1, number('idle-seconds', preset.idleSeconds)),
    deliveries: Math.max(4, Math.round(number('deliveries', preset.deliveries))),
    quietMachineMs: preset.quietMachineMs,
    retries: Math.round(number('retries', preset.retries)),
  };
}
