// `regex`: a pattern the reply must match (JavaScript syntax, Unicode; `/…/flags` for flags). Runtime: any.
import { z } from 'zod';
import type { Assertion } from './assertion.ts';

function compile(source: string): RegExp {
  const literal = /^\/(.+)\/([a-z]*)$/su.exec(source);
  return literal === null
    ? new RegExp(source, 'u')
    : new RegExp(literal[1] ?? '', `${(literal[2] ?? '').replace('u', '')}u`);
}

export const regex: Assertion<string> = {
  key: 'regex',
  schema: z
    .string()
    .min(1)
    .refine((source) => {
      try {
        compile(source);
        return true;
      } catch {
        return false;
      }
    }, 'is not a valid regular expression'),
  grade(value, context) {
    const pass = compile(value).test(context.reply?.text ?? '');
    return { assertion: 'regex', pass, reason: pass ? 'ok' : `does not match ${value}` };
  },
};
