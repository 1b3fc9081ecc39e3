// The labelled set for the claim checker: model-style replies, each supported or with its unsupported
// claims, and the measures of how well the checker finds them. Runtime: any.
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { langSchema } from '../text/lang.ts';
import { SuiteError } from './suite.ts';
import type { SourceDocument } from '../verification/source-index.ts';
import { verifyText } from '../verification/verify.ts';

export const labelledClaimKinds = [
  'amount',
  'percent',
  'duration',
  'count',
  'phone',
  'url',
  'email',
  'entity',
  'commitment',
] as const;

const groundingCaseSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9._-]+$/),
    lang: langSchema,
    question: z.string().trim().min(1),
    citations: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
    tags: z.array(z.string()).default([]),
    reply: z.string().trim().min(1),
    unsupported: z.array(z.strictObject({ text: z.string().min(1), kind: z.enum(labelledClaimKinds) })).default([]),
  })
  .refine((entry) => entry.unsupported.every((claim) => entry.reply.includes(claim.text)), {
    message: 'every unsupported[].text must occur in reply verbatim',
  });

export type GroundingCase = z.infer<typeof groundingCaseSchema>;

export interface GroundingSet {
  readonly split: string;
  readonly cases: readonly GroundingCase[];
}

export function parseGroundingSet(file: string, text: string): GroundingSet {
  const document = parseDocument(text);
  if (document.errors[0] !== undefined)
    throw new SuiteError(`${file}: not valid YAML: ${document.errors[0].message.split('\n')[0]}`);
  const top = z.object({ split: z.string(), cases: z.array(z.unknown()).min(1) }).safeParse(document.toJS());
  if (!top.success) throw new SuiteError(`${file}: needs "split" and a list of "cases"`);
  const ids = new Set<string>();
  const cases = top.data.cases.map((raw, index) => {
    const parsed = groundingCaseSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      throw new SuiteError(`${file}: case #${index + 1}: ${issues.join('; ')}`);
    }
    if (ids.has(parsed.data.id)) throw new SuiteError(`${file}: case ${parsed.data.id}: duplicate id`);
    ids.add(parsed.data.id);
    return parsed.data;
  });
  return { split: top.data.split, cases };
}

/** What the checker said about one case: did it reject anything, and which sentences. */
export interface GroundingPrediction {
  readonly id: string;
  readonly lang: string;
  /** Labelled claims. */
  readonly labelled: readonly { readonly text: string; readonly kind: string }[];
  /** Sentences the checker found unsupported. */
  readonly flaggedSentences: readonly string[];
}

export interface GroundingMetrics {
  readonly cases: number;
  /** Replies with unsupported claims found as such / all flagged replies. */
  readonly precision: number;
  /** Replies with unsupported claims that were flagged / all such replies. */
  readonly recall: number;
  /** Faithful replies flagged / all faithful replies. */
  readonly falseRejection: number;
  readonly faithful: number;
  readonly unfaithful: number;
  /** Per labelled claim kind: claims whose sentence was flagged / claims. */
  readonly claimRecall: Readonly<Record<string, { readonly caught: number; readonly total: number }>>;
}

/** A labelled claim is caught when a flagged sentence contains it. */
export const isCaught = (claim: { text: string }, prediction: GroundingPrediction) =>
  prediction.flaggedSentences.some((sentence) => sentence.includes(claim.text) || claim.text.includes(sentence));

export function groundingMetrics(predictions: readonly GroundingPrediction[]): GroundingMetrics {
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  let faithful = 0;
  const claimRecall: Record<string, { caught: number; total: number }> = {};
  for (const prediction of predictions) {
    const flagged = prediction.flaggedSentences.length > 0;
    const unfaithful = prediction.labelled.length > 0;
    if (!unfaithful) faithful += 1;
    if (flagged && unfaithful) truePositive += 1;
    if (flagged && !unfaithful) falsePositive += 1;
    if (!flagged && unfaithful) falseNegative += 1;
    for (const claim of prediction.labelled) {
      const row = (claimRecall[claim.kind] ??= { caught: 0, total: 0 });
      row.total += 1;
      if (isCaught(claim, prediction)) row.caught += 1;
    }
  }
  const ratio = (numerator: number, denominator: number) => (denominator === 0 ? 1 : numerator / denominator);
  return {
    cases: predictions.length,
    precision: ratio(truePositive, truePositive + falsePositive),
    recall: ratio(truePositive, truePositive + falseNegative),
    falseRejection: ratio(falsePositive, faithful),
    faithful,
    unfaithful: predictions.length - faithful,
    claimRecall,
  };
}

/** Runs the claim checker over a labelled set, with each case's cited articles from `sourcesOf`. */
export function checkGroundingSet(
  cases: readonly GroundingCase[],
  sourcesOf: (articleId: string) => readonly SourceDocument[],
): GroundingPrediction[] {
  return cases.map((entry) => {
    const result = verifyText(
      entry.reply,
      entry.citations.flatMap((id) => sourcesOf(id)),
      { customerText: entry.question },
    );
    return {
      id: entry.id,
      lang: entry.lang,
      labelled: entry.unsupported,
      flaggedSentences: result.sentences.filter((sentence) => !sentence.supported).map((sentence) => sentence.text),
    };
  });
}
