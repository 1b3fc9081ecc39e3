// `max-latency-ms` and `max-cost`: how long the reply took, and what its model calls cost. Runtime: any.
import { z } from 'zod';
import type { Assertion } from './assertion.ts';

export const maxLatency: Assertion<number> = {
  key: 'max-latency-ms',
  schema: z.number().positive(),
  grade(value, context) {
    const took = context.reply?.latencyMs ?? 0;
    return {
      assertion: 'max-latency-ms',
      pass: took <= value,
      reason: `${Math.round(took)} ms${took <= value ? '' : ` > ${value} ms`}`,
    };
  },
};

export const maxCost: Assertion<number> = {
  key: 'max-cost',
  schema: z.number().nonnegative(),
  grade(value, context) {
    return {
      assertion: 'max-cost',
      pass: context.cost <= value,
      reason: `${context.cost.toFixed(5)}${context.cost <= value ? '' : ` > ${value}`}`,
    };
  },
};
