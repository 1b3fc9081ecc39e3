// Groundedness: is each sentence of a reply supported by the text it cites? Numbers, prices, deadlines,
// links and e-mail addresses must appear in the source; other sentences need most of their content words there. Runtime: any.
import { normalize } from '../text/normalize.ts';
import { stem } from '../text/stem.ts';
import { contentTerms } from '../text/terms.ts';
import { RecentCache } from '../util/recent-cache.ts';

export interface SentenceSupport {
  readonly sentence: string;
  readonly supported: boolean;
  /** Share of the sentence's content words found in the source, in [0, 1]. */
  readonly overlap: number;
  /** Numbers, links or addresses the source does not contain. */
  readonly unsupportedFacts: readonly string[];
}

export interface Groundedness {
  /** Share of checked sentences that are supported, in [0, 1]; 1 when nothing needed checking. */
  readonly score: number;
  readonly sentences: readonly SentenceSupport[];
}

/** Minimum share of a sentence's content words that must occur in the source. */
export const OVERLAP_THRESHOLD = 0.6;

const FACT = /https?:\/\/[^\s)»"]+|[\w.+-]+@[\w-]+\.[\w.]+|\d(?:[\d\s\u00a0-]*\d)?(?:[.,]\d+)?/gu;

/** Splits text into sentences and list items. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?…])\s+(?=[\p{Lu}\d«"(])/u)
    .map((sentence) => sentence.replace(/^\s*(?:\d+[.)]|[-*•])\s*/u, '').trim())
    .filter((sentence) => /[\p{L}\d]/u.test(sentence));
}

/** Facts in normalised text: links, addresses, and numbers with the start of the unit after them ("5 минут" → "5 мину"). */
function factsOf(text: string): string[] {
  const facts: string[] = [];
  for (const match of text.matchAll(FACT)) {
    const fact = match[0].replace(/[\s\u00a0]+/g, '').replace(/[.,]$/, '');
    if (fact.length === 0) continue;
    if (!/^\d/.test(fact)) {
      facts.push(fact);
      continue;
    }
    const unit = /^\s*(₽|\$|%|\p{L}+)/u.exec(text.slice(match.index + match[0].length))?.[1];
    facts.push(unit === undefined ? fact : `${fact} ${stem(unit).slice(0, 4)}`);
  }
  return facts;
}

interface SourceAnalysis {
  readonly terms: ReadonlySet<string>;
  readonly facts: ReadonlySet<string>;
}

const analyseSource = (text: string): SourceAnalysis => ({
  terms: new Set(contentTerms(text)),
  facts: new Set(factsOf(normalize(text))),
});

/** Sources are mostly knowledge-base passages, checked again and again: their terms and facts are kept. */
const SOURCES = new RecentCache<string, SourceAnalysis>(512);

/**
 * Checks every sentence of `reply` except those in `exempt` (the bot's own greetings and closings,
 * listed, or recognised by a predicate)
 * against `sources`. A sentence is supported when all its facts occur in the sources and at least
 * {@link OVERLAP_THRESHOLD} of its content words do.
 */
export function groundedness(
  reply: string,
  sources: readonly string[],
  exempt: readonly string[] | ((sentence: string) => boolean) = [],
): Groundedness {
  const { terms: sourceTerms, facts: sourceFacts } = SOURCES.through(sources.join('\n'), analyseSource);
  const exemptSet =
    typeof exempt === 'function'
      ? undefined
      : new Set(exempt.flatMap(sentencesOf).map((sentence) => normalize(sentence)));
  const isExempt = (sentence: string) =>
    typeof exempt === 'function' ? exempt(sentence) : (exemptSet?.has(normalize(sentence)) ?? false);
  const checked: SentenceSupport[] = [];
  for (const sentence of sentencesOf(reply)) {
    if (isExempt(sentence)) continue;
    const terms = contentTerms(sentence);
    const overlap = terms.length === 0 ? 1 : terms.filter((term) => sourceTerms.has(term)).length / terms.length;
    const unsupportedFacts = factsOf(normalize(sentence)).filter((fact) => !sourceFacts.has(fact));
    checked.push({
      sentence,
      supported: unsupportedFacts.length === 0 && overlap >= OVERLAP_THRESHOLD,
      overlap,
      unsupportedFacts,
    });
  }
  const supported = checked.filter((entry) => entry.supported).length;
  return { score: checked.length === 0 ? 1 : supported / checked.length, sentences: checked };
}
