// `firstline score --in FILE.jsonl --out FILE.jsonl [--as reply|customer]`: adds `politeness` (house style for
// replies, general politeness for customers) and what the live detectors see (`emotion`, `handoff`) to each
// `{ "id", "text" }` line. Bad lines are reported with their number. Runtime: Node.
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { assessMessage } from '../../core/handoff/handoff-policy.ts';
import { gradeHouseStyle } from '../../core/graders/house-style.ts';
import { politeness } from '../../core/graders/politeness.ts';
import { detectLanguage } from '../../core/text/language.ts';
import { UsageError } from '../usage-error.ts';

const lineSchema = z.looseObject({ id: z.union([z.string(), z.number()]), text: z.string() });

/** A reply is graded against the house style; a customer message by its general politeness features. */
function politenessOf(text: string, as: string): { score: number; criteria: Record<string, number> } {
  if (as === 'reply') {
    const grade = gradeHouseStyle(text, {
      lang: detectLanguage(text),
      firstReply: true,
      action: 'answer',
      customerUpset: false,
      customerReportsProblem: false,
    });
    return {
      score: Math.round(grade.score * 1000) / 1000,
      criteria: Object.fromEntries(Object.entries(grade.criteria).map(([name, result]) => [name, result.score])),
    };
  }
  const general = politeness(text);
  return { score: Math.round(general.score * 1000) / 1000, criteria: { ...general.features } };
}

export async function scoreCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { in: { type: 'string' }, out: { type: 'string' }, as: { type: 'string', default: 'customer' } },
    strict: true,
  });
  if (values.in === undefined || values.out === undefined)
    throw new UsageError('score needs --in FILE.jsonl and --out FILE.jsonl');
  if (values.as !== 'customer' && values.as !== 'reply')
    throw new UsageError(`--as must be reply or customer, got "${values.as}"`);
  const output: string[] = [];
  const problems: string[] = [];
  let number = 0;
  for await (const line of createInterface({
    input: createReadStream(values.in, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    number += 1;
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      problems.push(`${values.in}:${number}: not valid JSON`);
      continue;
    }
    const record = lineSchema.safeParse(parsed);
    if (!record.success) {
      problems.push(
        `${values.in}:${number}: ${record.error.issues.map((issue) => `${issue.path.join('.') || 'line'} ${issue.message}`).join('; ')}`,
      );
      continue;
    }
    const assessment = assessMessage([], record.data.text);
    output.push(
      JSON.stringify({
        ...record.data,
        politeness: politenessOf(record.data.text, values.as),
        emotion: { label: assessment.signals.emotion.label, intensity: assessment.signals.emotion.intensity },
        handoff: { reasons: assessment.reasons },
      }),
    );
  }
  if (problems.length > 0) {
    process.stderr.write(`firstline score: ${problems.length} bad line(s), nothing written:\n${problems.join('\n')}\n`);
    return 1;
  }
  await writeFile(values.out, output.length === 0 ? '' : `${output.join('\n')}\n`);
  process.stdout.write(`scored ${output.length} line(s) → ${values.out}\n`);
  return 0;
}
