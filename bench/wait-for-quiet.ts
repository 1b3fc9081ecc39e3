// Waits until a process tree, or the whole machine, is (nearly) idle: so one load step's backlog does not
// spill into the next, and a step does not start while other work (someone's test run) has the cores.
import { machineBusyMs, sampleProcess } from './process-stats.ts';

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface QuietOptions {
  /** Percent of one core. */
  readonly percent?: number;
  readonly windowMs?: number;
  readonly maxMs?: number;
}

async function waitUntil(
  read: () => number,
  { percent = 10, windowMs = 500, maxMs = 15_000 }: QuietOptions,
): Promise<{ waitedMs: number; percent: number }> {
  const started = performance.now();
  let last = { at: performance.now(), value: read() };
  for (;;) {
    await delay(windowMs);
    const now = { at: performance.now(), value: read() };
    const used = (100 * (now.value - last.value)) / Math.max(1, now.at - last.at);
    last = now;
    if (used < percent || now.at - started >= maxMs) return { waitedMs: now.at - started, percent: used };
  }
}

/** Resolves once the tree used under `percent` of a core over `windowMs`, or after `maxMs` whatever it does. */
export async function waitForQuiet(pid: number, options: QuietOptions = {}): Promise<number> {
  return (await waitUntil(() => sampleProcess(pid).cpuMs, options)).waitedMs;
}

/** Resolves once the whole machine is nearly idle (the server and generator should be idle then too), or after `maxMs`. */
export function waitForQuietMachine(options: QuietOptions = {}): Promise<{ waitedMs: number; percent: number }> {
  return waitUntil(machineBusyMs, { percent: 25, maxMs: 10_000, ...options });
}
