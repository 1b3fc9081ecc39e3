// Capacity search of `npm run bench:api`: the highest message arrival rate a server sustains with its p99
// under the limit and no errors. Steps up geometrically until a step fails (down when the first one
// does), then bisects (geometric midpoints) until the passing and failing rates are within `precision`.
import type { LoadResult } from './api-load-protocol.ts';

export interface CapacitySettings {
  readonly startRate: number;
  /** Ratio between consecutive rates while looking for the first pass/fail pair. */
  readonly factor: number;
  /** Stop bisecting when failing rate / passing rate is at most this. */
  readonly precision: number;
  readonly minRate: number;
  readonly maxSteps: number;
}

export type StepPhase = 'bracket' | 'bisect';

export interface CapacityResult {
  /** The highest passing rate (messages/s); 0 when not even `minRate` passed. */
  readonly capacity: number;
  /** The lowest failing rate seen, when one was. */
  readonly failedAt: number | null;
  readonly steps: readonly LoadResult[];
}

export async function searchCapacity(
  step: (rate: number, phase: StepPhase) => Promise<LoadResult>,
  settings: CapacitySettings,
): Promise<CapacityResult> {
  const steps: LoadResult[] = [];
  let passing = 0;
  let failing = Infinity;
  let rate = Math.round(settings.startRate);
  while (steps.length < settings.maxSteps && (passing === 0 || failing === Infinity)) {
    const result = await step(rate, 'bracket');
    steps.push(result);
    if (result.passed) {
      passing = rate;
      rate = Math.round(rate * settings.factor);
    } else {
      failing = rate;
      rate = Math.round(rate / settings.factor);
      if (rate < settings.minRate) break;
    }
  }
  while (
    passing > 0 &&
    failing !== Infinity &&
    failing / passing > settings.precision &&
    steps.length < settings.maxSteps
  ) {
    const middle = Math.round(Math.sqrt(passing * failing));
    if (middle <= passing || middle >= failing) break;
    const result = await step(middle, 'bisect');
    steps.push(result);
    if (result.passed) passing = middle;
    else failing = middle;
  }
  return { capacity: passing, failedAt: failing === Infinity ? null : failing, steps };
}
