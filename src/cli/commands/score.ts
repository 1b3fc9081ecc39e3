// `firstline score --in FILE.jsonl --out FILE.jsonl`: adds what the live detectors see in each text
// ({ "id", "text" } per line) as `emotion` and `handoff`. Bad lines are reported with their number. Runtime: Node.
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { assessMessage } from '../../core/handoff/handoff-policy.ts';
import { UsageError } from '../usage-error.ts';

const lineSchema = z.looseObject({ id: z.union([z.string(), z.number()]), text: z.string() });

export async function scoreCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { in: { type: 'string' }, out: { type: 'string' }, as: { type: 'string', default: 'customer' } }, strict: true });
  if (values.in === undefined || values.out === undefined) throw new UsageError('score needs --in FILE.jsonl and --out FILE.jsonl');
  if (values.as !== 'customer') throw new UsageError(`--as ${values.as} is not available yet; use --as customer`);
  const output: string[] = [];
  const problems: string[] = [];
  let number = 0;
  for await (const line of createInterface({ input: createReadStream(values.in, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY })) {
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
      problems.push(`${values.in}:${number}: ${record.error.issues.map((issue) => `${issue.path.join('.') || 'line'} ${issue.message}`).join('; ')}`);
      continue;
    }
    const assessment = assessMessage([], record.data.text);
    output.push(JSON.stringify({ ...record.data, emotion: { label: assessment.signals.emotion.label, intensity: assessment.signals.emotion.intensity }, handoff: { reasons: assessment.reasons } }));
  }
  if (problems.length > 0) {
    process.stderr.write(`firstline score: ${problems.length} bad line(s), nothing written:\n${problems.join('\n')}\n`);
    return 1;
  }
  await writeFile(values.out, output.length === 0 ? '' : `${output.join('\n')}\n`);
  process.stdout.write(`scored ${output.length} line(s) → ${values.out}\n`);
  return 0;
}
