// `llm-rubric`: a criterion in plain words, graded by the LLM judge. Without a judge it is skipped. Runtime: any.
import { z } from 'zod';
import type { Assertion } from './assertion.ts';

export const llmRubric: Assertion<string> = {
  key: 'llm-rubric',
  schema: z.string().trim().min(3),
  async grade(value, context) {
    if (context.judge?.rubric === undefined)
      return { assertion: 'llm-rubric', pass: true, skipped: true, reason: 'not graded: no judge model configured' };
    if (context.reply === null) return { assertion: 'llm-rubric', pass: false, reason: 'no reply to grade' };
    const verdict = await context.judge.rubric({
      lang: context.lang,
      question: context.question,
      reply: context.reply.text,
      criterion: value,
    });
    if (verdict === undefined)
      return { assertion: 'llm-rubric', pass: false, reason: 'the judge gave no valid verdict' };
    return { assertion: 'llm-rubric', pass: verdict.pass, reason: verdict.reason };
  },
};
