// Shared by the linear-time suites: an entry point's per-character cost on adversarial inputs is compared with its
// cost on a realistic text of the maximum length, and 100,000 characters of a shape with 10,000. No absolute
// timings (the machine is shared and noisy). Runtime: Node (tests).
import { describe, expect, it } from 'vitest';

export const MAX = 100_000;
export const SMALL = 10_000;
/** An adversarial input may cost at most this many times a realistic message, per character. */
const PER_CHAR_FACTOR = 20;
/** 10× the length may cost at most this much more time (linear: 10×, quadratic: 100×). */
const SCALING_LIMIT = 25;
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

function clock(fn: (text: string) => unknown, text: string): number {
  fn('.'); // clears the detectors' last-text memo
  const start = performance.now();
  fn(text);
  return performance.now() - start;
}

/** The best of up to `runs` timings, stopping at the first within `enough` (most inputs need one run). */
function best(fn: (text: string) => unknown, text: string, enough = 0, runs = 3): number {
  let fastest = Infinity;
  for (let run = 0; run < runs && fastest > enough; run += 1) fastest = Math.min(fastest, clock(fn, text));
  return fastest;
}

export type EntryPoint = readonly [string, (text: string) => unknown];
/** A unit repeated to the length, or the text of a given length itself. */
export type Shape = readonly [string, string | ((length: number) => string)];

const build = (shape: Shape[1], length: number) => (typeof shape === 'string' ? fill(shape, length) : shape(length));

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
        const long = build(unit, MAX);
        const short = build(unit, SMALL);
        const slow: string[] = [];
        for (const [name, fn] of entryPoints) {
          const reference = referenceMs.get(name) ?? 0;
          // An entry point that does little on the realistic message is held to an average entry point's time, and
          // its scaling is judged only where the time matters (small timings are dominated by GC and regex tier-up).
          const floor = Math.max(NOISE_MS, reference, referenceTotal() / entryPoints.length);
          const allowed = PER_CHAR_FACTOR * floor;
          const longMs = best(fn, long, floor);
          if (longMs > allowed) slow.push(`${name}: ${longMs.toFixed(1)} ms, allowed ${allowed.toFixed(1)} ms`);
          if (longMs > floor) {
            const shortMs = Math.max(best(fn, short), floor / SCALING_LIMIT);
            if (longMs / shortMs > SCALING_LIMIT)
              slow.push(`${name}: ${(longMs / shortMs).toFixed(0)}× for 10× the length`);
          }
        }
        expect(slow).toEqual([]);
      });
    }
  });
}
