// Every assertion a turn's `expect` may carry, in one place: the suite schema and the runner read this list,
// so a new assertion is a new file and a line here. Runtime: any.
import type { z } from 'zod';
import type { Assertion, AssertionContext, AssertionResult } from './assertion.ts';
import { contains, icontains, notContains } from './contains.ts';
import { maxCost, maxLatency } from './limits.ts';
import { llmRubric } from './llm-rubric.ts';
import { regex } from './regex.ts';

interface ErasedAssertion {
  readonly key: string;
  readonly schema: z.ZodType<unknown>;
  grade(value: unknown, context: AssertionContext): AssertionResult | Promise<AssertionResult>;
}

/** Hides an assertion's value type behind its own schema, so assertions of every type share one list. */
function erase<T>(assertion: Assertion<T>): ErasedAssertion {
  return {
    key: assertion.key,
    schema: assertion.schema,
    grade: (value, context) => assertion.grade(assertion.schema.parse(value), context),
  };
}

const ASSERTIONS: readonly ErasedAssertion[] = [
  erase(contains),
  erase(icontains),
  erase(notContains),
  erase(regex),
  erase(maxLatency),
  erase(maxCost),
  erase(llmRubric),
];

/** The `expect` keys of the assertions, with their value schemas, for the suite schema. */
export const assertionShape: Record<string, z.ZodOptional<z.ZodType<unknown>>> = Object.fromEntries(
  ASSERTIONS.map((assertion) => [assertion.key, assertion.schema.optional()]),
);

/** Grades every assertion present in `expect`, in the registry's order. */
export async function gradeAssertions(
  expect: Readonly<Record<string, unknown>>,
  context: AssertionContext,
): Promise<AssertionResult[]> {
  const results: AssertionResult[] = [];
  for (const assertion of ASSERTIONS) {
    const value = expect[assertion.key];
    if (value === undefined) continue;
    results.push(await assertion.grade(value, context));
  }
  return results;
}
