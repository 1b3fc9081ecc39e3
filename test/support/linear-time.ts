// Shared by the linear-time suites: an entry point's per-character cost on adversarial inputs is compared with its
// cost on a realistic text of the maximum length, and 100,000 characters of a shape with 10,000. No absolute
// timings (the machine is shared and noisy). Each shape is first timed at a few thousand characters, so that a
// super-linear entry point fails at once with its growth instead of running for minutes. Runtime: Node (tests).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

setFlagsFromString('--expose-gc');
/** A full collection, before each timing of a second look: the garbage of the runs before is not charged to it. */
const collect = runInNewContext('gc') as () => void;

export const MAX = 100_000;
export const SMALL = 10_000;
/** The sizes a shape is timed at first, each 4× the one before (4× the time when linear, 16× when quadratic). */
export const PROBES = [2_000, 8_000, 32_000] as const;
/** An adversarial input may cost at most this many times a realistic message, per character. */
const PER_CHAR_FACTOR = 20;
/** 10× the length may cost at most this much more time (linear: 10×, quadratic: 100×). */
const SCALING_LIMIT = 25;
/** A probe may cost at most this many times its share (by length) of the time allowed at the maximum length. */
const PROBE_SLACK = 3;
/** Timings below this are too coarse to compare; they pass. */
const NOISE_MS = 3;

/** `unit` repeated (and cut) to exactly `length` characters, never splitting a surrogate pair. */
export function fill(unit: string, length: number): string {
  const text = unit.repeat(Math.ceil(length / unit.length) + 1);
  let end = length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

function clock(fn: (text: string) => unknown, text: string, clean: boolean): number {
  fn('.'); // clears the detectors' last-text memo
  if (clean) collect();
  const start = performance.now();
  fn(text);
  return performance.now() - start;
}

/**
 * The best of up to `runs` timings, stopping at the first within `enough` (most inputs need one run). `clean` starts
 * each from a collected heap (a full GC costs more than most timings, so only a second look pays for it).
 */
function best(fn: (text: string) => unknown, text: string, enough = 0, runs = 3, clean = false): number {
  let fastest = Infinity;
  for (let run = 0; run < runs && fastest > enough; run += 1) fastest = Math.min(fastest, clock(fn, text, clean));
  return fastest;
}

export type EntryPoint = readonly [string, (text: string) => unknown];
/** A unit repeated to the length, or the text of a given length itself. */
export type Shape = readonly [string, string | ((length: number) => string)];

const build = (shape: Shape[1], length: number) => (typeof shape === 'string' ? fill(shape, length) : shape(length));

/**
 * Why an entry point is already too slow at a probe size, if it is: over its share of the time allowed at the
 * maximum length. A super-linear entry point fails at the first probe it overruns, having spent about that share
 * (the probes grow geometrically), instead of running for minutes on the maximum length.
 */
function probeFailure(
  name: string,
  fn: (text: string) => unknown,
  unit: Shape[1],
  allowed: number,
): string | undefined {
  let previous: { length: number; ms: number } | undefined;
  for (const length of PROBES) {
    const budget = Math.max(NOISE_MS, (PROBE_SLACK * allowed * length) / MAX);
    const ms = best(fn, build(unit, length), budget);
    if (ms > budget) {
      const growth =
        previous === undefined
          ? ''
          : `, ${(ms / Math.max(previous.ms, NOISE_MS / 4)).toFixed(0)}× the time at ${previous.length} for ${length / previous.length}× the length`;
      return `${name}: ${ms.toFixed(1)} ms at ${length} characters${growth}, allowed ${budget.toFixed(1)} ms`;
    }
    previous = { length, ms };
  }
  return undefined;
}

/** Runs per timing when a first verdict of too slow is checked again. */
const CONFIRM_RUNS = 5;

/** Why the entry point is too slow at the maximum length, or grows too fast from `SMALL` to it, if it is. */
function scalingFailure(
  name: string,
  fn: (text: string) => unknown,
  unit: Shape[1],
  floor: number,
  allowed: number,
  runs = 3,
): string | undefined {
  const secondLook = runs > 3;
  const longMs = best(fn, build(unit, MAX), secondLook ? 0 : floor, runs, secondLook);
  if (longMs > allowed) return `${name}: ${longMs.toFixed(1)} ms, allowed ${allowed.toFixed(1)} ms`;
  if (longMs <= floor) return undefined;
  const shortMs = Math.max(best(fn, build(unit, SMALL), 0, runs, secondLook), floor / SCALING_LIMIT);
  return longMs / shortMs > SCALING_LIMIT ? `${name}: ${(longMs / shortMs).toFixed(0)}× for 10× the length` : undefined;
}

/** Registers the suite: the realistic text's timings first, then one test per adversarial shape. */
export function describeLinearTime(
  title: string,
  entryPoints: readonly EntryPoint[],
  referenceUnit: string,
  adversarial: readonly Shape[],
): void {
  describe(title, () => {
    const reference = fill(referenceUnit, MAX);
    const referenceMs = new Map<string, number>();
    const referenceTotal = () => [...referenceMs.values()].reduce((sum, ms) => sum + ms, 0);

    it('measures a realistic message of the maximum length', () => {
      for (const [, fn] of entryPoints) fn(referenceUnit); // warm-up (JIT, lazy lexicons)
      for (const [name, fn] of entryPoints) referenceMs.set(name, best(fn, reference));
      expect(referenceTotal()).toBeGreaterThan(0);
    });

    for (const [shape, unit] of adversarial) {
      it(`stays linear on ${shape}`, () => {
        const slow: string[] = [];
        for (const [name, fn] of entryPoints) {
          const reference = referenceMs.get(name) ?? 0;
          // An entry point that does little on the realistic message is held to an average entry point's time, and
          // its scaling is judged only where the time matters (small timings are dominated by GC and regex tier-up).
          const floor = Math.max(NOISE_MS, reference, referenceTotal() / entryPoints.length);
          const allowed = PER_CHAR_FACTOR * floor;
          // Probed first: an entry point already too slow at a few thousand characters is not run on 100,000.
          const probe = probeFailure(name, fn, unit, allowed);
          if (probe !== undefined) {
            slow.push(probe);
            continue;
          }
          const failure = scalingFailure(name, fn, unit, floor, allowed);
          // A timing the shared machine disturbed (a GC, another process) is taken again once, with more runs, each
          // from a collected heap: a super-linear entry point fails both times, a linear one only by bad luck.
          const confirmed =
            failure === undefined ? undefined : scalingFailure(name, fn, unit, floor, allowed, CONFIRM_RUNS);
          if (confirmed !== undefined) slow.push(confirmed);
        }
        expect(slow).toEqual([]);
      });
    }
  });
}
