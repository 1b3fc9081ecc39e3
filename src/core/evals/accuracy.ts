// Accuracy of one reply: required facts present (tolerant of word forms), forbidden content absent, the
// expected article cited, and groundedness in the cited text. Runtime: any.
import { groundedness } from '../reply/groundedness.ts';
import { isCourtesy } from '../reply/courtesy.ts';
import { normalize } from '../text/normalize.ts';
import { contentTerms } from '../text/terms.ts';

export interface AccuracyGrade {
  readonly score: number;
  readonly pass: boolean;
  readonly factRecall: number | null;
  readonly missingFacts: readonly string[];
  readonly forbiddenFound: readonly string[];
  readonly citationHit: boolean | null;
  readonly groundedness: number | null;
  readonly reason: string;
}

/** A fact is present when every number in it appears verbatim and every word appears in some form. */
export function containsFact(reply: string, fact: string): boolean {
  const text = normalize(reply).replace(/[\s\u00a0]+/g, ' ');
  const wanted = normalize(fact)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  if (text.includes(wanted)) return true;
  const numbers = wanted.match(/\d[\d\s.,:/-]*\d|\d/g) ?? [];
  const compact = text.replace(/\s/g, '');
  if (
    !numbers.every((number) =>
      new RegExp(
        `(?<![\\d.])${number.replace(/\s/g, '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\d]|\\.\\d)`,
      ).test(compact),
    )
  )
    return false;
  const replyTerms = new Set(contentTerms(reply).map((term) => term.slice(0, 5)));
  return contentTerms(fact)
    .filter((term) => !/^\d+$/.test(term))
    .every((term) => replyTerms.has(term.slice(0, 5)));
}

export function gradeAccuracy(input: {
  reply: string;
  facts?: readonly string[] | undefined;
  forbidden?: readonly string[] | undefined;
  expectedArticles?: readonly string[] | undefined;
  citedArticles: readonly string[];
  sources: readonly string[];
}): AccuracyGrade {
  const facts = input.facts ?? [];
  const missingFacts = facts.filter((fact) => !containsFact(input.reply, fact));
  const forbiddenFound = (input.forbidden ?? []).filter((item) => containsFact(input.reply, item));
  const citationHit =
    input.expectedArticles === undefined ? null : input.expectedArticles.some((id) => input.citedArticles.includes(id));
  const grounded = input.sources.length === 0 ? null : groundedness(input.reply, input.sources, isCourtesy).score;
  const factRecall = facts.length === 0 ? null : (facts.length - missingFacts.length) / facts.length;
  const parts = [
    factRecall,
    citationHit === null ? null : Number(citationHit),
    grounded,
    forbiddenFound.length > 0 ? 0 : null,
  ].filter((value): value is number => value !== null);
  const score =
    forbiddenFound.length > 0
      ? 0
      : parts.length === 0
        ? 1
        : parts.reduce((sum, value) => sum + value, 0) / parts.length;
  const cited = input.citedArticles.join(', ') || 'none';
  const problems = [
    ...missingFacts.map((fact) => `missing fact "${fact}"`),
    ...forbiddenFound.map((item) => `forbidden "${item}" present`),
    ...(citationHit === false
      ? [`expected article ${input.expectedArticles?.join(' or ')} not cited (cited: ${cited})`]
      : []),
    ...(grounded !== null && grounded < 0.75 ? [`groundedness ${grounded.toFixed(2)}`] : []),
  ];
  return {
    score,
    pass: problems.length === 0,
    factRecall,
    missingFacts,
    forbiddenFound,
    citationHit,
    groundedness: grounded,
    reason: problems.length === 0 ? 'correct and grounded' : problems.join('; '),
  };
}
