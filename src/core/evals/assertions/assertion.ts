// An assertion a case can make about one turn's reply, as promptfoo users write them: its key in `expect`,
// the schema of its value, and how it is graded. Runtime: any.
import type { z } from 'zod';
import type { Judge } from '../../graders/llm-judge.ts';
import type { Lang } from '../../text/lang.ts';
import type { TargetReply } from '../../ports/eval-target.ts';

export interface AssertionContext {
  readonly reply: TargetReply | null;
  readonly question: string;
  readonly lang: Lang;
  /** Estimated cost of this turn's model calls, in the currency of the configured prices. */
  readonly cost: number;
  readonly judge?: Judge | undefined;
}

export interface AssertionResult {
  readonly assertion: string;
  readonly pass: boolean;
  readonly reason: string;
  /** Not graded (an `llm-rubric` without a judge): neither a pass nor a failure. */
  readonly skipped?: boolean | undefined;
}

export interface Assertion<T> {
  readonly key: string;
  readonly schema: z.ZodType<T>;
  grade(value: T, context: AssertionContext): AssertionResult | Promise<AssertionResult>;
}

/** Lists given as one string or several. */
export const asList = (value: string | readonly string[]): readonly string[] =>
  typeof value === 'string' ? [value] : value;
