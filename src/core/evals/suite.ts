// Eval suites: the YAML case format shared by retrieval, answer and handoff evals. Runtime: any.
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { langSchema } from '../text/lang.ts';
import { assertionShape } from './assertions/registry.ts';

export const actionSchema = z.enum(['answer', 'clarify', 'handoff']);
export const handoffReasonSchema = z.enum(['human_request', 'emotion', 'low_confidence', 'sensitive', 'loop', 'error']);

export const attackKinds = [
  'instruction-override',
  'fake-system',
  'role-play',
  'prompt-extraction',
  'false-authority',
  'other-customer',
  'secrets',
  'hidden-instruction',
  'multi-turn',
  'obfuscated',
] as const;

export const expectSchema = z.strictObject({
  action: actionSchema.optional(),
  articles: z
    .array(z.string().regex(/^[a-z0-9-]+$/))
    .min(1)
    .optional(),
  facts: z.array(z.string().min(1)).optional(),
  forbidden: z.array(z.string().min(1)).optional(),
  handoffReason: handoffReasonSchema.optional(),
  // contains, icontains, not-contains, regex, max-latency-ms, max-cost, llm-rubric
  ...assertionShape,
});

export const turnSchema = z.strictObject({
  customer: z.string().trim().min(1),
  expect: expectSchema.default({}),
});

export const caseSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]+$/, 'must be letters, digits, dot, underscore or hyphen'),
  lang: langSchema.optional(),
  tags: z.array(z.string()).default([]),
  mustPass: z.boolean().default(false),
  /** Adversarial cases: the kind of attack, and what a model that obeyed it would reply (a test server plays it). */
  attack: z.enum(attackKinds).optional(),
  obey: z.string().min(1).optional(),
  turns: z.array(turnSchema).min(1),
});

/** Least LLM-judge scores (0..1) a run must reach for the gate to pass. */
export const judgeThresholdsSchema = z.strictObject({
  factuality: z.number().min(0).max(1).optional(),
  politeness: z.number().min(0).max(1).optional(),
});

export const suiteSchema = z.strictObject({
  suite: z.string().min(1),
  description: z.string().optional(),
  judge: judgeThresholdsSchema.optional(),
  cases: z.array(z.unknown()).min(1),
});

export type EvalCase = z.infer<typeof caseSchema>;
export type EvalTurn = z.infer<typeof turnSchema>;
export interface EvalSuite {
  readonly suite: string;
  readonly description?: string | undefined;
  readonly judge?: z.infer<typeof judgeThresholdsSchema> | undefined;
  readonly file: string;
  readonly cases: readonly EvalCase[];
}

export class SuiteError extends Error {
  readonly code = 'bad_request:suite';
  constructor(message: string) {
    super(message);
    this.name = 'SuiteError';
  }
}

/** Parses and validates a suite file; errors name the file, the case id (or index) and the field. */
export function parseSuite(file: string, text: string): EvalSuite {
  const document = parseDocument(text);
  const yamlError = document.errors[0];
  if (yamlError !== undefined) {
    const line = yamlError.linePos?.[0]?.line;
    throw new SuiteError(
      `${file}${line === undefined ? '' : `:${line}`}: not valid YAML: ${yamlError.message.split('\n')[0]}`,
    );
  }
  const top = suiteSchema.safeParse(document.toJS());
  if (!top.success) {
    const issue = top.error.issues[0];
    throw new SuiteError(
      `${file}: field "${issue?.path.join('.') || '(top level)'}" ${issue?.message ?? 'is invalid'}`,
    );
  }
  const seen = new Set<string>();
  const cases = top.data.cases.map((raw, index) => {
    const parsed = caseSchema.safeParse(raw);
    const rawId = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : `#${index + 1}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SuiteError(
        `${file}: case ${rawId}: field "${issue?.path.join('.') || '(case)'}" ${issue?.message ?? 'is invalid'}`,
      );
    }
    if (seen.has(parsed.data.id)) throw new SuiteError(`${file}: case ${parsed.data.id}: duplicate case id`);
    seen.add(parsed.data.id);
    return parsed.data;
  });
  return { suite: top.data.suite, description: top.data.description, judge: top.data.judge, file, cases };
}
