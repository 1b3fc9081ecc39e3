// `contains`, `icontains` and `not-contains`: text the reply must (or must not) include. Runtime: any.
import { z } from 'zod';
import { asList, type Assertion } from './assertion.ts';

const texts = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

function containment(
  key: string,
  test: (reply: string, wanted: string) => boolean,
  present: boolean,
): Assertion<string | string[]> {
  return {
    key,
    schema: texts,
    grade(value, context) {
      const reply = context.reply?.text ?? '';
      const wrong = asList(value).filter((wanted) => test(reply, wanted) !== present);
      return {
        assertion: key,
        pass: wrong.length === 0,
        reason:
          wrong.length === 0
            ? 'ok'
            : `${present ? 'missing' : 'present'}: ${wrong.map((text) => `"${text}"`).join(', ')}`,
      };
    },
  };
}

export const contains = containment('contains', (reply, wanted) => reply.includes(wanted), true);
export const icontains = containment(
  'icontains',
  (reply, wanted) => reply.toLowerCase().includes(wanted.toLowerCase()),
  true,
);
export const notContains = containment(
  'not-contains',
  (reply, wanted) => reply.toLowerCase().includes(wanted.toLowerCase()),
  false,
);
