// What the orchestrator of `npm run bench:api` and its load-generator process say to each other, one JSON
// object a line: jobs on the generator's stdin, events on its stdout.
import type { PlanSettings } from './api-plan.ts';
import type { LatencySummary } from './percentiles.ts';

export interface LoadJob {
  readonly url: string;
  readonly plan: PlanSettings;
  /** The step passes when the measured messages' p99 is under this and nothing failed. */
  readonly latencyLimitMs: number;
  /** Stop sending once the step can no longer pass (capacity search); false runs the whole plan. */
  readonly stopWhenFailed: boolean;
  readonly timeoutMs: number;
}

export interface LoadResult {
  readonly rate: number;
  readonly planned: {
    readonly conversations: number;
    readonly messages: number;
    readonly measuredMessages: number;
    readonly personRequests: number;
  };
  /** Measured messages: latency from the scheduled send time to the end of the response. */
  readonly messages: LatencySummary & { readonly slow: number };
  readonly opens: LatencySummary;
  /** Failed requests of the whole step (warm-up included), by kind: `HTTP 500`, `ECONNRESET`, `TIMEOUT`… */
  readonly errors: number;
  readonly errorKinds: Readonly<Record<string, number>>;
  /** Requests cut off when an already failed step was stopped: not counted as errors. */
  readonly cancelled: number;
  /** Measured messages the bot answered, and those it handed to a person. */
  readonly answered: number;
  readonly handoffs: number;
  readonly stoppedEarly: boolean;
  readonly passed: boolean;
  /** How late the generator sent requests against their schedule (its own delay, included in latencies). */
  readonly lagMs: { readonly p99: number | null; readonly max: number | null };
  readonly elapsedMs: number;
}

export type LoadEvent =
  | { readonly type: 'ready' }
  | { readonly type: 'measure-start' }
  | { readonly type: 'measure-end'; readonly messages: number }
  | { readonly type: 'result'; readonly result: LoadResult }
  | { readonly type: 'error'; readonly message: string };
